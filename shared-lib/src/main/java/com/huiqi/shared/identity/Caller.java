package com.huiqi.shared.identity;

import com.huiqi.shared.tenancy.TenantId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as proven by the verified token: never built from anything the client sends in
 * the path, query, body or headers.
 *
 * @param subject        the Cognito {@code sub}, stable for the user's lifetime
 * @param username       the Cognito user name, shown in audit records
 * @param tenant         from {@code custom:tenant_id}
 * @param roles          from {@code cognito:groups}
 * @param enterpriseCode from {@code custom:enterprise_code}, present for enterprise users only
 */
public record Caller(String subject, String username, TenantId tenant, Set<Role> roles, Optional<String> enterpriseCode) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Set<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    public boolean isPlatformOperator() {
        return has(Role.PLATFORM_OPERATOR);
    }
}
