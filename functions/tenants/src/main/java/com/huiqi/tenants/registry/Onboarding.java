package com.huiqi.tenants.registry;

import com.huiqi.shared.tenancy.TenantRecord.SlaDefaults;

/**
 * The body of {@code POST /platform/tenants}: the new center and its first center admin, who gets
 * Cognito's invitation with a temporary password.
 */
public record Onboarding(String code, String name, String regionCode, String timeZone, SlaDefaults sla, Admin admin) {

    public record Admin(String username, String name, String email, String phone) {
    }
}
