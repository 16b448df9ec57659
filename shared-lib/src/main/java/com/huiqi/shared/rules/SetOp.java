package com.huiqi.shared.rules;

/** Operators that test a value against a list of values. */
public enum SetOp {
    /** A text, region or industry code is one of the listed values. */
    IN("in"),
    /** … is none of them. */
    NOT_IN("notIn"),
    /** A set-valued attribute (qualifications, tags) has at least one of the listed values. */
    CONTAINS_ANY("containsAny"),
    /** … has all of them. */
    CONTAINS_ALL("containsAll"),
    /**
     * The region code (GB/T 2260) lies within one of the listed regions: 320571 is within 320500
     * (苏州市) and 320000 (江苏省).
     */
    WITHIN_REGION("withinRegion"),
    /**
     * The industry code (GB/T 4754-2017) lies within one of the listed sections (门类 "C"),
     * divisions ("39"), groups ("391") or classes ("3911").
     */
    WITHIN_INDUSTRY("withinIndustry");

    private final String jsonName;

    SetOp(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
