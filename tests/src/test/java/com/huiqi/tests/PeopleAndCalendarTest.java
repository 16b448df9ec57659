package com.huiqi.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.local.demo.ApiClient.Exchange;
import com.huiqi.local.demo.DemoData;
import com.huiqi.tests.support.TestStack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A center admin's day: people, roles, departments, closures, and the audit trail of all of it. */
class PeopleAndCalendarTest {

    private static final TestStack STACK = TestStack.get();
    private final String admin = STACK.token("wz-admin");

    @Test
    void everyDemoAccountLogsInWithItsTenantAndRoles() {
        for (DemoData.DemoTenant tenant : DemoData.tenants()) {
            for (DemoData.Person person : tenant.people()) {
                Exchange me = STACK.call("GET", "/me", STACK.token(person.username()), null);
                assertEquals(200, me.status(), me.body());
                assertEquals(tenant.code(), me.json().get("tenant").asText());
                assertEquals(person.roles().stream().sorted().toList(), list(me.json().get("roles")),
                        person.username() + " has exactly its roles");
            }
        }
        assertEquals("platform", STACK.call("GET", "/me", STACK.token("operator"), null).json().get("tenant").asText());
    }

    @Test
    void rolesChangeWithOptimisticLockingAndAreAudited() {
        Exchange created = STACK.call("POST", "/users", admin, Map.of("username", "wz-roles", "name", "章敏",
                "email", "wz-roles@test.huiqi.local", "phone", "+8613800000001", "roles", List.of("staff")));
        assertEquals(201, created.status(), created.body());
        assertEquals("+8613800000001", created.json().get("phone").asText());

        Exchange changed = STACK.call("PUT", "/users/wz-roles/roles", admin,
                Map.of("roles", List.of("staff", "auditor"), "version", 1));
        assertEquals(200, changed.status(), changed.body());
        assertEquals(List.of("auditor", "staff"), list(changed.json().at("/user/roles")));
        assertEquals(2, changed.json().get("version").asLong());

        Exchange stale = STACK.call("PUT", "/users/wz-roles/roles", admin, Map.of("roles", List.of("expert"), "version", 1));
        assertEquals(409, stale.status());
        assertEquals("CONCURRENT_MODIFICATION", stale.json().get("code").asText());
        assertEquals(List.of("auditor", "staff"), list(STACK.call("GET", "/users/wz-roles", admin, null).json().at("/user/roles")));

        try (var cognito = STACK.cognito()) {
            var groups = cognito.adminListGroupsForUser(b -> b.userPoolId(STACK.stack().userPoolId()).username("wz-roles"));
            assertEquals(List.of("auditor", "staff"), groups.groups().stream().map(g -> g.groupName()).sorted().toList());
        }

        List<JsonNode> trail = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = STACK.call("GET", "/audit?limit=100" + (cursor == null ? "" : "&cursor=" + cursor), admin, null).json();
            page.get("items").forEach(trail::add);
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        JsonNode record = null;
        for (JsonNode r : trail) {
            if ("user.roles".equals(r.get("action").asText()) && "wz-roles".equals(r.get("entityId").asText())) {
                record = r;
            }
        }
        assertTrue(record != null, "the role change is in the audit trail");
        assertEquals("wz-admin", record.get("actor").asText());
        assertEquals(List.of("staff"), list(record.at("/before/roles")));
        assertEquals(List.of("auditor", "staff"), list(record.at("/after/roles")));
    }

    @Test
    void aDisabledUserCannotLogIn() {
        assertEquals(201, STACK.call("POST", "/users", admin, Map.of("username", "wz-leaver", "name", "离职员工",
                "email", "wz-leaver@test.huiqi.local", "roles", List.of("staff"))).status());
        try (var cognito = STACK.cognito()) {
            cognito.adminSetUserPassword(b -> b.userPoolId(STACK.stack().userPoolId()).username("wz-leaver")
                    .password(DemoData.PASSWORD).permanent(true));
        }
        STACK.rawClient().login("wz-leaver", DemoData.PASSWORD);
        Exchange disabled = STACK.call("POST", "/users/wz-leaver/disable", admin, null);
        assertEquals("DISABLED", disabled.json().at("/user/status").asText());
        Exchange login = STACK.rawClient().send("POST", "/local/login", null,
                Map.of("username", "wz-leaver", "password", DemoData.PASSWORD));
        assertEquals(401, login.status());
        Exchange self = STACK.call("POST", "/users/wz-admin/disable", admin, null);
        assertEquals(409, self.status());
        assertEquals("SELF_LOCKOUT", self.json().get("code").asText());
    }

    @Test
    void departmentsUpdateWithTheirVersion() {
        Exchange created = STACK.call("POST", "/departments", admin, Map.of("id", "fgw", "name", "温州市发展和改革委员会",
                "kind", "AUTHORIZING", "contactPhone", "0577-88960000"));
        assertEquals(201, created.status(), created.body());
        assertEquals("/departments/fgw", created.headers().get("location"));
        Exchange updated = STACK.call("PUT", "/departments/fgw", admin, Map.of("name", "温州市发展改革委", "kind", "AUTHORIZING",
                "active", false, "version", 1));
        assertEquals(200, updated.status(), updated.body());
        assertEquals(false, updated.json().at("/department/active").asBoolean());
        assertEquals(409, STACK.call("PUT", "/departments/fgw", admin, Map.of("name", "再改", "kind", "AUTHORIZING",
                "version", 1)).status());
        assertEquals(409, STACK.call("POST", "/departments", admin, Map.of("id", "fgw", "name", "重复",
                "kind", "AUTHORIZING")).status());
    }

    @Test
    void localClosuresMoveDueDatesAcrossTheOfficialCalendar() {
        // National Day 2026: Oct 1-7 off, Sep 20 (Sunday) and Oct 10 (Saturday) are make-up working days.
        Exchange national = STACK.call("GET", "/calendar/due-date?from=2026-09-30&workingDays=1", admin, null);
        assertEquals(200, national.status(), national.body());
        assertEquals("2026-10-08", national.json().get("due").asText());

        String wzStaff = STACK.token("wz-staff");
        assertEquals("2026-12-02", STACK.call("GET", "/calendar/due-date?from=2026-12-01&workingDays=1", wzStaff, null)
                .json().get("due").asText());
        long version = STACK.call("GET", "/calendar", admin, null).json().at("/closures/version").asLong();
        Exchange put = STACK.call("PUT", "/calendar/closures", admin, Map.of("version", version,
                "closures", List.of(Map.of("date", "2026-12-02", "reason", "台风停工"))));
        assertEquals(200, put.status(), put.body());
        assertEquals("2026-12-03", STACK.call("GET", "/calendar/due-date?from=2026-12-01&workingDays=1", wzStaff, null)
                .json().get("due").asText());
        // Suzhou's calendar is untouched by Wenzhou's closure.
        assertEquals("2026-12-02", STACK.call("GET", "/calendar/due-date?from=2026-12-01&workingDays=1",
                STACK.token("sip-staff"), null).json().get("due").asText());

        Exchange unpublished = STACK.call("GET", "/calendar/due-date?from=2027-03-01&workingDays=3", wzStaff, null);
        assertEquals(422, unpublished.status());
        assertEquals("CALENDAR_YEAR_NOT_PUBLISHED", unpublished.json().get("code").asText());
    }

    private static List<String> list(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
