package com.huiqi.tenants.departments;

import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.Page;
import com.huiqi.shared.storage.Stored;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.validation.Fields;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.regex.Pattern;

/** A tenant's departments ({@code <tenant>#DEPT}); deactivated rather than deleted, since history refers to them. */
@Singleton
public class Departments {

    static final String ENTITY = "Department";
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,31}");

    public Stored<Department> find(TenantStore store, String id) {
        return store.get(store.keys().pk("DEPT"), id, Department.class)
                .orElseThrow(() -> ApiException.notFound("部门", "department"));
    }

    public boolean exists(TenantStore store, String id) {
        return ID.matcher(id).matches() && store.get(store.keys().pk("DEPT"), id, Department.class).isPresent();
    }

    public Page<Department> list(TenantStore store, int limit, String cursor) {
        return store.query(store.keys().pk("DEPT"), "", Department.class, limit, cursor);
    }

    public DepartmentView create(TenantStore store, Caller actor, String requestId, DepartmentInput input) {
        if (input.id() == null || !ID.matcher(input.id()).matches()) {
            throw ApiException.validation("id", "部门编码须为2至32位小写字母、数字或连字符，以字母开头",
                    "Department id must be 2 to 32 lower-case letters, digits or hyphens, starting with a letter");
        }
        if (input.version() != null) {
            throw ApiException.validation("version", "新建部门不能指定版本号", "A new department has no version");
        }
        if (exists(store, input.id())) {
            throw ApiException.conflict("DEPARTMENT_EXISTS", "部门编码已存在", "A department with this id exists");
        }
        Instant now = Instant.now();
        Department department = build(input, input.id(), now, now);
        store.begin(actor, requestId)
                .create(key(store, input.id()), ENTITY, department)
                .audit("department.create", ENTITY, input.id(), null, department)
                .commit();
        return new DepartmentView(department, 1);
    }

    public DepartmentView update(TenantStore store, Caller actor, String requestId, String id, DepartmentInput input) {
        if (input.version() == null) {
            throw ApiException.validation("version", "缺少版本号", "version is required");
        }
        if (input.id() != null && !input.id().equals(id)) {
            throw ApiException.validation("id", "部门编码不可修改", "A department's id cannot change");
        }
        Stored<Department> stored = find(store, id);
        Department after = build(input, id, stored.value().createdAt(), Instant.now());
        store.begin(actor, requestId)
                .update(key(store, id), ENTITY, after, input.version())
                .audit("department.update", ENTITY, id, stored.value(), after)
                .commit();
        return new DepartmentView(after, input.version() + 1);
    }

    private static Department build(DepartmentInput input, String id, Instant created, Instant updated) {
        if (input.kind() == null) {
            throw ApiException.validation("kind", "请选择部门类型", "kind is required");
        }
        return new Department(id, Fields.text("name", input.name(), 2, 64), input.kind(),
                Fields.optionalText("contactName", input.contactName(), 32),
                Fields.optionalContactPhone("contactPhone", input.contactPhone()),
                input.active() == null || input.active(), created, updated);
    }

    private static ItemKey key(TenantStore store, String id) {
        return ItemKey.of(store.keys().pk("DEPT"), id);
    }
}
