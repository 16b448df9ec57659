package com.huiqi.tenants.departments;

import java.time.Instant;

/**
 * A government department or service institution that a center works with (业务授权部门 /
 * 承办部门 / 服务机构). Applications are forwarded and demands routed to it in later capabilities.
 *
 * @param id a readable code chosen by the center, such as {@code kjj} for 科技局; stable for life
 */
public record Department(
        String id,
        String name,
        DepartmentKind kind,
        String contactName,
        String contactPhone,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    public enum DepartmentKind {
        /** 业务授权部门: decides applications */
        AUTHORIZING,
        /** 承办部门: handles routed demands */
        UNDERTAKING,
        /** 服务机构: third-party service institution */
        SERVICE_INSTITUTION
    }
}
