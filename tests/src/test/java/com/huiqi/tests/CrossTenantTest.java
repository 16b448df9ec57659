package com.huiqi.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.local.demo.ApiClient.Exchange;
import com.huiqi.tests.support.TestStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tenant A's tokens against tenant B's resources (Wenzhou against Suzhou Industrial Park): every
 * read and write of B's things answers 404, exactly as for things that do not exist, and B's data
 * is unchanged afterwards. Lists, audit trails and cursors never cross over, and nothing a client
 * sends (header, query) can choose the tenant.
 */
class CrossTenantTest {

    private static final TestStack STACK = TestStack.get();
    private final String wz = STACK.token("wz-admin");
    private final String sip = STACK.token("sip-admin");

    @Test
    void anotherTenantsUserIsNotFoundForEveryUserRoute() {
        Exchange before = STACK.call("GET", "/users/sip-staff", sip, null);
        assertEquals(200, before.status());

        assertNotFound("GET", "/users/sip-staff", null);
        assertNotFound("PUT", "/users/sip-staff/roles",
                Map.of("roles", List.of("center-admin"), "version", before.json().get("version").asLong()));
        assertNotFound("POST", "/users/sip-staff/disable", null);
        assertNotFound("POST", "/users/sip-staff/enable", null);

        Exchange after = STACK.call("GET", "/users/sip-staff", sip, null);
        assertEquals(before.json(), after.json(), "Suzhou's user must be unchanged");
    }

    @Test
    void anotherTenantsDepartmentIsNotFoundAndUnchanged() {
        Exchange before = STACK.call("GET", "/departments/swj", sip, null);
        assertEquals(200, before.status());
        assertNotFound("GET", "/departments/swj", null);
        assertNotFound("PUT", "/departments/swj", Map.of("name", "被篡改的部门", "kind", "UNDERTAKING",
                "version", before.json().get("version").asLong()));
        assertEquals(before.json(), STACK.call("GET", "/departments/swj", sip, null).json());

        // Both centers have a department "kjj": each sees its own.
        assertEquals("温州市科学技术局", STACK.call("GET", "/departments/kjj", wz, null).json().at("/department/name").asText());
        assertEquals("园区科技创新委员会", STACK.call("GET", "/departments/kjj", sip, null).json().at("/department/name").asText());
    }

    @Test
    void writesStayInTheCallersTenant() {
        // Another tenant's department cannot be referenced...
        Exchange foreignDept = STACK.call("POST", "/users", wz, Map.of("username", "wz-crossdept", "name", "跨租户",
                "email", "crossdept@test.huiqi.local", "roles", List.of("department"), "departmentId", "swj"));
        assertEquals(422, foreignDept.status(), foreignDept.body());
        // ...and the same department id in another tenant is a different department.
        JsonNode sipRsj = STACK.call("GET", "/departments/rsj", sip, null).json();
        assertEquals(201, STACK.call("POST", "/departments", wz, Map.of("id", "rsj", "name", "温州市人力资源和社会保障局",
                "kind", "AUTHORIZING")).status());
        assertEquals(sipRsj, STACK.call("GET", "/departments/rsj", sip, null).json());
        // Closures are per center.
        JsonNode wzCalendar = STACK.call("GET", "/calendar", wz, null).json();
        STACK.call("PUT", "/calendar/closures", sip, Map.of("version", STACK.call("GET", "/calendar", sip, null)
                .json().at("/closures/version").asLong(), "closures", List.of(Map.of("date", "2026-11-30", "reason", "园区停电检修"))));
        assertEquals(wzCalendar, STACK.call("GET", "/calendar", wz, null).json());
    }

    @Test
    void listsAndAuditTrailsHoldOnlyTheCallersTenant() {
        for (JsonNode user : all("/users", wz)) {
            assertFalse(user.at("/user/username").asText().startsWith("sip-"), user.toString());
        }
        List<JsonNode> departments = all("/departments", wz);
        assertTrue(departments.size() >= 3);
        for (JsonNode d : departments) {
            assertFalse(d.get("name").asText().startsWith("园区"), "a Suzhou department in Wenzhou's list: " + d);
        }
        for (JsonNode audit : all("/audit", wz)) {
            assertEquals("wenzhou", audit.get("tenant").asText());
        }
        for (JsonNode audit : all("/audit", STACK.token("sip-auditor"))) {
            assertEquals("sip", audit.get("tenant").asText());
        }
    }

    @Test
    void anotherTenantsEnterpriseFileIsNotFoundOnEveryRouteAndUnchanged() {
        String sipCode = com.huiqi.local.demo.DemoData.tenants().get(0).enterprise().creditCode();
        // A well-formed code no center has a file for: the reference answer for "does not exist".
        String nowhere = com.huiqi.shared.enterprise.CreditCode.complete("91330302MA9Y9Y9Y9").value();
        Exchange before = STACK.call("GET", "/enterprises/" + sipCode, sip, null);
        assertEquals(200, before.status());
        long version = before.json().get("version").asLong();
        Map<String, Object> facts = Map.of("version", version, "facts", List.of(Map.of("field", "employees", "year", 2025, "value", 1)));
        for (String[] call : new String[][] {{"GET", ""}, {"GET", "/profile"}, {"GET", "/history?field=employees&year=2025"},
                {"PUT", "/facts"}, {"POST", "/lifecycle"}, {"POST", "/activities"}}) {
            Object body = switch (call[1]) {
                case "/facts" -> facts;
                case "/lifecycle" -> Map.of("kind", "MOVED_OUT", "version", version);
                case "/activities" -> Map.of("kind", "EVENT", "subject", "跨租户", "version", version);
                default -> null;
            };
            Exchange e = STACK.call(call[0], "/enterprises/" + sipCode + call[1], wz, body);
            assertEquals(404, e.status(), call[0] + " " + call[1] + ": " + e.body());
            Exchange missing = STACK.call(call[0], "/enterprises/" + nowhere + call[1], wz, body);
            var leaked = (com.fasterxml.jackson.databind.node.ObjectNode) e.json().deepCopy();
            var reference = (com.fasterxml.jackson.databind.node.ObjectNode) missing.json().deepCopy();
            leaked.remove("instance");
            reference.remove("instance");
            assertEquals(reference, leaked);
        }
        // Wenzhou's enterprise user cannot reach Suzhou's file either, and Wenzhou's lists never show it.
        assertEquals(404, STACK.call("GET", "/enterprises/" + sipCode, STACK.token("wz-ent"), null).status());
        for (JsonNode entry : all("/enterprises", wz)) {
            assertFalse(entry.get("creditCode").asText().equals(sipCode), entry.toString());
        }
        assertFalse(STACK.call("GET", "/enterprises/export", wz, null).body().contains(sipCode));
        // Wenzhou may open a file for the same code: a different file, in its own tenant.
        assertEquals(before.json(), STACK.call("GET", "/enterprises/" + sipCode, sip, null).json(), "Suzhou's file is unchanged");
        String sipCursor = STACK.call("GET", "/enterprises?limit=1", sip, null).json().get("nextCursor").asText();
        assertEquals(400, STACK.call("GET", "/enterprises?limit=1&cursor=" + sipCursor, wz, null).status());
    }

    @Test
    void aCursorFromAnotherTenantIsRefused() {
        Exchange page = STACK.call("GET", "/users?limit=2", sip, null);
        String cursor = page.json().get("nextCursor").asText();
        assertNotNull(cursor);
        Exchange replay = STACK.call("GET", "/users?limit=2&cursor=" + cursor, wz, null);
        assertEquals(400, replay.status());
        assertEquals("INVALID_CURSOR", replay.json().get("code").asText());
    }

    @Test
    void searchAnswersOnlyFromTheCallersOwnIndex() {
        String park = "/search?q=" + java.net.URLEncoder.encode("苏州工业园区", java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(STACK.call("GET", park, STACK.token("sip-ent"), null).json().get("total").asInt() > 0);
        for (String account : List.of("wz-ent", "wz-staff", "wz-admin")) {
            Exchange e = STACK.call("GET", park, STACK.token(account), null);
            assertEquals(200, e.status(), e.body());
            assertEquals(0, e.json().get("total").asInt(), "Wenzhou's search never sees the park's entries: " + e.body());
        }
        // The same codes exist in both centers: each finds its own title.
        Exchange wzProduct = STACK.call("GET", "/search?kind=products&q=" + java.net.URLEncoder.encode("研发费用补助",
                java.nio.charset.StandardCharsets.UTF_8), STACK.token("wz-ent"), null);
        wzProduct.json().get("items").forEach(h -> assertFalse(h.toString().contains("园区"), h.toString()));
        // A Suzhou cursor does not continue anything in Wenzhou, even for the same query.
        Exchange page = STACK.call("GET", "/search?limit=2", STACK.token("sip-ent"), null);
        Exchange replay = STACK.call("GET", "/search?limit=2&cursor=" + page.json().get("nextCursor").asText(),
                STACK.token("wz-ent"), null);
        assertEquals(400, replay.status());
        assertEquals("INVALID_CURSOR", replay.json().get("code").asText());
        // Each center keeps its own synonyms.
        JsonNode wzSynonyms = STACK.call("GET", "/search/synonyms", STACK.token("wz-staff"), null).json();
        JsonNode sipSynonyms = STACK.call("GET", "/search/synonyms", STACK.token("sip-staff"), null).json();
        assertEquals(wzSynonyms.at("/synonyms/updatedBy").asText().startsWith("wz-"), true, wzSynonyms.toString());
        assertEquals(sipSynonyms.at("/synonyms/updatedBy").asText().startsWith("sip-"), true, sipSynonyms.toString());
    }

    @Test
    void theTenantComesOnlyFromTheToken() {
        Exchange e = STACK.rawClient().sendRaw("GET", "/tenant?tenant=sip&tenantId=sip", wz, null, null);
        assertEquals(200, e.status());
        assertEquals("wenzhou", e.json().at("/tenant/code").asText());
        Exchange me = STACK.call("GET", "/me", STACK.token("wz-ent"), null);
        assertEquals("wenzhou", me.json().get("tenant").asText());
        assertTrue(me.json().get("enterpriseCode").asText().startsWith("91330302"));
    }

    /**
     * Another tenant's resource must be indistinguishable from one that does not exist: the same
     * problem, differing only in the {@code instance} (the path the caller sent).
     */
    private void assertNotFound(String method, String path, Object body) {
        Exchange e = STACK.call(method, path, wz, body);
        assertEquals(404, e.status(), e.body());
        assertEquals("NOT_FOUND", e.json().get("code").asText());
        String missingPath = path.replace("sip-staff", "no-such-user").replace("swj", "no-such-dept");
        Exchange missing = STACK.call(method, missingPath, wz, body);
        var leaked = e.json().deepCopy();
        var reference = missing.json().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) leaked).remove("instance");
        ((com.fasterxml.jackson.databind.node.ObjectNode) reference).remove("instance");
        assertEquals(reference, leaked, "a 404 must not reveal that the other tenant's resource exists");
    }

    private static List<JsonNode> all(String path, String token) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String url = path + "?limit=100" + (cursor == null ? "" : "&cursor=" + cursor);
            Exchange e = STACK.call("GET", url, token, null);
            assertEquals(200, e.status(), e.body());
            e.json().get("items").forEach(items::add);
            cursor = e.json().hasNonNull("nextCursor") ? e.json().get("nextCursor").asText() : null;
        } while (cursor != null);
        return items;
    }
}
