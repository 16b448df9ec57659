package com.huiqi.tenants.users;

import com.huiqi.shared.config.Env;
import com.huiqi.shared.enterprise.CreditCode;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.identity.Role;
import com.huiqi.shared.identity.TokenClaims;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.Page;
import com.huiqi.shared.storage.Stored;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.storage.Transaction;
import com.huiqi.shared.validation.Fields;
import com.huiqi.tenants.departments.Departments;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * A tenant's users: Cognito accounts (credentials, groups = roles, {@code custom:tenant_id}) and
 * the tenant's directory entry, kept in step. Cognito is written first; if the directory write
 * then fails, the Cognito account is removed again, so a rejected request leaves nothing behind.
 */
@Singleton
public class UserDirectory {

    public static final String ENTITY = "User";
    /** Roles a center admin may grant; the platform operator role is never granted by a tenant. */
    static final Set<Role> GRANTABLE = EnumSet.of(Role.CENTER_ADMIN, Role.STAFF, Role.DEPARTMENT, Role.EXPERT,
            Role.ENTERPRISE, Role.AUDITOR);
    static final String DEPARTMENT_CLAIM = "custom:department_id";

    /** Built on first use: most requests of this function never call Cognito, and a cold start should not pay for it. */
    private final Provider<CognitoIdentityProviderClient> cognitoClient;
    private final Departments departments;

    public UserDirectory(Provider<CognitoIdentityProviderClient> cognitoClient, Departments departments) {
        this.cognitoClient = cognitoClient;
        this.departments = departments;
    }

    private CognitoIdentityProviderClient cognito() {
        return cognitoClient.get();
    }

    public static ItemKey keyOf(TenantStore store, String username) {
        return ItemKey.of(store.keys().pk("USER"), username);
    }

    /** Creates a user of the store's tenant, with Cognito's invitation carrying the temporary password. */
    public UserView create(TenantStore store, Caller actor, String requestId, NewUser request) {
        return createIn(store, store.begin(actor, requestId), request);
    }

    /** As {@link #create}, with the directory write joining a transaction the caller commits (onboarding). */
    public UserView createIn(TenantStore store, Transaction tx, NewUser request) {
        ValidUser user = validate(store, request);
        if (exists(user.username)) {
            throw ApiException.conflict("USERNAME_TAKEN", "用户名已被使用", "The username is already taken");
        }
        Instant now = Instant.now();
        TenantUser entry = new TenantUser(user.username, user.name, groups(user.roles), user.departmentId,
                user.enterpriseCode, user.expertise, TenantUser.UserStatus.ENABLED, now, now);
        createCognitoUser(store, user);
        try {
            tx.create(keyOf(store, user.username), ENTITY, entry)
                    .audit("user.create", ENTITY, user.username, null, entry)
                    .commit();
        } catch (RuntimeException e) {
            cognito().adminDeleteUser(b -> b.userPoolId(pool()).username(user.username));
            throw e;
        }
        return new UserView(entry, 1L, user.email, user.phone);
    }

    public Page<UserView> list(TenantStore store, String role, int limit, String cursor) {
        Page<TenantUser> page = store.query(store.keys().pk("USER"), "", TenantUser.class, limit, cursor);
        List<TenantUser> items = role == null ? page.items()
                : page.items().stream().filter(u -> u.roles().contains(role)).toList();
        return new Page<>(items.stream().map(u -> new UserView(u, null, null, null)).toList(), page.nextCursor());
    }

    public UserView get(TenantStore store, String username) {
        Stored<TenantUser> stored = find(store, username);
        var cognitoUser = cognito().adminGetUser(b -> b.userPoolId(pool()).username(username));
        String email = attribute(cognitoUser.userAttributes(), "email");
        String phone = attribute(cognitoUser.userAttributes(), "phone_number");
        return new UserView(stored.value(), stored.version(), email, phone);
    }

    public UserView changeRoles(TenantStore store, Caller actor, String requestId, String username, RoleChange change) {
        if (change.version() == null) {
            throw ApiException.validation("version", "缺少版本号", "version is required");
        }
        Stored<TenantUser> stored = find(store, username);
        TenantUser before = stored.value();
        Set<Role> roles = roles(change.roles());
        checkRoleCombination(roles, before.enterpriseCode(), before.departmentId());
        if (username.equals(actor.username()) && !roles.contains(Role.CENTER_ADMIN)) {
            throw ApiException.conflict("SELF_LOCKOUT", "不能取消自己的中心管理员角色", "You cannot remove your own center-admin role");
        }
        TenantUser after = before.withRoles(groups(roles), Instant.now());
        store.begin(actor, requestId)
                .update(keyOf(store, username), ENTITY, after, change.version())
                .audit("user.roles", ENTITY, username, before, after)
                .commit();
        // The directory is the record; Cognito groups follow it. Both are idempotent to repeat.
        for (String group : before.roles()) {
            if (!after.roles().contains(group)) {
                cognito().adminRemoveUserFromGroup(b -> b.userPoolId(pool()).username(username).groupName(group));
            }
        }
        for (String group : after.roles()) {
            cognito().adminAddUserToGroup(b -> b.userPoolId(pool()).username(username).groupName(group));
        }
        return new UserView(after, change.version() + 1, null, null);
    }

    public UserView setEnabled(TenantStore store, Caller actor, String requestId, String username, boolean enabled) {
        if (!enabled && username.equals(actor.username())) {
            throw ApiException.conflict("SELF_LOCKOUT", "不能停用自己的账号", "You cannot disable your own account");
        }
        Stored<TenantUser> stored = find(store, username);
        TenantUser after = stored.value().withStatus(
                enabled ? TenantUser.UserStatus.ENABLED : TenantUser.UserStatus.DISABLED, Instant.now());
        store.begin(actor, requestId)
                .update(keyOf(store, username), ENTITY, after, stored.version())
                .audit(enabled ? "user.enable" : "user.disable", ENTITY, username, stored.value(), after)
                .commit();
        if (enabled) {
            cognito().adminEnableUser(b -> b.userPoolId(pool()).username(username));
        } else {
            cognito().adminDisableUser(b -> b.userPoolId(pool()).username(username));
        }
        return new UserView(after, stored.version() + 1, null, null);
    }

    /** Removes a tenant's Cognito account; used when a tenant is offboarded. Missing accounts are fine. */
    public void deleteAccount(String username) {
        try {
            cognito().adminDeleteUser(b -> b.userPoolId(pool()).username(username));
        } catch (UserNotFoundException ignored) {
            // already gone: offboarding may be re-run after a partial failure
        }
    }

    Stored<TenantUser> find(TenantStore store, String username) {
        return store.get(store.keys().pk("USER"), username, TenantUser.class)
                .orElseThrow(() -> ApiException.notFound("用户", "user"));
    }

    private boolean exists(String username) {
        try {
            cognito().adminGetUser(b -> b.userPoolId(pool()).username(username));
            return true;
        } catch (UserNotFoundException e) {
            return false;
        }
    }

    private void createCognitoUser(TenantStore store, ValidUser user) {
        List<AttributeType> attributes = new ArrayList<>();
        attributes.add(attr("name", user.name));
        attributes.add(attr("email", user.email));
        attributes.add(attr("email_verified", "true"));
        attributes.add(attr(TokenClaims.TENANT, store.keys().tenant().value()));
        if (user.phone != null) {
            attributes.add(attr("phone_number", user.phone));
        }
        if (user.enterpriseCode != null) {
            attributes.add(attr(TokenClaims.ENTERPRISE, user.enterpriseCode));
        }
        if (user.departmentId != null) {
            attributes.add(attr(DEPARTMENT_CLAIM, user.departmentId));
        }
        cognito().adminCreateUser(b -> b.userPoolId(pool()).username(user.username).userAttributes(attributes)
                .desiredDeliveryMediums(DeliveryMediumType.EMAIL));
        for (Role role : user.roles) {
            cognito().adminAddUserToGroup(b -> b.userPoolId(pool()).username(user.username).groupName(role.group()));
        }
    }

    private record ValidUser(String username, String name, String email, String phone, Set<Role> roles,
                             String departmentId, String enterpriseCode, List<String> expertise) {
    }

    private ValidUser validate(TenantStore store, NewUser r) {
        String username = Fields.username(r.username());
        String name = Fields.text("name", r.name(), 1, 64);
        String email = Fields.email("email", r.email());
        String phone = Fields.optionalPhone("phone", r.phone());
        Set<Role> roles = roles(r.roles());
        String enterprise = r.enterpriseCode() == null ? null : CreditCode.of(r.enterpriseCode()).value();
        String department = r.departmentId();
        if (department != null && !departments.exists(store, department)) {
            throw ApiException.validation("departmentId", "部门不存在：" + department, "No such department: " + department);
        }
        checkRoleCombination(roles, enterprise, department);
        List<String> expertise = r.expertise() == null ? List.of()
                : r.expertise().stream().map(e -> Fields.text("expertise", e, 1, 32)).distinct().toList();
        if (!expertise.isEmpty() && !roles.contains(Role.EXPERT)) {
            throw ApiException.validation("expertise", "只有专家可以填写专业领域", "Only experts have expertise");
        }
        return new ValidUser(username, name, email, phone, roles, department, enterprise, expertise);
    }

    private static Set<Role> roles(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw ApiException.validation("roles", "至少需要一个角色", "At least one role is required");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            Role role = Role.fromGroup(name).filter(GRANTABLE::contains).orElseThrow(() -> ApiException.validation(
                    "roles", "不支持的角色：" + name, "Unknown or non-grantable role: " + name));
            roles.add(role);
        }
        return roles;
    }

    private static void checkRoleCombination(Set<Role> roles, String enterpriseCode, String departmentId) {
        if (roles.contains(Role.ENTERPRISE)) {
            if (roles.size() > 1) {
                throw ApiException.validation("roles", "企业用户不能兼任中心角色",
                        "An enterprise user cannot hold a center role as well");
            }
            if (enterpriseCode == null) {
                throw ApiException.validation("enterpriseCode", "企业用户必须绑定统一社会信用代码",
                        "An enterprise user must be bound to a unified social credit code");
            }
        } else if (enterpriseCode != null) {
            throw ApiException.validation("enterpriseCode", "只有企业用户绑定统一社会信用代码",
                    "Only enterprise users are bound to a credit code");
        }
        if (roles.contains(Role.DEPARTMENT) && departmentId == null) {
            throw ApiException.validation("departmentId", "部门用户必须指定所属部门",
                    "A department user must belong to a department");
        }
    }

    private static List<String> groups(Set<Role> roles) {
        return new ArrayList<>(new LinkedHashSet<>(roles.stream().map(Role::group).sorted().toList()));
    }

    private static AttributeType attr(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private static String attribute(List<AttributeType> attributes, String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).map(AttributeType::value).findFirst().orElse(null);
    }

    private static String pool() {
        return Env.require(Env.USER_POOL_ID);
    }
}
