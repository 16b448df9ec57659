package com.huiqi.tenants.users;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A user as the API shows it: the directory entry, and, when one user is read, its version (for
 * an optimistic-locking update) and contact details from Cognito.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserView(TenantUser user, Long version, String email, String phone) {
}
