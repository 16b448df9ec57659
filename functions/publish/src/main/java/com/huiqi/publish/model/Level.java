package com.huiqi.publish.model;

/** 发布层级: the level of government that issued a policy. */
public enum Level {
    /** 国家 */
    NATIONAL,
    /** 省 */
    PROVINCIAL,
    /** 市 */
    MUNICIPAL,
    /** 区（县） */
    DISTRICT
}
