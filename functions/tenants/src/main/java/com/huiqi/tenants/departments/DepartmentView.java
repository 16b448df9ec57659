package com.huiqi.tenants.departments;

/** A department with the version a client sends back when it updates it. */
public record DepartmentView(Department department, long version) {
}
