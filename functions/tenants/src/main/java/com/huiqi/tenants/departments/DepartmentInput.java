package com.huiqi.tenants.departments;

/** The body of {@code POST /departments} and {@code PUT /departments/{departmentId}}. */
public record DepartmentInput(
        String id,
        String name,
        Department.DepartmentKind kind,
        String contactName,
        String contactPhone,
        Boolean active,
        Long version) {
}
