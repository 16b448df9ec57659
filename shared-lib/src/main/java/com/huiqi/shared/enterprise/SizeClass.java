package com.huiqi.shared.enterprise;

/** 企业规模, in the words the rule language's {@code sizeClass} attribute uses. */
public enum SizeClass {
    LARGE("大型"),
    MEDIUM("中型"),
    SMALL("小型"),
    MICRO("微型");

    private final String labelZh;

    SizeClass(String labelZh) {
        this.labelZh = labelZh;
    }

    public String labelZh() {
        return labelZh;
    }
}
