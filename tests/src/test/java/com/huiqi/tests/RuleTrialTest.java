package com.huiqi.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.huiqi.tests.support.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huiqi.local.demo.ApiClient.Exchange;
import com.huiqi.shared.json.Json;
import com.huiqi.shared.rules.Attribute;
import com.huiqi.shared.rules.AttributeCatalog;
import com.huiqi.tests.support.AuditTrail;
import com.huiqi.tests.support.TestStack;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * 规则试算 over HTTP: staff try the demo 高新技术企业 item's conditions, exactly as published, against
 * sample facts on 2026-12-01 (so the last three fiscal years are 2023–2025), and get the verdicts and
 * the evaluator's reasons; malformed rules and facts are 422 problems naming the field; nothing is
 * written.
 */
class RuleTrialTest {

    private static final TestStack STACK = TestStack.get();
    private static final ObjectMapper MAPPER = Json.newMapper();
    private final String staff = STACK.token("sip-staff");

    /** A Suzhou software company: revenue 3,800万 / 4,200万 / 4,600万 (tier 1, up to 5,000万), R&D 5.48%. */
    private static ObjectNode company() {
        return MAPPER.valueToTree(Map.ofEntries(
                Map.entry("registeredRegion", "320571"),
                Map.entry("industryCode", "I6513"),
                Map.entry("establishedOn", "2019-03-12"),
                Map.entry("employees", 120),
                Map.entry("rdPersonnel", 26),
                Map.entry("patents.invention", 3),
                Map.entry("patents.utilityModel", 8),
                Map.entry("softwareCopyrights", 15),
                Map.entry("tags", List.of("电子信息", "人工智能")),
                Map.entry("seriousViolation", false),
                Map.entry("revenue", Map.of("2023", "3800万元", "2024", "4200万元", "2025", "4600万元")),
                Map.entry("rdExpense", Map.of("2023", "210万元", "2024", "230万元", "2025", "250万元")),
                Map.entry("rdExpenseDomestic", Map.of("2023", "210万元", "2024", "200万元", "2025", "250万元")),
                Map.entry("hiTechRevenue", Map.of("2025", "3500万元"))));
    }

    /** The demo item's conditions as published: what an author would try before changing them. */
    private static JsonNode demoConditions() {
        Exchange item = STACK.call("GET", "/catalogue/items/BZ000000000080", STACK.token("sip-ent"), null);
        assertEquals(200, item.status(), item.body());
        return item.json().at("/content/conditions");
    }

    private Exchange trial(Object body) {
        return STACK.call("POST", "/rules/trial", staff, body);
    }

    private static Map<String, Object> body(String key, Object what, JsonNode facts) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put(key, what);
        b.put("facts", facts);
        b.put("asOf", "2026-12-01");
        return b;
    }

    private static JsonNode condition(JsonNode outcome, String id) {
        for (JsonNode c : outcome.get("conditions")) {
            if (id.equals(c.path("id").asText())) {
                return c;
            }
        }
        throw new AssertionError("no condition " + id + " in " + outcome);
    }

    @Test
    void aQualifyingCompanyIsEligibleWithTheFiguresAsReasons() {
        Exchange e = trial(body("conditions", demoConditions(), company()));
        assertEquals(200, e.status(), e.body());
        JsonNode o = e.json();
        assertEquals("2026-12-01", o.get("asOf").asText());
        assertEquals("ELIGIBLE", o.get("verdict").asText());
        assertEquals(8, o.get("hardMet").asInt());
        assertEquals(8, o.get("hardTotal").asInt());
        assertEquals(100, o.get("matchDegree").asInt(), "revenue growth 10.02% and invention patents");
        assertEquals("符合申报条件（硬性条件 8/8 项满足）", o.at("/summary/zh").asText());
        JsonNode rd = condition(o, "rd-ratio");
        assertEquals("TRUE", rd.get("truth").asText());
        assertEquals("2025年营业收入 4600万元，适用第1档（不超过 5000万元）：2023-2025年研究开发费用占营业收入的比例 5.48%，要求不低于 5%",
                rd.at("/reasons/0/zh").asText());
        assertEquals("科技人员数占职工总数的比例 21.67%，要求不低于 10%", condition(o, "rd-staff").at("/reasons/0/zh").asText());
        assertEquals("soft", condition(o, "growth").get("kind").asText());
        assertEquals(20, condition(o, "growth").get("weight").asInt());
        assertEquals(0, o.get("missing").size());
    }

    @Test
    void aCompanyBelowItsRdTierIsNotEligibleAndToldTheFigure() {
        // R&D 160万 + 175万 + 194.2万 = 529.2万 of revenue 12,600万: 4.2%, where the 5% tier applies.
        ObjectNode facts = company();
        facts.set("rdExpense", MAPPER.valueToTree(Map.of("2023", "160万元", "2024", "175万元", "2025", "194.2万元")));
        facts.set("rdExpenseDomestic", MAPPER.valueToTree(Map.of("2023", "160万元", "2024", "175万元", "2025", "194.2万元")));
        JsonNode o = trial(body("conditions", demoConditions(), facts)).json();
        assertEquals("NOT_ELIGIBLE", o.get("verdict").asText());
        assertEquals(7, o.get("hardMet").asInt());
        JsonNode rd = condition(o, "rd-ratio");
        assertEquals("FALSE", rd.get("truth").asText());
        assertEquals("2025年营业收入 4600万元，适用第1档（不超过 5000万元）：2023-2025年研究开发费用占营业收入的比例 4.2%，要求不低于 5%",
                rd.at("/reasons/0/zh").asText());
        assertEquals("Revenue in 2025: 46,000,000 yuan, tier 1 (up to 50,000,000 yuan) applies: "
                + "R&D expense as a share of revenue 2023–2025: 4.2%, required at least 5%", rd.at("/reasons/0/en").asText());
        assertTrue(rd.get("text").asText().startsWith("近三个会计年度的研究开发费用总额占同期销售收入总额的比例符合要求"));

        // The same share passes in the second tier: latest revenue 1.2亿 needs only 4%.
        facts.set("revenue", MAPPER.valueToTree(Map.of("2023", "9000万元", "2024", "1.05亿元", "2025", "1.2亿元")));
        facts.set("rdExpense", MAPPER.valueToTree(Map.of("2023", "378万元", "2024", "441万元", "2025", "504万元")));
        facts.set("rdExpenseDomestic", MAPPER.valueToTree(Map.of("2023", "378万元", "2024", "441万元", "2025", "504万元")));
        facts.set("hiTechRevenue", MAPPER.valueToTree(Map.of("2025", "9000万元")));
        JsonNode second = trial(body("conditions", demoConditions(), facts)).json();
        assertEquals("ELIGIBLE", second.get("verdict").asText(), second.toString());
        assertEquals("2025年营业收入 1.2亿元，适用第2档（超过 5000万元、不超过 2亿元）：2023-2025年研究开发费用占营业收入的比例 4.2%，要求不低于 4%",
                condition(second, "rd-ratio").at("/reasons/0/zh").asText());
    }

    @Test
    void aMissingFigureIsUnknownAndAskedForNeverFailed() {
        ObjectNode facts = company();
        ((ObjectNode) facts.get("rdExpense")).remove("2024");
        facts.putNull("patents.invention");
        JsonNode o = trial(body("conditions", demoConditions(), facts)).json();
        assertEquals("UNDETERMINED", o.get("verdict").asText());
        JsonNode rd = condition(o, "rd-ratio");
        assertEquals("UNKNOWN", rd.get("truth").asText());
        assertEquals("请补充：2024年研究开发费用", rd.at("/reasons/0/zh").asText());
        assertEquals("Please provide: R&D expense for 2024", rd.at("/reasons/0/en").asText());
        assertEquals("UNKNOWN", condition(o, "rd-domestic").get("truth").asText(), "it divides by the same R&D total");
        // Core IP still holds through utility models and copyrights; the invention soft condition is unknown.
        assertEquals("TRUE", condition(o, "core-ip").get("truth").asText());
        assertEquals("UNKNOWN", condition(o, "invention").get("truth").asText());
        assertEquals(40, o.get("matchDegree").asInt(), "growth: 20 of 50");
        assertEquals(100, o.get("matchDegreeUpperBound").asInt());
        List<String> missing = new ArrayList<>();
        o.get("missing").forEach(m -> missing.add(m.get("attribute").asText() + m.path("year").asText()));
        assertEquals(List.of("rdExpense2024", "patents.invention"), missing);
    }

    @Test
    void aLoneRuleIsTriedAsOneHardCondition() {
        JsonNode rule = condition(MAPPER.createObjectNode().set("conditions", demoConditions()), "rd-ratio").get("rule");
        ObjectNode facts = MAPPER.createObjectNode();
        facts.set("revenue", company().get("revenue"));
        facts.set("rdExpense", MAPPER.valueToTree(Map.of("2023", "160万元", "2024", "175万元", "2025", "194.2万元")));
        JsonNode o = trial(body("rule", rule, facts)).json();
        assertEquals("NOT_ELIGIBLE", o.get("verdict").asText());
        assertEquals(1, o.get("conditions").size());
        JsonNode only = o.at("/conditions/0");
        assertEquals("FALSE", only.get("truth").asText());
        assertFalse(only.has("id") || only.has("text"), "a lone rule has no id or wording of its own");
        assertTrue(only.at("/reasons/0/zh").asText().endsWith("比例 4.2%，要求不低于 5%"), only.toString());

        // Without asOf the rule is evaluated today in the center's zone (Asia/Shanghai).
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        String before = LocalDate.now(zone).toString();
        Exchange now = trial(Map.of("rule", rule, "facts", Map.of()));
        String after = LocalDate.now(zone).toString();
        assertEquals(200, now.status(), now.body());
        assertTrue(List.of(before, after).contains(now.json().get("asOf").asText()), now.body());
        assertEquals("UNDETERMINED", now.json().get("verdict").asText(), "no facts: everything is to be supplied");
    }

    @Test
    void badRulesAndFactsAre422ProblemsNamingTheField() {
        ObjectNode facts = company();
        assertProblem(trial(body("rule", Map.of("attribute", "noSuchFigure", "op", "gte", "value", 1), facts)),
                422, "INVALID_RULE", "rule.attribute");
        List<Object> conditions = new ArrayList<>(MAPPER.convertValue(demoConditions(), List.class));
        conditions.set(4, Map.of("id", "rd-ratio", "text", "研究开发费用占比符合要求", "rule", Map.of("tiered", Map.of(
                "by", Map.of("attribute", "revenue", "aggregate", "latest"),
                "tiers", List.of(Map.of("upTo", "5000", "rule", Map.of("attribute", "employees", "op", "gte", "value", 1)))))));
        assertProblem(trial(body("conditions", conditions, facts)), 422, "INVALID_RULE", "conditions[4].rule.tiered.tiers[0].upTo");

        assertProblem(trial(body("conditions", demoConditions(), facts.deepCopy().put("noSuchFigure", 1))),
                422, "INVALID_FACTS", "facts.noSuchFigure");
        ObjectNode wrongType = facts.deepCopy();
        ((ObjectNode) wrongType.get("revenue")).put("2025", 46000000);
        assertProblem(trial(body("conditions", demoConditions(), wrongType)), 422, "INVALID_FACTS", "facts.revenue.2025");
        ObjectNode badYear = facts.deepCopy();
        ((ObjectNode) badYear.get("revenue")).put("25", "4600万元");
        assertProblem(trial(body("conditions", demoConditions(), badYear)), 422, "INVALID_FACTS", "facts.revenue.25");
        assertProblem(trial(body("conditions", demoConditions(), facts.deepCopy().put("establishedOn", "2019-02-30"))),
                422, "INVALID_FACTS", "facts.establishedOn");

        Map<String, Object> both = body("conditions", demoConditions(), facts);
        both.put("rule", Map.of("attribute", "employees", "op", "gte", "value", 1));
        assertProblem(trial(both), 422, "VALIDATION_FAILED", "conditions");
        assertProblem(trial(Map.of("facts", facts)), 422, "VALIDATION_FAILED", "rule");
        assertProblem(trial(Map.of("rule", Map.of("attribute", "employees", "op", "gte", "value", 1))), 422, "VALIDATION_FAILED", "facts");
        assertProblem(trial(body("conditions", List.of(Map.of("id", "invention", "text", "拥有发明专利", "kind", "soft", "weight", 30,
                "rule", Map.of("attribute", "patents.invention", "op", "gte", "value", 1))), facts)), 422, "VALIDATION_FAILED", "conditions");
        assertProblem(trial(body("conditions", List.of(Map.of("id", "later", "text", "尚未拆解的条件")), facts)),
                422, "VALIDATION_FAILED", "conditions[0].rule");
        assertProblem(trial(body("conditions", List.of(Map.of("id", "Bad Id", "text", "条件编号不合规",
                "rule", Map.of("attribute", "employees", "op", "gte", "value", 1))), facts)), 422, "VALIDATION_FAILED", "conditions[0].id");
        Map<String, Object> badDate = body("rule", Map.of("attribute", "employees", "op", "gte", "value", 1), facts);
        badDate.put("asOf", "2026-13-01");
        assertProblem(trial(badDate), 400, "INVALID_FIELD", "asOf");
    }

    @Test
    void onlyStaffAndAdminsTryRulesAndTryingWritesNothing() {
        Map<String, Object> body = body("conditions", demoConditions(), company());
        int before = AuditTrail.size("sip-auditor");
        assertEquals(200, STACK.call("POST", "/rules/trial", STACK.token("sip-admin"), body).status());
        assertEquals(200, trial(body).status());
        assertEquals(before, AuditTrail.size("sip-auditor"), "a trial is a pure computation: no audit record");
        for (String account : List.of("sip-ent", "sip-kjj", "sip-expert", "sip-auditor")) {
            assertProblem(STACK.call("POST", "/rules/trial", STACK.token(account), body), 403, "FORBIDDEN", null);
        }
    }

    @Test
    void theContractsExamplesAreWhatTheTrialAnswers() {
        JsonNode op = STACK.contract().document().at("/paths/~1rules~1trial/post");
        JsonNode requests = op.at("/requestBody/content/application~1json/examples");
        JsonNode answers = op.at("/responses/200/content/application~1json/examples");
        assertEquals(answers.at("/unmet/value"), trial(requests.at("/rule/value")).json());
        assertEquals(answers.at("/unknown/value"), trial(requests.at("/conditions/value")).json());
    }

    @Test
    void theContractsSampleFactsListEveryCatalogueAttribute() {
        JsonNode properties = STACK.contract().document().at("/components/schemas/SampleFacts/properties");
        Set<String> documented = new TreeSet<>();
        properties.fieldNames().forEachRemaining(documented::add);
        Set<String> catalogue = new TreeSet<>();
        for (Attribute a : AttributeCatalog.standard().attributes()) {
            catalogue.add(a.name());
            String ref = properties.path(a.name()).path("$ref").asText();
            assertEquals(a.series(), ref.endsWith("SeriesFact"), a.name() + " is per year exactly when the catalogue says so");
            if (ref.endsWith("SeriesFact")) {
                assertEquals(a.type().name().startsWith("MONEY"), ref.endsWith("MoneySeriesFact"), a.name());
            }
        }
        assertEquals(catalogue, documented);
    }


}
