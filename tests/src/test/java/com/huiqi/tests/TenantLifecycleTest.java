package com.huiqi.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.local.demo.ApiClient.Exchange;
import com.huiqi.local.demo.DemoData;
import com.huiqi.shared.enterprise.CreditCode;
import com.huiqi.shared.storage.TableDefinition;
import com.huiqi.shared.storage.Tables;
import com.huiqi.shared.tenancy.ActiveCenters;
import com.huiqi.tests.support.Accounts;
import com.huiqi.tests.support.CatalogueSamples;
import com.huiqi.tests.support.Publishing;
import com.huiqi.tests.support.TestStack;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The platform operator's lifecycle of a tenant against the real Cognito API (cognito-local):
 * onboarding creates the center and its first admin; suspension locks every user out with 403;
 * offboarding exports everything to the archive bucket and then deletes it.
 */
class TenantLifecycleTest {

    private static final TestStack STACK = TestStack.get();
    private final String operator = STACK.token(Accounts.OPERATOR);

    static Map<String, Object> onboarding(String code, String adminUsername) {
        Map<String, Object> admin = new LinkedHashMap<>();
        admin.put("username", adminUsername);
        admin.put("name", "测试管理员");
        admin.put("email", adminUsername + "@test.huiqi.local");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "测试企业服务中心 " + code);
        body.put("regionCode", "320500");
        body.put("admin", admin);
        return body;
    }

    /** Onboards a tenant and gives its admin the demo password; returns the admin's token. */
    private String onboardWithAdmin(String code) {
        Exchange created = STACK.call("POST", "/platform/tenants", operator, onboarding(code, code + "-admin"));
        assertEquals(201, created.status(), created.body());
        try (var cognito = STACK.cognito()) {
            cognito.adminSetUserPassword(b -> b.userPoolId(STACK.stack().userPoolId()).username(code + "-admin")
                    .password(DemoData.PASSWORD).permanent(true));
        }
        return STACK.rawClient().login(code + "-admin", DemoData.PASSWORD);
    }

    @Test
    void onboardingCreatesTheTenantAndItsFirstAdminInCognito() {
        Exchange created = STACK.call("POST", "/platform/tenants", operator, onboarding("onb-test", "onb-test-admin"));
        assertEquals(201, created.status(), created.body());
        assertEquals("/platform/tenants/onb-test", created.headers().get("location"));
        assertEquals("ACTIVE", created.json().at("/tenant/status").asText());
        assertEquals("Asia/Shanghai", created.json().at("/tenant/timeZone").asText());

        try (var cognito = STACK.cognito()) {
            var user = cognito.adminGetUser(b -> b.userPoolId(STACK.stack().userPoolId()).username("onb-test-admin"));
            assertEquals("onb-test", user.userAttributes().stream().filter(a -> a.name().equals("custom:tenant_id"))
                    .map(AttributeType::value).findFirst().orElseThrow());
            assertEquals("FORCE_CHANGE_PASSWORD", user.userStatusAsString());
            var groups = cognito.adminListGroupsForUser(b -> b.userPoolId(STACK.stack().userPoolId()).username("onb-test-admin"));
            assertEquals(List.of("center-admin"), groups.groups().stream().map(g -> g.groupName()).toList());
        }

        Exchange again = STACK.call("POST", "/platform/tenants", operator, onboarding("onb-test", "onb-test-admin2"));
        assertEquals(409, again.status());
        assertEquals("TENANT_EXISTS", again.json().get("code").asText());

        Exchange reserved = STACK.call("POST", "/platform/tenants", operator, onboarding("platform", "plat-admin"));
        assertEquals(422, reserved.status());
        assertEquals("code", reserved.json().get("field").asText());
    }

    @Test
    void aTakenAdminUsernameCreatesNoTenant() {
        Exchange taken = STACK.call("POST", "/platform/tenants", operator, onboarding("taken-test", "sip-admin"));
        assertEquals(409, taken.status());
        assertEquals("USERNAME_TAKEN", taken.json().get("code").asText());
        assertEquals(404, STACK.call("GET", "/platform/tenants/taken-test", operator, null).status());
    }

    @Test
    void suspensionLocksOutEveryUserUntilResumed() throws InterruptedException {
        String admin = onboardWithAdmin("susp-test");
        assertEquals(200, STACK.call("GET", "/me", admin, null).status());

        Exchange suspended = STACK.call("POST", "/platform/tenants/susp-test/suspend", operator, Map.of("reason", "欠费暂停服务"));
        assertEquals(200, suspended.status(), suspended.body());
        assertEquals("SUSPENDED", suspended.json().at("/tenant/status").asText());
        // Each instance checks an active center's status at most every FRESH_MILLIS: /me was just
        // served, so the suspension may take that long to reach it, and no longer.
        long suspendedAt = System.nanoTime();
        while (STACK.call("GET", "/me", admin, null).status() == 200) {
            assertTrue(System.nanoTime() - suspendedAt < (ActiveCenters.FRESH_MILLIS + 2_000) * 1_000_000,
                    "still served " + ActiveCenters.FRESH_MILLIS + " ms after the suspension");
            Thread.sleep(50);
        }
        for (String path : List.of("/me", "/tenant", "/users", "/departments", "/calendar")) {
            Exchange refused = STACK.call("GET", path, admin, null);
            assertEquals(403, refused.status(), path);
            assertEquals("TENANT_NOT_ACTIVE", refused.json().get("code").asText());
        }
        Exchange twice = STACK.call("POST", "/platform/tenants/susp-test/suspend", operator, Map.of("reason", "重复操作"));
        assertEquals(409, twice.status());

        assertEquals(200, STACK.call("POST", "/platform/tenants/susp-test/resume", operator, Map.of("reason", "已续费")).status());
        assertEquals(200, STACK.call("GET", "/me", admin, null).status());

        // Other tenants were never affected.
        assertEquals(200, STACK.call("GET", "/me", STACK.token("sip-staff"), null).status());
    }

    /** The tenant's partition catalogue as stored: each item's sort key and the partitions it lists. */
    private static Map<String, List<String>> catalogue(String tenant) {
        Map<String, List<String>> items = new LinkedHashMap<>();
        try (var dynamo = STACK.dynamo()) {
            dynamo.queryPaginator(QueryRequest.builder().tableName(Tables.DATA.tableName()).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(tenant + "#PARTITIONS"))).build())
                    .items().forEach(item -> items.put(item.get("sk").s(),
                            item.get("partitions").l().stream().map(AttributeValue::s).toList()));
        }
        return items;
    }

    private static boolean bothIndexes(List<String> keys) {
        return keys.stream().anyMatch(k -> k.contains("/directory/")) && keys.stream().anyMatch(k -> !k.contains("/directory/"));
    }

    /** The keys of the tenant's objects in the index bucket (search index, enterprise directory). */
    private static List<String> indexObjects(String tenant) {
        try (var s3 = STACK.s3()) {
            List<String> keys = new ArrayList<>();
            s3.listObjectsV2Paginator(r -> r.bucket("huiqi-search-local").prefix(tenant + "/"))
                    .contents().forEach(o -> keys.add(o.key()));
            return keys;
        }
    }

    @Test
    void offboardingExportsEverythingThenDeletesItAndItsAccounts() throws Exception {
        String admin = onboardWithAdmin("offb-test");
        assertEquals(201, STACK.call("POST", "/departments", admin,
                Map.of("id", "kjj", "name", "科技局", "kind", "AUTHORIZING")).status());
        assertEquals(201, STACK.call("POST", "/users", admin, Map.of("username", "offb-test-staff", "name", "员工",
                "email", "offb-staff@test.huiqi.local", "roles", List.of("staff"))).status());

        // An enterprise file and a published policy, so the tenant has both its indexes in the index
        // bucket: its directory (<tenant>/directory/...) and its policy search index.
        assertEquals(201, STACK.call("POST", "/enterprises", admin, Map.of("creditCode",
                CreditCode.complete("91320505MA3E99001").value(), "facts", List.of(Map.of("field", "name", "value",
                "离场测试有限公司")))).status());
        try (var cognito = STACK.cognito()) {
            cognito.adminSetUserPassword(b -> b.userPoolId(STACK.stack().userPoolId()).username("offb-test-staff")
                    .password(DemoData.PASSWORD).permanent(true));
        }
        Publishing.publish(admin, STACK.rawClient().login("offb-test-staff", DemoData.PASSWORD), "documents", "D-OFFB",
                CatalogueSamples.document("离场测试政策"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!bothIndexes(indexObjects("offb-test")) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(bothIndexes(indexObjects("offb-test")), "the indexers wrote both indexes: " + indexObjects("offb-test"));

        Exchange early = STACK.call("POST", "/platform/tenants/offb-test/offboard", operator, Map.of("reason", "合同终止"));
        assertEquals(409, early.status(), "an active tenant must be suspended first");

        assertEquals(200, STACK.call("POST", "/platform/tenants/offb-test/suspend", operator, Map.of("reason", "合同终止")).status());
        // The catalogue lists partitions in one item per write: creating the department wrote its
        // partition and the audit day's, so some item lists more than one.
        Map<String, List<String>> catalogue = catalogue("offb-test");
        assertTrue(catalogue.values().stream().anyMatch(partitions -> partitions.size() > 1), catalogue.toString());
        Set<String> catalogued = new TreeSet<>();
        catalogue.values().forEach(catalogued::addAll);
        assertTrue(catalogued.containsAll(List.of("DataTable|offb-test#USER", "DataTable|offb-test#DEPT")), catalogued.toString());
        assertTrue(catalogued.stream().anyMatch(p -> p.startsWith("AuditTable|offb-test#AUDIT#")), catalogued.toString());
        Exchange done = STACK.call("POST", "/platform/tenants/offb-test/offboard", operator, Map.of("reason", "合同终止"));
        assertEquals(200, done.status(), done.body());
        JsonNode report = done.json();
        assertEquals(2, report.get("accountsDeleted").asInt());
        assertEquals(report.get("itemsExported").asLong(), report.get("itemsDeleted").asLong());
        assertTrue(report.get("indexObjectsDeleted").asInt() >= 2, report.toString());
        // The deletions reach the indexers through the stream a moment later (their batching windows
        // are at most 2 s): give them that, so that whatever they would write for the tenant is there.
        Thread.sleep(5_000);
        assertEquals(List.of(), indexObjects("offb-test"), "the tenant's indexes are gone from the index bucket");

        // The export is in the archive bucket and holds the tenant's items.
        List<JsonNode> lines = new ArrayList<>();
        try (var s3 = STACK.s3(); var in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                s3.getObject(b -> b.bucket(report.get("exportBucket").asText()).key(report.get("exportKey").asText()))),
                StandardCharsets.UTF_8))) {
            ObjectMapper mapper = new ObjectMapper();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(mapper.readTree(line));
            }
        }
        assertEquals(report.get("itemsExported").asLong(), lines.size());
        assertTrue(lines.stream().anyMatch(l -> "科技局".equals(l.at("/item/name").asText())));
        assertTrue(lines.stream().anyMatch(l -> "AuditTable".equals(l.get("table").asText())));
        assertTrue(lines.stream().allMatch(l -> l.at("/item/pk").asText().startsWith("offb-test#")));
        Set<String> exported = new TreeSet<>();
        lines.forEach(l -> exported.add(l.get("table").asText() + "|" + l.at("/item/pk").asText()));
        assertEquals(catalogued, exported, "every catalogued partition, expanded from the sets, was exported");

        // Nothing of the tenant is left in any table (a scan, which only a test may do), and its accounts are gone.
        try (var dynamo = STACK.dynamo()) {
            for (TableDefinition table : Tables.all()) {
                List<Map<String, AttributeValue>> left = new ArrayList<>();
                dynamo.scanPaginator(b -> b.tableName(table.tableName()).filterExpression("begins_with(pk, :tenant)")
                        .expressionAttributeValues(Map.of(":tenant", AttributeValue.fromS("offb-test#"))))
                        .items().forEach(left::add);
                assertTrue(left.isEmpty(), table.tableName() + " still holds " + left);
            }
        }
        try (var cognito = STACK.cognito()) {
            assertThrows(UserNotFoundException.class, () -> cognito.adminGetUser(
                    b -> b.userPoolId(STACK.stack().userPoolId()).username("offb-test-staff")));
        }
        assertEquals("OFFBOARDED", STACK.call("GET", "/platform/tenants/offb-test", operator, null).json().at("/tenant/status").asText());
        Exchange audit = STACK.call("GET", "/platform/audit?limit=100", operator, null);
        assertTrue(audit.json().get("items").findValuesAsText("action").contains("tenant.offboard"));
    }
}
