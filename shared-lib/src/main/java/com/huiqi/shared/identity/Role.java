package com.huiqi.shared.identity;

import java.util.Arrays;
import java.util.Optional;

/** The roles of PRODUCT.md, one Cognito group each (group name = {@link #group()}). */
public enum Role {
    /** 平台运营方: onboards and offboards tenants; not bound to a tenant's data. */
    PLATFORM_OPERATOR("platform-operator"),
    /** 中心管理员 */
    CENTER_ADMIN("center-admin"),
    /** 后台支持人员 / 业务、窗口、热线服务人员 */
    STAFF("staff"),
    /** 业务授权部门 / 承办部门 */
    DEPARTMENT("department"),
    /** 专家 */
    EXPERT("expert"),
    /** 企业用户, bound to one enterprise by its unified social credit code */
    ENTERPRISE("enterprise"),
    /** 审计 / 第三方评估: reads and exports, changes nothing */
    AUDITOR("auditor");

    private final String group;

    Role(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }

    public static Optional<Role> fromGroup(String group) {
        return Arrays.stream(values()).filter(r -> r.group.equals(group)).findFirst();
    }
}
