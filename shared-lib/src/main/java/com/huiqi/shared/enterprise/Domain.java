package com.huiqi.shared.enterprise;

/** The data domains of an enterprise file (000 §5.2.1.2). */
public enum Domain {
    BASIC("基本信息"),
    OPERATIONS("生产经营"),
    GOVERNMENT("政务业务"),
    INTELLECTUAL_PROPERTY("知识产权"),
    CREDIT("信用信息"),
    FINANCING("上市融资"),
    PREFERENCES("兴趣偏好");

    private final String labelZh;

    Domain(String labelZh) {
        this.labelZh = labelZh;
    }

    public String labelZh() {
        return labelZh;
    }
}
