package com.huiqi.tenants.users;

import java.util.List;

/** The body of {@code POST /users}: a staff member, department officer, expert, auditor or enterprise user. */
public record NewUser(
        String username,
        String name,
        String email,
        String phone,
        List<String> roles,
        String departmentId,
        String enterpriseCode,
        List<String> expertise) {
}
