package com.huiqi.tenants.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.huiqi.shared.tenancy.TenantRecord;
import com.huiqi.tenants.users.UserView;

/** A tenant as the operator sees it; {@code admin} only in the onboarding answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TenantView(TenantRecord tenant, long version, UserView admin) {
}
