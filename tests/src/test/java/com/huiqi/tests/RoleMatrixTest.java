package com.huiqi.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.local.demo.ApiClient.Exchange;
import com.huiqi.tests.support.Accounts;
import com.huiqi.tests.support.OpenApiContract.Operation;
import com.huiqi.tests.support.TestStack;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every role against every route in the contract. A role listed in the operation's
 * {@code x-roles} must get past the role check (any answer but 401/403); any other role must get
 * 403 FORBIDDEN; no token must get 401. Requests name resources that do not exist and send empty
 * bodies, so allowed calls fail validation or lookup and change nothing.
 */
class RoleMatrixTest {

    private static final TestStack STACK = TestStack.get();

    @TestFactory
    Stream<DynamicTest> everyRoleAgainstEveryRoute() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : STACK.contract().operations()) {
            Set<String> allowed = new HashSet<>();
            op.node().path("x-roles").forEach(r -> allowed.add(r.asText()));
            String path = concrete(op.pathTemplate());
            Object body = op.method().equals("GET") ? null : Map.of();
            tests.add(DynamicTest.dynamicTest(op.method() + " " + op.pathTemplate() + " declares roles",
                    () -> assertFalse(allowed.isEmpty(), "x-roles missing")));
            tests.add(DynamicTest.dynamicTest(op.method() + " " + op.pathTemplate() + " without token", () -> {
                Exchange e = STACK.call(op.method(), path, null, body);
                assertEquals(401, e.status(), e.body());
            }));
            for (Map.Entry<String, String> account : Accounts.sipByRole().entrySet()) {
                String role = account.getKey();
                tests.add(DynamicTest.dynamicTest(op.method() + " " + op.pathTemplate() + " as " + role, () -> {
                    Exchange e = STACK.call(op.method(), path, STACK.token(account.getValue()), body);
                    if (allowed.contains(role)) {
                        assertTrue(e.status() != 401 && e.status() != 403, role + " should pass: " + e.status() + " " + e.body());
                        assertTrue(e.status() < 500, e.body());
                    } else {
                        assertEquals(403, e.status(), role + " should be refused: " + e.body());
                        JsonNode json = e.json();
                        assertEquals("FORBIDDEN", json.get("code").asText());
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** Fills path parameters with well-formed names of things that do not exist. */
    private static String concrete(String template) {
        return template.replace("{tenantId}", "no-such-tenant")
                .replace("{username}", "no-such-user")
                .replace("{departmentId}", "no-such-dept")
                .replaceAll("\\{[^}]+}", "no-such-thing");
    }
}
