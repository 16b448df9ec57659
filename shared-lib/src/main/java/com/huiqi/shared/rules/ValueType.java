package com.huiqi.shared.rules;

/**
 * What a matching indicator (匹配指标) yields and so what it can be compared with. Money is always
 * in yuan (元) as {@link java.math.BigDecimal}; a percentage is a share or a growth rate.
 */
public enum ValueType {
    NUMBER("数值", "a number", true),
    MONEY("金额", "an amount of money", true),
    PERCENT("百分比", "a percentage", true),
    DATE("日期", "a date", true),
    TEXT("文本", "a text", false),
    TEXT_SET("文本集合", "a set of texts", false),
    REGION_CODE("行政区划代码", "an administrative division code", false),
    INDUSTRY_CODE("行业代码", "an industry code", false),
    BOOLEAN("是/否", "yes or no", false);

    private final String labelZh;
    private final String labelEn;
    private final boolean ordered;

    ValueType(String labelZh, String labelEn, boolean ordered) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
        this.ordered = ordered;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    /** Whether gt/gte/lt/lte/between and tier bounds make sense for it. */
    public boolean ordered() {
        return ordered;
    }
}
