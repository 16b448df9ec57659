package com.huiqi.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.local.demo.ApiClient.Exchange;
import com.huiqi.tests.support.TestStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Bad input on every write gets a problem+json 4xx with a Chinese and an English message, and
 * changes nothing: the tenant's audit trail (which every change writes in the same transaction)
 * has the same length before and after.
 */
class BadInputTest {

    private static final TestStack STACK = TestStack.get();

    /** The demo enterprise of Suzhou Industrial Park, whose file the seed opens. */
    private static final String OWN_ENTERPRISE = com.huiqi.local.demo.DemoData.tenants().get(0).enterprise().creditCode();

    /** Write routes with the account allowed to call them (a Suzhou admin, or the operator). */
    private static final List<String[]> WRITES = List.of(
            new String[] {"POST", "/platform/tenants", "operator"},
            new String[] {"POST", "/platform/tenants/sip/suspend", "operator"},
            new String[] {"POST", "/platform/tenants/sip/resume", "operator"},
            new String[] {"POST", "/platform/tenants/sip/offboard", "operator"},
            new String[] {"POST", "/users", "sip-admin"},
            new String[] {"PUT", "/users/sip-staff/roles", "sip-admin"},
            new String[] {"POST", "/departments", "sip-admin"},
            new String[] {"PUT", "/departments/swj", "sip-admin"},
            new String[] {"PUT", "/calendar/closures", "sip-admin"},
            new String[] {"POST", "/catalogue/documents", "sip-staff"},
            new String[] {"PUT", "/catalogue/documents/D-NONE/draft", "sip-staff"},
            new String[] {"POST", "/catalogue/products/P-NONE/submit", "sip-staff"},
            new String[] {"POST", "/catalogue/items/BZ-NONE/approve", "sip-staff"},
            new String[] {"POST", "/catalogue/notices/N-NONE/reject", "sip-staff"},
            new String[] {"POST", "/catalogue/varieties/S-NONE/revoke", "sip-staff"},
            new String[] {"POST", "/enterprises", "sip-staff"},
            new String[] {"PUT", "/enterprises/" + OWN_ENTERPRISE + "/facts", "sip-staff"},
            new String[] {"PUT", "/enterprises/" + OWN_ENTERPRISE + "/facts", "sip-ent"},
            new String[] {"PUT", "/enterprises/" + OWN_ENTERPRISE + "/facts", "sip-kjj"},
            new String[] {"POST", "/enterprises/" + OWN_ENTERPRISE + "/lifecycle", "sip-staff"},
            new String[] {"POST", "/enterprises/" + OWN_ENTERPRISE + "/activities", "sip-staff"});

    @TestFactory
    Stream<DynamicTest> malformedBodiesAreRefusedWithoutChange() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] w : WRITES) {
            String token = STACK.token(w[2]);
            tests.add(DynamicTest.dynamicTest(w[0] + " " + w[1] + " malformed JSON", () ->
                    unchanged(w[2], () -> expectProblem(STACK.callRaw(w[0], w[1], token, "{\"name\": ", "application/json"),
                            400, "MALFORMED_JSON"))));
            tests.add(DynamicTest.dynamicTest(w[0] + " " + w[1] + " unknown field", () ->
                    unchanged(w[2], () -> expectProblem(STACK.callRaw(w[0], w[1], token, "{\"surprise\": 1}", "application/json"),
                            400, "UNKNOWN_FIELD"))));
            tests.add(DynamicTest.dynamicTest(w[0] + " " + w[1] + " not JSON", () ->
                    unchanged(w[2], () -> expectProblem(STACK.callRaw(w[0], w[1], token, "name=x", "text/plain"),
                            415, "UNSUPPORTED_MEDIA_TYPE"))));
            tests.add(DynamicTest.dynamicTest(w[0] + " " + w[1] + " empty body", () ->
                    unchanged(w[2], () -> expectProblem(STACK.callRaw(w[0], w[1], token, null, null), 400, "BODY_REQUIRED"))));
            tests.add(DynamicTest.dynamicTest(w[0] + " " + w[1] + " wrong types", () ->
                    unchanged(w[2], () -> assertEquals(400, STACK.callRaw(w[0], w[1], token,
                            "{\"roles\": 5, \"version\": \"x\", \"closures\": 3, \"reason\": [], \"name\": {}}",
                            "application/json").status()))));
        }
        return tests.stream();
    }

    @Test
    void fieldChecksNameTheFieldInBothLanguages() {
        String admin = STACK.token("sip-admin");
        Exchange badCode = STACK.call("POST", "/users", admin, Map.of("username", "sip-typo", "name", "企业",
                "email", "typo@test.huiqi.local", "roles", List.of("enterprise"), "enterpriseCode", "91350100M000100Y44"));
        JsonNode p = expectProblem(badCode, 422, "INVALID_CREDIT_CODE");
        assertEquals("enterpriseCode[18]", p.get("field").asText());

        expectProblem(STACK.call("POST", "/users", admin, Map.of("username", "sip-mixed", "name", "混合",
                "email", "mixed@test.huiqi.local", "roles", List.of("enterprise", "staff"),
                "enterpriseCode", "91350100M000100Y43")), 422, "VALIDATION_FAILED");
        expectProblem(STACK.call("POST", "/users", admin, Map.of("username", "Bad Name!", "name", "x",
                "email", "x@test.huiqi.local", "roles", List.of("staff"))), 422, "VALIDATION_FAILED");
        expectProblem(STACK.call("POST", "/users", admin, Map.of("username", "sip-grant", "name", "越权",
                "email", "grant@test.huiqi.local", "roles", List.of("platform-operator"))), 422, "VALIDATION_FAILED");
        expectProblem(STACK.call("POST", "/users", admin, Map.of("username", "sip-nodept", "name", "部门",
                "email", "nodept@test.huiqi.local", "roles", List.of("department"), "departmentId", "nope")), 422, "VALIDATION_FAILED");
        expectProblem(STACK.call("GET", "/users?limit=0", admin, null), 400, "INVALID_LIMIT");
        expectProblem(STACK.call("GET", "/users?limit=abc", admin, null), 400, "INVALID_LIMIT");
        expectProblem(STACK.call("GET", "/audit?date=yesterday", admin, null), 400, "INVALID_DATE");
        expectProblem(STACK.call("GET", "/calendar/due-date?workingDays=-1", admin, null), 400, "INVALID_NUMBER");
        expectProblem(STACK.call("GET", "/platform/tenants?status=SLEEPING", STACK.token("operator"), null), 400, "INVALID_FILTER");
        expectProblem(STACK.call("PUT", "/calendar/closures", admin, Map.of("version", 0, "closures",
                List.of(Map.of("date", "2027-01-04", "reason", "未来停工")))), 422, "CALENDAR_YEAR_NOT_PUBLISHED");
    }

    private static JsonNode expectProblem(Exchange e, int status, String code) {
        assertEquals(status, e.status(), e.body());
        assertTrue(e.contentType().startsWith("application/problem+json"), e.contentType());
        JsonNode p = e.json();
        assertEquals(code, p.get("code").asText(), e.body());
        assertNotNull(p.at("/message/zh").textValue());
        assertNotNull(p.at("/message/en").textValue());
        assertTrue(p.at("/message/zh").asText().codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN), "the Chinese message is Chinese: " + p.at("/message/zh"));
        return p;
    }

    /** Runs the action and proves the caller's tenant (or the platform) audit trail did not grow. */
    private static void unchanged(String account, Runnable action) {
        String path = account.equals("operator") ? "/platform/audit?limit=100" : "/audit?limit=100";
        String auditToken = account.equals("operator") ? STACK.token("operator") : STACK.token("sip-auditor");
        int before = count(path, auditToken);
        action.run();
        assertEquals(before, count(path, auditToken), "a refused request must change nothing");
    }

    private static int count(String path, String token) {
        int n = 0;
        String cursor = null;
        do {
            Exchange e = STACK.call("GET", path + (cursor == null ? "" : "&cursor=" + cursor), token, null);
            n += e.json().get("items").size();
            cursor = e.json().hasNonNull("nextCursor") ? e.json().get("nextCursor").asText() : null;
        } while (cursor != null);
        return n;
    }
}
