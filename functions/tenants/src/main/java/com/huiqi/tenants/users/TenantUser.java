package com.huiqi.tenants.users;

import java.time.Instant;
import java.util.List;

/**
 * A user of one tenant as the tenant's directory keeps it ({@code <tenant>#USER}). Cognito holds
 * the credentials, contact details and groups; this mirror exists because Cognito cannot list
 * users by a custom attribute, and a center must list its own people without seeing others'.
 * Contact details (personal data) stay in Cognito only.
 */
public record TenantUser(
        String username,
        String name,
        List<String> roles,
        String departmentId,
        String enterpriseCode,
        List<String> expertise,
        UserStatus status,
        Instant createdAt,
        Instant updatedAt) {

    public enum UserStatus { ENABLED, DISABLED }

    TenantUser withRoles(List<String> newRoles, Instant at) {
        return new TenantUser(username, name, newRoles, departmentId, enterpriseCode, expertise, status, createdAt, at);
    }

    TenantUser withStatus(UserStatus newStatus, Instant at) {
        return new TenantUser(username, name, roles, departmentId, enterpriseCode, expertise, newStatus, createdAt, at);
    }
}
