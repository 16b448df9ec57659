package com.huiqi.tenants;

import static com.huiqi.shared.identity.Role.AUDITOR;
import static com.huiqi.shared.identity.Role.CENTER_ADMIN;
import static com.huiqi.shared.identity.Role.DEPARTMENT;
import static com.huiqi.shared.identity.Role.ENTERPRISE;
import static com.huiqi.shared.identity.Role.EXPERT;
import static com.huiqi.shared.identity.Role.PLATFORM_OPERATOR;
import static com.huiqi.shared.identity.Role.STAFF;

import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.http.ApiRequest;
import com.huiqi.shared.http.ApiResponse;
import com.huiqi.shared.http.RouteTable;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.identity.Role;
import com.huiqi.shared.tenancy.TenantRegistry;
import com.huiqi.shared.tenancy.TenantStatus;
import com.huiqi.shared.calendar.Closures;
import com.huiqi.tenants.calendar.TenantCalendar;
import com.huiqi.tenants.departments.DepartmentInput;
import com.huiqi.tenants.departments.DepartmentView;
import com.huiqi.tenants.departments.Departments;
import com.huiqi.tenants.registry.Onboarding;
import com.huiqi.tenants.registry.StatusChange;
import com.huiqi.tenants.registry.TenantAdministration;
import com.huiqi.tenants.registry.TenantView;
import com.huiqi.tenants.users.NewUser;
import com.huiqi.tenants.users.RoleChange;
import com.huiqi.tenants.users.UserDirectory;
import com.huiqi.tenants.users.UserView;
import jakarta.inject.Singleton;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The routes of the tenants function: platform operations, the tenant's people, departments and calendar. */
@Singleton
public class TenantsRoutes {

    private final RouteTable table = new RouteTable();
    private final TenantAdministration tenants;
    private final TenantRegistry registry;
    private final UserDirectory users;
    private final Departments departments;
    private final TenantCalendar calendar;

    public TenantsRoutes(TenantAdministration tenants, TenantRegistry registry, UserDirectory users,
                         Departments departments, TenantCalendar calendar) {
        this.tenants = tenants;
        this.registry = registry;
        this.users = users;
        this.departments = departments;
        this.calendar = calendar;

        Set<Role> tenantRoles = EnumSet.of(CENTER_ADMIN, STAFF, DEPARTMENT, EXPERT, ENTERPRISE, AUDITOR);
        table.add("GET", "/me", this::me, EnumSet.allOf(Role.class))
                .add("GET", "/tenant", this::ownTenant, tenantRoles)

                .add("GET", "/platform/tenants", this::listTenants, PLATFORM_OPERATOR)
                .add("POST", "/platform/tenants", this::onboard, PLATFORM_OPERATOR)
                .add("GET", "/platform/tenants/{tenantId}", r -> ApiResponse.ok(tenants.get(r.path("tenantId"))),
                        PLATFORM_OPERATOR)
                .add("POST", "/platform/tenants/{tenantId}/suspend", r -> status(r, TenantStatus.SUSPENDED),
                        PLATFORM_OPERATOR)
                .add("POST", "/platform/tenants/{tenantId}/resume", r -> status(r, TenantStatus.ACTIVE),
                        PLATFORM_OPERATOR)
                .add("POST", "/platform/tenants/{tenantId}/offboard", r -> ApiResponse.ok(tenants.offboard(
                        r.caller(), r.requestId(), r.path("tenantId"), r.body(StatusChange.class))), PLATFORM_OPERATOR)
                .add("GET", "/platform/audit", this::auditTrail, PLATFORM_OPERATOR)

                .add("GET", "/users", r -> ApiResponse.ok(users.list(r.store(), r.query("role").orElse(null),
                        r.pageSize(), r.cursor())), CENTER_ADMIN)
                .add("POST", "/users", this::createUser, CENTER_ADMIN)
                .add("GET", "/users/{username}", r -> ApiResponse.ok(users.get(r.store(), r.path("username"))),
                        CENTER_ADMIN)
                .add("PUT", "/users/{username}/roles", r -> ApiResponse.ok(users.changeRoles(r.store(), r.caller(),
                        r.requestId(), r.path("username"), r.body(RoleChange.class))), CENTER_ADMIN)
                .add("POST", "/users/{username}/disable", r -> ApiResponse.ok(users.setEnabled(r.store(), r.caller(),
                        r.requestId(), r.path("username"), false)), CENTER_ADMIN)
                .add("POST", "/users/{username}/enable", r -> ApiResponse.ok(users.setEnabled(r.store(), r.caller(),
                        r.requestId(), r.path("username"), true)), CENTER_ADMIN)

                .add("GET", "/departments", r -> ApiResponse.ok(departments.list(r.store(), r.pageSize(), r.cursor())),
                        CENTER_ADMIN, STAFF, DEPARTMENT, AUDITOR)
                .add("POST", "/departments", this::createDepartment, CENTER_ADMIN)
                .add("GET", "/departments/{departmentId}", r -> {
                    var stored = departments.find(r.store(), r.path("departmentId"));
                    return ApiResponse.ok(new DepartmentView(stored.value(), stored.version()));
                }, CENTER_ADMIN, STAFF, DEPARTMENT, AUDITOR)
                .add("PUT", "/departments/{departmentId}", r -> ApiResponse.ok(departments.update(r.store(), r.caller(),
                        r.requestId(), r.path("departmentId"), r.body(DepartmentInput.class))), CENTER_ADMIN)

                .add("GET", "/calendar", this::calendarView, tenantRoles)
                .add("PUT", "/calendar/closures", r -> ApiResponse.ok(calendar.replaceClosures(r.store(), r.caller(),
                        r.requestId(), r.body(Closures.class))), CENTER_ADMIN)
                .add("GET", "/calendar/due-date", this::dueDate, tenantRoles)

                .add("GET", "/audit", this::auditTrail, CENTER_ADMIN, AUDITOR);
    }

    public RouteTable table() {
        return table;
    }

    /** Who the caller is, as the platform understands the token. */
    public record Me(String username, String tenant, List<String> roles, String enterpriseCode) {
    }

    private ApiResponse me(ApiRequest r) {
        Caller c = r.caller();
        return ApiResponse.ok(new Me(c.username(), c.tenant().value(),
                c.roles().stream().map(Role::group).sorted().toList(), c.enterpriseCode().orElse(null)));
    }

    private ApiResponse ownTenant(ApiRequest r) {
        var stored = registry.find(r.caller().tenant()).orElseThrow(() -> ApiException.notFound("租户", "tenant"));
        return ApiResponse.ok(new TenantView(stored.value(), stored.version(), null));
    }

    private ApiResponse listTenants(ApiRequest r) {
        TenantStatus status = r.query("status").map(s -> enumValue(TenantStatus.class, "status", s)).orElse(null);
        return ApiResponse.ok(tenants.list(r.pageSize(), r.cursor(), status));
    }

    private ApiResponse onboard(ApiRequest r) {
        TenantView view = tenants.onboard(r.caller(), r.requestId(), r.body(Onboarding.class));
        return ApiResponse.created(view, "/platform/tenants/" + view.tenant().code());
    }

    private ApiResponse status(ApiRequest r, TenantStatus target) {
        return ApiResponse.ok(tenants.changeStatus(r.caller(), r.requestId(), r.path("tenantId"), target,
                r.body(StatusChange.class)));
    }

    private ApiResponse createUser(ApiRequest r) {
        UserView view = users.create(r.store(), r.caller(), r.requestId(), r.body(NewUser.class));
        return ApiResponse.created(view, "/users/" + view.user().username());
    }

    private ApiResponse createDepartment(ApiRequest r) {
        DepartmentView view = departments.create(r.store(), r.caller(), r.requestId(), r.body(DepartmentInput.class));
        return ApiResponse.created(view, "/departments/" + view.department().id());
    }

    /** The tenant's calendar settings and the years for which working days can be computed. */
    public record CalendarView(String timeZone, List<Integer> publishedYears, Closures closures) {
    }

    private ApiResponse calendarView(ApiRequest r) {
        return ApiResponse.ok(new CalendarView(timeZoneOf(r), List.copyOf(calendar.official().coveredYears()),
                calendar.closures(r.store())));
    }

    /** A deadline {@code workingDays} working days after {@code from}, as SLA clocks count it. */
    public record DueDate(LocalDate from, int workingDays, LocalDate due, int calendarDays) {
    }

    private ApiResponse dueDate(ApiRequest r) {
        LocalDate from = r.query("from").map(s -> date("from", s)).orElseGet(() -> LocalDate.now(ZoneId.of(timeZoneOf(r))));
        int days = r.query("workingDays").map(s -> integer("workingDays", s, 0, 365)).orElseThrow(() ->
                ApiException.validation("workingDays", "缺少工作日数", "workingDays is required"));
        LocalDate due = calendar.calendarOf(r.store()).addWorkingDays(from, days);
        return ApiResponse.ok(new DueDate(from, days, due, (int) (due.toEpochDay() - from.toEpochDay())));
    }

    private ApiResponse auditTrail(ApiRequest r) {
        LocalDate day = r.query("date").map(s -> date("date", s)).orElseGet(() -> LocalDate.now(ZoneId.of("UTC")));
        return ApiResponse.ok(r.store().auditTrail(day, r.pageSize(), r.cursor()));
    }

    private static String timeZoneOf(ApiRequest r) {
        return r.zone().getId();
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw ApiException.badRequest("INVALID_DATE", field + " 须为 YYYY-MM-DD 格式的日期",
                    field + " must be a date in YYYY-MM-DD form", field);
        }
    }

    private static int integer(String field, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest("INVALID_NUMBER", field + " 须为" + min + "至" + max + "的整数",
                field + " must be an integer from " + min + " to " + max, field);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_FILTER", field + " 取值无效：" + value, "Invalid " + field + ": " + value, field);
        }
    }
}
