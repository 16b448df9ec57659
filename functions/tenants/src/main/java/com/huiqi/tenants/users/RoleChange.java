package com.huiqi.tenants.users;

import java.util.List;

/** The body of {@code PUT /users/{username}/roles}; {@code version} is the one the client read. */
public record RoleChange(List<String> roles, Long version) {
}
