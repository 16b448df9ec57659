package com.huiqi.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huiqi.local.demo.ApiClient.Exchange;
import com.huiqi.local.demo.DemoData;
import com.huiqi.shared.enterprise.CreditCode;
import com.huiqi.shared.enterprise.EnterpriseProfile;
import com.huiqi.shared.json.Json;
import com.huiqi.shared.rules.AttributeCatalog;
import com.huiqi.shared.rules.PolicyRule;
import com.huiqi.shared.rules.RuleEvaluator;
import com.huiqi.shared.rules.RuleOutcome;
import com.huiqi.shared.rules.RuleParser;
import com.huiqi.shared.rules.Verdict;
import com.huiqi.tests.support.TestStack;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Enterprise files over HTTP: credit codes checked with the error's position, every figure with its
 * source, time and history, who may record what, tags and size class recomputed on change, the
 * matching profile evaluated by the rule language, and the directory's lists, export and lifecycle.
 */
class EnterpriseFileTest {

    private static final TestStack STACK = TestStack.get();
    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final ObjectMapper MAPPER = Json.newMapper();
    private final String staff = STACK.token("sip-staff");
    private final String department = STACK.token("sip-kjj");
    private final String enterprise = STACK.token("sip-ent");
    private final String auditor = STACK.token("sip-auditor");
    private final String ownCode = DemoData.tenants().get(0).enterprise().creditCode();

    /** A fresh, valid credit code in Suzhou Industrial Park's range. */
    private static String newCode() {
        return CreditCode.complete(String.format("91320594MA1T%05d", SERIAL.incrementAndGet())).value();
    }

    private static Map<String, Object> fact(String field, Integer year, Object value) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("field", field);
        if (year != null) {
            f.put("year", year);
        }
        f.put("value", value);
        return f;
    }

    private JsonNode create(String code, List<Map<String, Object>> facts) {
        Exchange e = STACK.call("POST", "/enterprises", staff, Map.of("creditCode", code, "facts", facts));
        assertEquals(201, e.status(), e.body());
        assertEquals("/enterprises/" + code, e.headers().get("location"));
        return e.json();
    }

    private Exchange record(String token, String code, long version, List<Map<String, Object>> facts) {
        return STACK.call("PUT", "/enterprises/" + code + "/facts", token, Map.of("version", version, "facts", facts));
    }

    private static JsonNode figure(JsonNode view, String field, Integer year) {
        for (JsonNode f : view.at("/file/figures")) {
            if (f.get("field").asText().equals(field) && (year == null || f.path("year").asInt() == year)) {
                return f;
            }
        }
        return null;
    }

    private static List<String> tags(JsonNode view) {
        List<String> names = new ArrayList<>();
        view.at("/file/tags").forEach(t -> names.add(t.get("name").asText()));
        return names;
    }

    @Test
    void creditCodesAreCheckedAndTheErrorsPositionNamed() {
        Exchange mistyped = STACK.call("POST", "/enterprises", staff, Map.of("creditCode", "91350100M000100Y44",
                "facts", List.of(fact("name", null, "校验位错误有限公司"))));
        assertEquals(422, mistyped.status(), mistyped.body());
        assertEquals("INVALID_CREDIT_CODE", mistyped.json().get("code").asText());
        assertEquals("creditCode[18]", mistyped.json().get("field").asText());

        Exchange letterO = STACK.call("GET", "/enterprises/91350100MO00100Y43", staff, null);
        assertEquals(422, letterO.status());
        assertEquals("creditCode[10]", letterO.json().get("field").asText());

        Exchange shortCode = STACK.call("GET", "/enterprises/9135010", staff, null);
        assertEquals("creditCode", shortCode.json().get("field").asText());

        // The GB 32100 worked example is a good code: not there yet, so 404, not 422.
        assertEquals(404, STACK.call("GET", "/enterprises/91350100M000100Y43", staff, null).status());
    }

    @Test
    void everyFigureKeepsItsSourceTimeAndHistory() {
        String code = newCode();
        JsonNode created = create(code, List.of(fact("name", null, "苏州来源测试有限公司"),
                fact("revenue", 2025, "12000000.00"), fact("employees", 2025, 40)));
        JsonNode revenue = figure(created, "revenue", 2025);
        assertEquals("12000000.00", revenue.get("value").asText());
        assertEquals("STAFF", revenue.get("source").asText());
        assertEquals("sip-staff", revenue.at("/claims/0/recordedBy").asText());
        assertNotNull(revenue.get("recordedAt").asText());

        // A department's figure wins over the staff's and is shown beside it.
        Exchange imported = record(department, code, created.get("version").asLong(),
                List.of(fact("revenue", 2025, "12500000.00")));
        assertEquals(200, imported.status(), imported.body());
        JsonNode after = figure(imported.json(), "revenue", 2025);
        assertEquals("12500000.00", after.get("value").asText());
        assertEquals("DEPARTMENT_IMPORT", after.get("source").asText());
        assertEquals(2, after.get("claims").size());
        assertEquals("12000000.00", after.at("/claims/1/value").asText());

        // The staff correct their own figure: the old one goes to the history, the department's still wins.
        Exchange corrected = record(staff, code, imported.json().get("version").asLong(),
                List.of(fact("revenue", 2025, "12100000.00")));
        assertEquals("12500000.00", figure(corrected.json(), "revenue", 2025).get("value").asText());
        JsonNode history = STACK.call("GET", "/enterprises/" + code + "/history?field=revenue&year=2025", staff, null).json();
        assertEquals(1, history.get("items").size(), history.toString());
        assertEquals("12000000.00", history.at("/items/0/claim/value").asText());
        assertEquals("STAFF", history.at("/items/0/claim/source").asText());
        assertFalse(history.at("/items/0/withdrawn").asBoolean());

        // Withdrawing the department's figure brings the staff's back, and is history too.
        Exchange withdrawn = record(department, code, corrected.json().get("version").asLong(),
                List.of(fact("revenue", 2025, null)));
        assertEquals("12100000.00", figure(withdrawn.json(), "revenue", 2025).get("value").asText());
        JsonNode history2 = STACK.call("GET", "/enterprises/" + code + "/history?field=revenue&year=2025", staff, null).json();
        assertEquals(2, history2.get("items").size());
        assertTrue(history2.at("/items/0/withdrawn").asBoolean(), "newest first");

        // A stale version is a conflict and changes nothing.
        Exchange stale = record(staff, code, corrected.json().get("version").asLong(), List.of(fact("employees", 2025, 41)));
        assertEquals(409, stale.status());
        assertEquals(40, figure(STACK.call("GET", "/enterprises/" + code, staff, null).json(), "employees", 2025)
                .get("value").asInt());

        // Every change is audited, with the figures it changed.
        boolean audited = false;
        for (JsonNode a : auditTrail()) {
            audited |= a.get("action").asText().equals("enterprise.facts") && a.get("entityId").asText().equals(code)
                    && a.at("/after/figures").has("revenue@2025");
        }
        assertTrue(audited, "the figure change is in the audit trail");
    }

    @Test
    void aDepartmentsFigureWinsOverTheEnterprisesDeclarationAndTheEnterpriseSeesBoth() {
        JsonNode own = STACK.call("GET", "/enterprises/" + ownCode, enterprise, null).json();
        Exchange declared = record(enterprise, ownCode, own.get("version").asLong(), List.of(fact("taxPaid", 2025, "1500000.00")));
        assertEquals(200, declared.status(), declared.body());
        assertEquals("SELF_DECLARED", figure(declared.json(), "taxPaid", 2025).get("source").asText());

        Exchange imported = record(department, ownCode, declared.json().get("version").asLong(),
                List.of(fact("taxPaid", 2025, "1480000.00")));
        assertEquals(200, imported.status(), imported.body());

        JsonNode seen = figure(STACK.call("GET", "/enterprises/" + ownCode, enterprise, null).json(), "taxPaid", 2025);
        assertEquals("1480000.00", seen.get("value").asText());
        assertEquals("DEPARTMENT_IMPORT", seen.get("source").asText());
        assertEquals("1500000.00", seen.at("/claims/1/value").asText());
        assertEquals("SELF_DECLARED", seen.at("/claims/1/source").asText());
        assertTrue(seen.at("/claims/0/recordedBy").isMissingNode(), "enterprises do not see who at the center recorded it");
    }

    @Test
    void anEnterpriseDeclaresOnlyWhatItMayAndOnlyForItself() {
        JsonNode own = STACK.call("GET", "/enterprises/" + ownCode, enterprise, null).json();
        Exchange qualification = record(enterprise, ownCode, own.get("version").asLong(),
                List.of(fact("interests", null, List.of("科技创新")), fact("qualifications", null, List.of("高新技术企业"))));
        assertEquals(403, qualification.status(), qualification.body());
        assertEquals("FIELD_NOT_DECLARABLE", qualification.json().get("code").asText());
        assertEquals("facts[1].field", qualification.json().get("field").asText());
        assertEquals(own, STACK.call("GET", "/enterprises/" + ownCode, enterprise, null).json(), "nothing changed");

        String other = newCode();
        create(other, List.of(fact("name", null, "别家企业有限公司")));
        assertEquals(404, STACK.call("GET", "/enterprises/" + other, enterprise, null).status());
        assertEquals(404, record(enterprise, other, 1, List.of(fact("interests", null, List.of("科技创新")))).status());
        assertEquals(404, STACK.call("GET", "/enterprises/" + other + "/profile", enterprise, null).status());
    }

    @Test
    void badFiguresAreRefusedNamingTheFigure() {
        String code = newCode();
        long v = create(code, List.of(fact("name", null, "数据校验有限公司"))).get("version").asLong();
        Object[][] cases = {
                {fact("revenue", 2025, 12000000.5), "facts[0].value"},
                {fact("revenue", 2025, "-5.00"), "facts[0].value"},
                {fact("revenue", null, "5.00"), "facts[0].year"},
                {fact("name", 2025, "x公司"), "facts[0].year"},
                {fact("industryCode", null, "Z9999"), "facts[0].value"},
                {fact("registeredRegion", null, "32057"), "facts[0].value"},
                {fact("legalRepresentativeIdNumber", null, "110105194912310021"), "facts[0].value"},
                {fact("creditRating", null, "AAA"), "facts[0].value"},
                {fact("establishedOn", null, "2999-01-01"), "facts[0].value"},
                {fact("noSuchField", null, 1), "facts[0].field"},
                {fact("grants", null, List.of(Map.of("year", 2024, "programme", "研发补助", "amountYuan", "x"))),
                        "facts[0].value[0].amountYuan"}};
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Map<String, Object> change = (Map<String, Object>) c[0];
            Exchange e = record(staff, code, v, List.of(change));
            assertEquals(422, e.status(), c[0] + " " + e.body());
            assertEquals(c[1], e.json().get("field").asText(), c[0].toString());
        }
        assertEquals(v, STACK.call("GET", "/enterprises/" + code, staff, null).json().get("version").asLong());
    }

    @Test
    void personalDataIsMaskedForDepartmentsAuditorsListsAndTheAuditTrail() throws Exception {
        String code = newCode();
        JsonNode created = create(code, List.of(fact("name", null, "个人信息测试有限公司"),
                fact("legalRepresentativeIdNumber", null, "11010519491231002X"),
                fact("legalRepresentativePhone", null, "+8613912345678"),
                fact("registeredRegion", null, "320571")));
        assertEquals("11010519491231002X", figure(created, "legalRepresentativeIdNumber", null).get("value").asText());
        JsonNode byDepartment = STACK.call("GET", "/enterprises/" + code, department, null).json();
        assertEquals("1101**********002X", figure(byDepartment, "legalRepresentativeIdNumber", null).get("value").asText());
        assertEquals("+86*******5678", figure(byDepartment, "legalRepresentativePhone", null).get("value").asText());
        JsonNode byAuditor = STACK.call("GET", "/enterprises/" + code, auditor, null).json();
        assertFalse(byAuditor.toString().contains("11010519491231002X"));

        assertListed("/enterprises?code=" + code, code);
        Exchange list = STACK.call("GET", "/enterprises?code=" + code, staff, null);
        assertEquals(1, list.json().get("items").size());
        assertFalse(list.body().contains("1101051949"), list.body());
        String trail = auditTrail().toString();
        assertTrue(trail.contains(code));
        assertFalse(trail.contains("11010519491231002X"), "the audit trail keeps personal data masked");
        assertFalse(trail.contains("+8613912345678"));
    }

    @Test
    void personalDataIsEncryptedAtRestFieldByField() {
        String code = newCode();
        JsonNode created = create(code, List.of(fact("name", null, "加密测试有限公司"),
                fact("legalRepresentativeIdNumber", null, "11010519491231002X"),
                fact("contacts", null, List.of(Map.of("name", "周小川", "phone", "+8613712345678")))));
        Exchange changed = record(staff, code, created.get("version").asLong(),
                List.of(fact("legalRepresentativeIdNumber", null, "440524188001010014")));
        assertEquals(200, changed.status(), changed.body());
        assertEquals("440524188001010014", figure(changed.json(), "legalRepresentativeIdNumber", null).get("value").asText());

        String pk = "sip#ENT#" + code;
        try (var dynamo = STACK.dynamo()) {
            var request = software.amazon.awssdk.services.dynamodb.model.QueryRequest.builder()
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(pk)));
            var personal = dynamo.query(request.tableName(com.huiqi.shared.storage.Tables.PERSONAL.tableName()).build()).items();
            assertEquals(2, personal.size(), "the current personal figures and the superseded identity number");
            for (var item : personal) {
                String raw = item.toString();
                for (String secret : List.of("11010519491231002X", "440524188001010014", "+8613712345678", "周小川")) {
                    assertFalse(raw.contains(secret), "plain personal data at rest: " + raw);
                }
                var encrypted = item.containsKey("facts") ? item.get("facts") : item.get("claim");
                assertNotNull(encrypted.b(), "the personal attribute is ciphertext: " + raw);
            }
            var data = dynamo.query(request.tableName(com.huiqi.shared.storage.Tables.DATA.tableName()).build()).items();
            assertFalse(data.isEmpty());
            assertFalse(data.toString().contains("11010519491231002X"), "the file in the data table holds no personal data");
            assertFalse(data.toString().contains("440524188001010014"));
        }
        // The superseded number is history, read back decrypted for the center.
        JsonNode history = STACK.call("GET", "/enterprises/" + code + "/history?field=legalRepresentativeIdNumber", staff, null).json();
        assertEquals("11010519491231002X", history.at("/items/0/claim/value").asText());
        JsonNode masked = STACK.call("GET", "/enterprises/" + code + "/history?field=legalRepresentativeIdNumber", auditor, null).json();
        assertEquals("1101**********002X", masked.at("/items/0/claim/value").asText());
    }

    @Test
    void sizeClassAndTagsAreRecomputedWhenTheirFiguresChange() throws Exception {
        String code = newCode();
        JsonNode v1 = create(code, List.of(fact("name", null, "苏州划型测试制造有限公司"), fact("industryCode", null, "C3985"),
                fact("registeredRegion", null, "320571"), fact("establishedOn", null, "2015-06-01"),
                fact("employees", 2025, 299), fact("revenue", 2025, "20000000.00")));
        assertEquals("SMALL", v1.at("/file/size/sizeClass").asText(), v1.at("/file/size").toString());
        assertEquals("工业", v1.at("/file/size/row").asText());
        assertTrue(tags(v1).contains("小型企业"), tags(v1).toString());
        assertTrue(tags(v1).contains("电子信息产业链"));
        JsonNode smallTag = null;
        for (JsonNode t : v1.at("/file/tags")) {
            if (t.get("name").asText().equals("小型企业")) {
                smallTag = t;
            }
        }
        assertTrue(smallTag.get("reason").asText().contains("从业人员299人"), smallTag.toString());
        assertListed("/enterprises?size=小型", code);

        // One more employee crosses the 中型 bound of 工业 (300 persons and 2,000万元).
        JsonNode v2 = record(staff, code, v1.get("version").asLong(), List.of(fact("employees", 2025, 300))).json();
        assertEquals("MEDIUM", v2.at("/file/size/sizeClass").asText());
        assertTrue(tags(v2).contains("中型企业"));
        assertFalse(tags(v2).contains("小型企业"));
        assertListed("/enterprises?size=中型", code);
        assertNotListed("/enterprises?size=小型", code);

        // Business and interest tags follow the figures, each with its reason; so do the lists by tag.
        JsonNode v3 = record(staff, code, v2.get("version").asLong(), List.of(fact("qualifications", null,
                List.of("高新技术企业")), fact("interests", null, List.of("技术改造")))).json();
        assertTrue(tags(v3).containsAll(List.of("高新技术企业", "技术改造")));
        assertListed("/enterprises?tag=高新技术企业", code);
        JsonNode v4 = record(staff, code, v3.get("version").asLong(), List.of(fact("qualifications", null, null))).json();
        assertFalse(tags(v4).contains("高新技术企业"));
        assertNotListed("/enterprises?tag=高新技术企业", code);

        // Behaviour tags come from recorded activities.
        Exchange attended = STACK.call("POST", "/enterprises/" + code + "/activities", staff, Map.of("kind", "EVENT",
                "subject", "高企认定政策宣讲会", "version", v4.get("version").asLong()));
        assertEquals(200, attended.status(), attended.body());
        assertTrue(tags(attended.json()).contains("近期活动参与"));

        // The profile follows too.
        JsonNode profile = STACK.call("GET", "/enterprises/" + code + "/profile", staff, null).json();
        assertEquals("中型", profile.at("/values/sizeClass").asText());
        assertEquals(attended.json().get("version").asLong(), profile.get("fileVersion").asLong());
    }

    @Test
    void theProfileIsWhatThePublishedHighTechRuleEvaluates() throws Exception {
        String code = newCode();
        List<Map<String, Object>> facts = new ArrayList<>(DemoData.tenants().get(0).enterprise().facts());
        facts.set(0, fact("name", null, "苏州画像匹配测试有限公司"));
        JsonNode created = create(code, facts);
        PolicyRule rule = highTechRule();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        RuleOutcome first = new RuleEvaluator().evaluate(rule, profile(code), today);
        assertEquals(Verdict.UNDETERMINED, first.verdict(), first.summary().toString());
        // The one hard condition the file cannot decide is the one whose figure it lacks.
        assertEquals(List.of("no-violation"), first.unknown().stream()
                .filter(c -> c.kind() == com.huiqi.shared.rules.ConditionKind.HARD).map(c -> c.id()).toList());

        Exchange clean = record(staff, code, created.get("version").asLong(), List.of(fact("seriousViolation", null, false)));
        RuleOutcome second = new RuleEvaluator().evaluate(rule, profile(code), today);
        assertEquals(Verdict.ELIGIBLE, second.verdict(), second.summary().toString());

        // The science bureau's lower high-tech revenue (20,000,000 of 42,000,000: under 60%) decides it.
        record(department, code, clean.json().get("version").asLong(),
                List.of(fact("hiTechRevenue", today.getYear() - 1, "20000000.00")));
        RuleOutcome third = new RuleEvaluator().evaluate(rule, profile(code), today);
        assertEquals(Verdict.NOT_ELIGIBLE, third.verdict());
        assertEquals("hitech-revenue", third.unmet().get(0).id());
    }

    private EnterpriseProfile profile(String code) throws Exception {
        Exchange e = STACK.call("GET", "/enterprises/" + code + "/profile", staff, null);
        assertEquals(200, e.status(), e.body());
        return MAPPER.readValue(e.body(), EnterpriseProfile.class);
    }

    /** The conditions of the demo catalogue's 高新技术企业申报 item, as publish stored them. */
    private PolicyRule highTechRule() {
        JsonNode item = STACK.call("GET", "/catalogue/items/BZ000000000080", staff, null).json();
        JsonNode conditions = item.at("/published/content/conditions");
        ObjectNode rule = MAPPER.createObjectNode();
        rule.set("conditions", conditions);
        return new RuleParser(AttributeCatalog.standard()).parse(rule);
    }

    @Test
    void theDirectoryIsListedByEachCriterionPagedAndExported() throws Exception {
        String code = newCode();
        create(code, List.of(fact("name", null, "名录查询测试软件有限公司"), fact("industryCode", null, "I6513"),
                fact("registeredRegion", null, "320505")));
        assertListed("/enterprises?name=名录查询测试", code);
        // Names are found by their words and by any run of their characters, not only by their start.
        assertListed("/enterprises?name=查询测试软件", code);
        assertListed("/enterprises?name=软件", code);
        assertNotListed("/enterprises?name=测试查询", code);
        assertListed("/enterprises?code=" + code.substring(0, 14), code);
        assertListed("/enterprises?region=3205", code);
        assertListed("/enterprises?region=320505", code);
        assertNotListed("/enterprises?region=320571", code);
        assertListed("/enterprises?industry=I65", code);
        assertListed("/enterprises?industry=6513", code);
        assertListed("/enterprises?tag=软件和信息技术服务产业链", code);
        assertListed("/enterprises?status=ACTIVE", code);

        // Pages of two, followed by their cursors, give the same list as one large page, in name order.
        String second = newCode();
        String third = newCode();
        create(second, List.of(fact("name", null, "名录查询测试第二有限公司")));
        create(third, List.of(fact("name", null, "名录查询测试第三有限公司")));
        assertListed("/enterprises?name=名录查询测试第二", second);
        assertListed("/enterprises?name=名录查询测试第三", third);
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            Exchange page = STACK.call("GET", "/enterprises?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), staff, null);
            assertTrue(page.json().get("items").size() <= 2);
            page.json().get("items").forEach(i -> paged.add(i.get("name").asText()));
            cursor = page.json().hasNonNull("nextCursor") ? page.json().get("nextCursor").asText() : null;
        } while (cursor != null);
        List<String> whole = new ArrayList<>();
        STACK.call("GET", "/enterprises?limit=100", staff, null).json().get("items").forEach(i -> whole.add(i.get("name").asText()));
        assertTrue(paged.size() >= 4);
        assertEquals(whole.subList(0, Math.min(whole.size(), paged.size())), paged.subList(0, Math.min(whole.size(), paged.size())));
        List<String> sorted = new ArrayList<>(paged);
        java.util.Collections.sort(sorted);
        assertEquals(sorted, paged, "the plain list is in name order");

        // Conditions hold together.
        assertListed("/enterprises?name=名录查询&region=3205&industry=I65&status=ACTIVE", code);
        assertNotListed("/enterprises?name=名录查询&region=320571", code);
        assertNotListed("/enterprises?name=名录查询&status=MOVED_OUT", code);
        Exchange bad = STACK.call("GET", "/enterprises?industry=Z1", staff, null);
        assertEquals(400, bad.status());
        assertEquals("INVALID_FILTER", bad.json().get("code").asText());
        assertEquals("industry", bad.json().get("field").asText());
        assertEquals(400, STACK.call("GET", "/enterprises?cursor=bm90LWEtY3Vyc29y", staff, null).status());

        Exchange csv = STACK.call("GET", "/enterprises/export?region=320505", auditor, null);
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.contentType().startsWith("text/csv"));
        String text = csv.body();
        assertTrue(text.startsWith("\uFEFF统一社会信用代码,企业名称"), text);
        assertTrue(text.contains(code + ",名录查询测试软件有限公司,在册,320505,I6513,"), text);
        assertEquals(403, STACK.call("GET", "/enterprises", enterprise, null).status());
    }

    @Test
    void theLifecycleMovesOutBackInAndEndsWithDeregistration() throws Exception {
        String code = newCode();
        long v = create(code, List.of(fact("name", null, "迁移测试有限公司"))).get("version").asLong();
        Exchange out = STACK.call("POST", "/enterprises/" + code + "/lifecycle", staff,
                Map.of("kind", "MOVED_OUT", "note", "迁往上海市浦东新区", "version", v));
        assertEquals(200, out.status(), out.body());
        assertEquals("MOVED_OUT", out.json().at("/file/status").asText());
        assertListed("/enterprises?status=MOVED_OUT", code);
        assertNotListed("/enterprises?status=ACTIVE", code);
        Exchange back = STACK.call("POST", "/enterprises/" + code + "/lifecycle", staff,
                Map.of("kind", "MOVED_IN", "version", out.json().get("version").asLong()));
        assertEquals("ACTIVE", back.json().at("/file/status").asText());
        Exchange gone = STACK.call("POST", "/enterprises/" + code + "/lifecycle", staff,
                Map.of("kind", "DEREGISTERED", "effectiveOn", "2026-01-05", "version", back.json().get("version").asLong()));
        assertEquals("DEREGISTERED", gone.json().at("/file/status").asText());
        assertEquals(4, gone.json().at("/file/lifecycle").size());
        Exchange again = STACK.call("POST", "/enterprises/" + code + "/lifecycle", staff,
                Map.of("kind", "MOVED_IN", "version", gone.json().get("version").asLong()));
        assertEquals(409, again.status());
        assertEquals("INVALID_LIFECYCLE", again.json().get("code").asText());
        assertEquals("DEREGISTERED", STACK.call("GET", "/enterprises/" + code + "/profile", staff, null).json()
                .get("status").asText());
    }

    @Test
    void theDemoDirectoryHoldsTwoThousandPlausibleEnterprisesAndSeedingAgainAddsNone() throws Exception {
        // The seed's files reach the directory index through the stream: wait until they all have.
        List<JsonNode> entries = new ArrayList<>();
        long synthetic = 0;
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (synthetic < DemoData.SYNTHETIC_ENTERPRISES + 1 && System.nanoTime() < deadline) {
            entries.clear();
            String cursor = null;
            do {
                Exchange e = STACK.call("GET", "/enterprises?region=32&limit=100" + (cursor == null ? "" : "&cursor=" + cursor),
                        staff, null);
                e.json().get("items").forEach(entries::add);
                cursor = e.json().hasNonNull("nextCursor") ? e.json().get("nextCursor").asText() : null;
            } while (cursor != null);
            synthetic = entries.stream().filter(e -> !e.get("creditCode").asText().startsWith("91320594MA1T")).count();
        }
        assertTrue(synthetic >= DemoData.SYNTHETIC_ENTERPRISES + 1, "2,000 synthetic and the demo enterprise: " + synthetic);
        Map<String, Integer> sizes = new HashMap<>();
        for (JsonNode e : entries) {
            CreditCode.of(e.get("creditCode").asText());
            assertTrue(e.get("registeredRegion").asText().startsWith("3205"), e.toString());
            sizes.merge(e.path("sizeClass").asText("?"), 1, Integer::sum);
        }
        assertTrue(sizes.keySet().containsAll(List.of("微型", "小型", "中型")), "varied sizes: " + sizes);
        // A synthetic file carries its provenance: a department import by the demo seed, and its audit record.
        String sample = entries.stream().map(e -> e.get("creditCode").asText()).filter(c -> !c.equals(ownCode)
                && !c.startsWith("91320594MA1T")).findFirst().orElseThrow();
        JsonNode file = STACK.call("GET", "/enterprises/" + sample, staff, null).json();
        JsonNode name = figure(file, "name", null);
        assertEquals("DEPARTMENT_IMPORT", name.get("source").asText());
        assertEquals("demo-seed/synthetic", name.at("/claims/0/sourceRef").asText());
        assertTrue(auditTrail().stream().anyMatch(a -> a.get("action").asText().equals("enterprise.import")
                && a.get("actor").asText().equals("demo-seed")
                && a.at("/after/creditCodes").toString().contains("\"" + sample + "\"")));

        // The seed is deterministic: run again on the same data, it finds every enterprise and writes nothing.
        try (var dynamo = STACK.dynamo()) {
            var store = new com.huiqi.shared.storage.StoreFactory(new com.huiqi.shared.storage.TenantClients(dynamo, null,
                    java.util.Optional.empty(), List.of()), MAPPER).forTenant(com.huiqi.shared.tenancy.TenantId.of("sip"));
            var tenant = DemoData.tenants().get(0);
            var again = new com.huiqi.local.demo.SyntheticEnterprises(MAPPER).load(store, tenant.place(), tenant.districts(),
                    DemoData.SYNTHETIC_ENTERPRISES);
            assertEquals(0, again.created());
            assertEquals(DemoData.SYNTHETIC_ENTERPRISES, again.existing());
        }
    }

    @Test
    void aBehaviourTagAgesOutOnTheScheduleThoughNoFigureChanges() throws Exception {
        String code = newCode();
        JsonNode created = create(code, List.of(fact("name", null, "标签时效测试有限公司")));
        // A consultation that leaves the 90-day window a few seconds from now.
        Instant leaves = Instant.now().plusSeconds(25);
        Exchange consulted = STACK.call("POST", "/enterprises/" + code + "/activities", staff, Map.of("kind", "CONSULTATION",
                "subject", "研发费用加计扣除", "occurredAt", leaves.minusSeconds(90L * 86_400).toString(),
                "version", created.get("version").asLong()));
        assertEquals(200, consulted.status(), consulted.body());
        assertTrue(tags(consulted.json()).contains("近期咨询"));
        assertListed("/enterprises?tag=近期咨询", code);

        // Before the moment the schedule leaves the file alone.
        assertTrue(Instant.now().isBefore(leaves), "the directory took too long to list the file");
        assertEquals(0, refreshRun().get("refreshed").asInt(), "nothing is due yet");
        long before = STACK.call("GET", "/enterprises/" + code, staff, null).json().get("version").asLong();
        assertEquals(consulted.json().get("version").asLong(), before);

        Thread.sleep(Math.max(0, java.time.Duration.between(Instant.now(), leaves).toMillis()) + 500);
        assertTrue(refreshRun().get("refreshed").asInt() >= 1);
        JsonNode after = STACK.call("GET", "/enterprises/" + code, staff, null).json();
        assertFalse(tags(after).contains("近期咨询"), after.toString());
        assertEquals(before + 1, after.get("version").asLong());
        assertTrue(auditTrail().stream().anyMatch(a -> a.get("action").asText().equals("enterprise.portrait")
                && a.get("entityId").asText().equals(code) && a.at("/before/tags").toString().contains("近期咨询")
                && !a.at("/after/tags").toString().contains("近期咨询")));
        assertNotListed("/enterprises?tag=近期咨询", code);

        // Once refreshed the file is not due again: another run does not write it.
        refreshRun();
        assertEquals(before + 1, STACK.call("GET", "/enterprises/" + code, staff, null).json().get("version").asLong());
    }

    private static JsonNode refreshRun() throws Exception {
        return MAPPER.readTree(STACK.stack().schedules().runNow("PortraitRefreshFunction", "Hourly"));
    }

    @Test
    void theSeededEnterpriseUserReadsItsOwnFile() {
        JsonNode own = STACK.call("GET", "/enterprises/" + ownCode, enterprise, null).json();
        assertEquals("苏州纳微科技有限公司", own.at("/file/name").asText());
        assertEquals("SMALL", own.at("/file/size/sizeClass").asText());
        assertNull(own.at("/file/lifecycle/0").get("recordedBy"));
    }

    /** Today's whole audit trail of Suzhou Industrial Park. */
    private List<JsonNode> auditTrail() {
        List<JsonNode> records = new ArrayList<>();
        String cursor = null;
        do {
            Exchange e = STACK.call("GET", "/audit?limit=100" + (cursor == null ? "" : "&cursor=" + cursor), auditor, null);
            e.json().get("items").forEach(records::add);
            cursor = e.json().hasNonNull("nextCursor") ? e.json().get("nextCursor").asText() : null;
        } while (cursor != null);
        return records;
    }

    /**
     * Waits until the list at {@code path} shows the file (the directory index follows the files a
     * moment after they are written), failing after 30 seconds.
     */
    private void assertListed(String path, String code) throws InterruptedException {
        awaitListed(path, code, true);
    }

    /** Waits until the list at {@code path} no longer shows the file, failing after 30 seconds. */
    private void assertNotListed(String path, String code) throws InterruptedException {
        awaitListed(path, code, false);
    }

    private void awaitListed(String path, String code, boolean expected) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (listed(path).contains(code) != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + (expected ? " does not show " : " still shows ") + code);
            }
            Thread.sleep(200);
        }
    }

    /** Every credit code of the list at {@code path}, every page. */
    private java.util.Set<String> listed(String path) {
        String cursor = null;
        java.util.Set<String> seen = new java.util.HashSet<>();
        do {
            Exchange e = STACK.call("GET", path + (path.contains("?") ? "&" : "?") + "limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor), staff, null);
            assertEquals(200, e.status(), e.body());
            e.json().get("items").forEach(i -> seen.add(i.get("creditCode").asText()));
            cursor = e.json().hasNonNull("nextCursor") ? e.json().get("nextCursor").asText() : null;
        } while (cursor != null);
        return seen;
    }
}
