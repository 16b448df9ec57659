package com.huiqi.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.huiqi.tests.support.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.local.demo.ApiClient.Exchange;
import com.huiqi.tests.support.AuditTrail;
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
            new String[] {"POST", "/rules/trial", "sip-staff"},
            new String[] {"POST", "/enterprises", "sip-staff"},
            new String[] {"PUT", "/enterprises/" + OWN_ENTERPRISE + "/facts", "sip-staff"},
            new String[] {"PUT", "/enterprises/" + OWN_ENTERPRISE + "/facts", "sip-ent"},
            new String[] {"PUT", "/enterprises/" + OWN_ENTERPRISE + "/facts", "sip-kjj"},
            new String[] {"POST", "/enterprises/" + OWN_ENTERPRISE + "/lifecycle", "sip-staff"},
            new String[] {"POST", "/enterprises/" + OWN_ENTERPRISE + "/activities", "sip-staff"},
            new String[] {"PUT", "/search/synonyms", "sip-staff"},
            new String[] {"POST", "/search/saved", "sip-ent"},
            new String[] {"PUT", "/search/saved/0f8fad5b-d9cb-469f-a165-70867728950e", "sip-ent"},
            new String[] {"POST", "/enterprise-imports", "sip-kjj"},
            new String[] {"POST", "/enterprise-imports/0f8fad5b-d9cb-469f-a165-70867728950e/start", "sip-staff"});

    @TestFactory
    Stream<DynamicTest> malformedBodiesAreRefusedWithoutChange() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] w : WRITES) {
            String token = STACK.token(w[2]);
            tests.add(DynamicTest.dynamicTest(w[0] + " " + w[1] + " malformed JSON", () ->
                    unchanged(w[2], () -> assertProblem(STACK.callRaw(w[0], w[1], token, "{\"name\": ", "application/json"),
                            400, "MALFORMED_JSON"))));
            tests.add(DynamicTest.dynamicTest(w[0] + " " + w[1] + " unknown field", () ->
                    unchanged(w[2], () -> assertProblem(STACK.callRaw(w[0], w[1], token, "{\"surprise\": 1}", "application/json"),
                            400, "UNKNOWN_FIELD"))));
            tests.add(DynamicTest.dynamicTest(w[0] + " " + w[1] + " not JSON", () ->
                    unchanged(w[2], () -> assertProblem(STACK.callRaw(w[0], w[1], token, "name=x", "text/plain"),
                            415, "UNSUPPORTED_MEDIA_TYPE"))));
            tests.add(DynamicTest.dynamicTest(w[0] + " " + w[1] + " empty body", () ->
                    unchanged(w[2], () -> assertProblem(STACK.callRaw(w[0], w[1], token, null, null), 400, "BODY_REQUIRED"))));
            tests.add(DynamicTest.dynamicTest(w[0] + " " + w[1] + " wrong types", () ->
                    unchanged(w[2], () -> {
                        Exchange e = STACK.callRaw(w[0], w[1], token,
                                "{\"roles\": 5, \"version\": \"x\", \"closures\": 3, \"reason\": [], \"name\": {}}",
                                "application/json");
                        // Each route knows some of these fields and not others: either is refused by name.
                        String code = e.json() == null ? null : e.json().path("code").asText();
                        assertTrue(List.of("INVALID_FIELD", "UNKNOWN_FIELD").contains(code), e.body());
                        assertProblem(e, 400, code);
                        assertTrue(e.json().hasNonNull("field"), "the field is named: " + e.body());
                    })));
        }
        return tests.stream();
    }

    @Test
    void fieldChecksNameTheFieldInBothLanguages() {
        String admin = STACK.token("sip-admin");
        Exchange badCode = STACK.call("POST", "/users", admin, Map.of("username", "sip-typo", "name", "企业",
                "email", "typo@test.huiqi.local", "roles", List.of("enterprise"), "enterpriseCode", "91350100M000100Y44"));
        JsonNode p = assertProblem(badCode, 422, "INVALID_CREDIT_CODE");
        assertEquals("enterpriseCode[18]", p.get("field").asText());

        assertProblem(STACK.call("POST", "/users", admin, Map.of("username", "sip-mixed", "name", "混合",
                "email", "mixed@test.huiqi.local", "roles", List.of("enterprise", "staff"),
                "enterpriseCode", "91350100M000100Y43")), 422, "VALIDATION_FAILED");
        assertProblem(STACK.call("POST", "/users", admin, Map.of("username", "Bad Name!", "name", "x",
                "email", "x@test.huiqi.local", "roles", List.of("staff"))), 422, "VALIDATION_FAILED");
        assertProblem(STACK.call("POST", "/users", admin, Map.of("username", "sip-grant", "name", "越权",
                "email", "grant@test.huiqi.local", "roles", List.of("platform-operator"))), 422, "VALIDATION_FAILED");
        assertProblem(STACK.call("POST", "/users", admin, Map.of("username", "sip-nodept", "name", "部门",
                "email", "nodept@test.huiqi.local", "roles", List.of("department"), "departmentId", "nope")), 422, "VALIDATION_FAILED");
        assertProblem(STACK.call("GET", "/users?limit=0", admin, null), 400, "INVALID_LIMIT");
        assertProblem(STACK.call("GET", "/users?limit=abc", admin, null), 400, "INVALID_LIMIT");
        assertProblem(STACK.call("GET", "/audit?date=yesterday", admin, null), 400, "INVALID_DATE");
        assertProblem(STACK.call("GET", "/calendar/due-date?workingDays=-1", admin, null), 400, "INVALID_NUMBER");
        assertProblem(STACK.call("GET", "/platform/tenants?status=SLEEPING", STACK.token("operator"), null), 400, "INVALID_FILTER");
        assertProblem(STACK.call("PUT", "/calendar/closures", admin, Map.of("version", 0, "closures",
                List.of(Map.of("date", "2027-01-04", "reason", "未来停工")))), 422, "CALENDAR_YEAR_NOT_PUBLISHED");
    }

    @Test
    void compilationParametersAreCheckedInBothLanguages() {
        String enterprise = STACK.token("sip-ent");
        String route = "/catalogue/compilation?";
        assertEquals("levle", assertProblem(STACK.call("GET", route + "format=xlsx&levle=NATIONAL", enterprise, null),
                400, "UNKNOWN_PARAMETER").get("field").asText(), "a misspelt filter is refused, not ignored");
        assertProblem(STACK.call("GET", route + "format=html&limit=5", enterprise, null), 400, "UNKNOWN_PARAMETER");
        assertEquals("format", assertProblem(STACK.call("GET", route + "format=pdf", enterprise, null),
                400, "INVALID_FORMAT").get("field").asText());
        assertEquals("format", assertProblem(STACK.call("GET", route + "level=NATIONAL", enterprise, null),
                422, "VALIDATION_FAILED").get("field").asText());
        assertEquals("level", assertProblem(STACK.call("GET", route + "format=xlsx&level=COUNTY", enterprise, null),
                400, "INVALID_FILTER").get("field").asText());
        assertEquals("region", assertProblem(STACK.call("GET", route + "format=xlsx&region=3205", enterprise, null),
                400, "INVALID_FILTER").get("field").asText());
        assertEquals("businessType", assertProblem(STACK.call("GET", route + "format=xlsx&businessType=GRANT", enterprise,
                null), 400, "INVALID_FILTER").get("field").asText());
        assertEquals("title", assertProblem(STACK.call("GET", route + "format=html&title=x", enterprise, null),
                422, "VALIDATION_FAILED").get("field").asText());
    }

    @Test
    void searchQueriesTheClientGotWrongAreProblemsNeverServerErrors() {
        String ent = STACK.token("sip-ent");
        String[][] bad = {
                {"q=", "EMPTY_QUERY", "q"},
                {"q=%20%20%20", "EMPTY_QUERY", "q"},
                {"q=" + "研".repeat(10_000), "QUERY_TOO_LONG", "q"},
                {"q=%28%E7%A0%94%E5%8F%91", "INVALID_QUERY", "q"},
                {"q=%22%E7%A0%94%E5%8F%91", "INVALID_QUERY", "q"},
                {"q=status:EXPIRED", "INVALID_QUERY", "q"},
                {"q=%E7%A0%94*", "INVALID_QUERY", "q"},
                {"q=AND", "INVALID_QUERY", "q"},
                {"colour=red", "UNKNOWN_PARAMETER", "colour"},
                {"q=%E7%A0%94%E5%8F%91&tenant=wenzhou", "UNKNOWN_PARAMETER", "tenant"},
                {"level=COUNTY", "INVALID_FILTER", "level"},
                {"region=3205", "INVALID_FILTER", "region"},
                {"kind=varieties", "INVALID_FILTER", "kind"},
                {"status=REVOKED", "INVALID_FILTER", "status"},
                {"applicationState=SOON", "INVALID_FILTER", "applicationState"},
                {"businessType=,", "INVALID_FILTER", "businessType"},
                {"closingWithin=0", "INVALID_FILTER", "closingWithin"},
                {"closingWithin=abc", "INVALID_FILTER", "closingWithin"},
                {"sort=popularity", "INVALID_FILTER", "sort"},
                {"theme=" + "长".repeat(40), "INVALID_FILTER", "theme"},
                {"limit=1000", "INVALID_LIMIT", "limit"},
                {"cursor=not-a-cursor", "INVALID_CURSOR", "cursor"},
        };
        for (String[] b : bad) {
            JsonNode p = assertProblem(STACK.call("GET", "/search?" + b[0], ent, null), 400, b[1]);
            assertEquals(b[2], p.get("field").asText(), b[0]);
        }
        // A cursor continues only the query it came from.
        JsonNode first = STACK.call("GET", "/search?limit=2", ent, null).json();
        assertProblem(STACK.call("GET", "/search?limit=2&kind=products&cursor=" + first.get("nextCursor").asText(), ent,
                null), 400, "INVALID_CURSOR");
        assertProblem(STACK.call("PUT", "/search/synonyms", STACK.token("sip-staff"), Map.of("groups",
                List.of(List.of("单独")), "version", 1)), 422, "VALIDATION_FAILED");
    }

    /** Runs the action and proves the caller's tenant (or the platform) audit trail did not grow. */
    private static void unchanged(String account, Runnable action) {
        String path = account.equals("operator") ? "/platform/audit" : "/audit";
        String auditToken = account.equals("operator") ? STACK.token("operator") : STACK.token("sip-auditor");
        int before = AuditTrail.records(path, auditToken).size();
        action.run();
        assertEquals(before, AuditTrail.records(path, auditToken).size(), "a refused request must change nothing");
    }

}
