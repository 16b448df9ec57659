package com.huiqi.shared.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.shared.json.Json;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The national high-tech enterprise conditions (高新技术企业认定管理办法, 国科发火〔2016〕32号, 第十一条)
 * against a realistic Suzhou software company, evaluated on 2025-06-15 (years 2022–2024).
 */
class HighTechEnterpriseRuleTest {

    private static final LocalDate ON = LocalDate.of(2025, 6, 15);
    private final PolicyRule rule = Examples.rule("high-tech-enterprise");
    private final RuleEvaluator evaluator = new RuleEvaluator();

    /** Revenue 3,800万 / 4,200万 / 4,600万 (latest below 5,000万, so the 5% tier), R&D 5.48% over three years. */
    private static FactSheet.Builder company() {
        return FactSheet.builder()
                .text("registeredRegion", "320571")
                .text("industryCode", "I6513")
                .date("establishedOn", LocalDate.of(2019, 3, 12))
                .number("employees", 120)
                .number("rdPersonnel", 26)
                .number("patents.invention", 3)
                .number("patents.utilityModel", 8)
                .number("softwareCopyrights", 15)
                .texts("tags", "电子信息", "人工智能")
                .flag("seriousViolation", false)
                .year("revenue", 2022, "38000000").year("revenue", 2023, "42000000").year("revenue", 2024, "46000000")
                .year("rdExpense", 2022, "2100000").year("rdExpense", 2023, "2300000").year("rdExpense", 2024, "2500000")
                .year("rdExpenseDomestic", 2022, "2100000").year("rdExpenseDomestic", 2023, "2000000").year("rdExpenseDomestic", 2024, "2500000")
                .year("hiTechRevenue", 2024, "35000000");
    }

    private ConditionOutcome condition(RuleOutcome outcome, String id) {
        return outcome.conditions().stream().filter(c -> id.equals(c.id())).findFirst().orElseThrow();
    }

    @Test
    void aQualifyingCompanyIsEligibleWithItsFiguresAsReasons() {
        RuleOutcome outcome = evaluator.evaluate(rule, company().build(), ON);
        assertEquals(Verdict.ELIGIBLE, outcome.verdict());
        assertEquals(8, outcome.hardMet());
        assertEquals(8, outcome.hardTotal());
        assertEquals(100, outcome.matchDegree()); // growth 10.02% ≥ 10% and invention patents
        assertEquals(List.of(), outcome.unmet());
        assertEquals(List.of(), outcome.unknown());
        assertEquals("2024年营业收入 4600万元，适用第1档（不超过 5000万元）：2022-2024年研究开发费用占营业收入的比例 5.48%，要求不低于 5%",
                condition(outcome, "rd-ratio").reasons().get(0).zh());
        assertEquals("科技人员数占职工总数的比例 21.67%，要求不低于 10%", condition(outcome, "rd-staff").reasons().get(0).zh());
        assertEquals("符合申报条件（硬性条件 8/8 项满足）", outcome.summary().zh());
    }

    @Test
    void aNearMissSaysTheActualAndTheRequiredFigure() {
        // R&D 160万 + 175万 + 194.2万 = 529.2万 over revenue 12,600万: 4.2%, where the 5% tier applies.
        FactSheet facts = company()
                .year("rdExpense", 2022, "1600000").year("rdExpense", 2023, "1750000").year("rdExpense", 2024, "1942000")
                .year("rdExpenseDomestic", 2023, "1750000").year("rdExpenseDomestic", 2024, "1942000").year("rdExpenseDomestic", 2022, "1600000")
                .build();
        RuleOutcome outcome = evaluator.evaluate(rule, facts, ON);
        assertEquals(Verdict.NOT_ELIGIBLE, outcome.verdict());
        assertEquals(7, outcome.hardMet());
        ConditionOutcome rd = condition(outcome, "rd-ratio");
        assertEquals(List.of(rd), outcome.unmet());
        assertEquals("2024年营业收入 4600万元，适用第1档（不超过 5000万元）：2022-2024年研究开发费用占营业收入的比例 4.2%，要求不低于 5%",
                rd.reasons().get(0).zh());
        assertEquals("Revenue in 2024: 46,000,000 yuan, tier 1 (up to 50,000,000 yuan) applies: "
                + "R&D expense as a share of revenue 2022–2024: 4.2%, required at least 5%", rd.reasons().get(0).en());
        assertTrue(rd.text().startsWith("近三个会计年度的研究开发费用总额占同期销售收入总额的比例符合要求"));
    }

    @Test
    void theSameShareQualifiesInTheSecondTier() {
        // Latest revenue 1.2亿 puts the company in the 5,000万–2亿 tier, where 4% suffices; R&D 4.2% of 3.15亿.
        FactSheet facts = company()
                .year("revenue", 2022, "90000000").year("revenue", 2023, "105000000").year("revenue", 2024, "120000000")
                .year("rdExpense", 2022, "3780000").year("rdExpense", 2023, "4410000").year("rdExpense", 2024, "5040000")
                .year("rdExpenseDomestic", 2022, "3780000").year("rdExpenseDomestic", 2023, "4410000").year("rdExpenseDomestic", 2024, "5040000")
                .year("hiTechRevenue", 2024, "90000000")
                .build();
        RuleOutcome outcome = evaluator.evaluate(rule, facts, ON);
        assertEquals(Verdict.ELIGIBLE, outcome.verdict(), outcome.unmet().toString());
        assertEquals("2024年营业收入 1.2亿元，适用第2档（超过 5000万元、不超过 2亿元）：2022-2024年研究开发费用占营业收入的比例 4.2%，要求不低于 4%",
                condition(outcome, "rd-ratio").reasons().get(0).zh());
    }

    @Test
    void aMissingYearOfRdExpenseIsUnknownAndAskedForNotFailed() {
        // Even with the near-miss figures the share over three years cannot be known without 2023.
        FactSheet facts = company()
                .year("rdExpense", 2022, "1600000").year("rdExpense", 2024, "1942000")
                .withoutYear("rdExpense", 2023)
                .build();
        RuleOutcome outcome = evaluator.evaluate(rule, facts, ON);
        assertEquals(Verdict.UNDETERMINED, outcome.verdict());
        ConditionOutcome rd = condition(outcome, "rd-ratio");
        assertEquals(Truth.UNKNOWN, rd.truth());
        assertEquals("请补充：2023年研究开发费用", rd.reasons().get(0).zh());
        assertEquals("Please provide: R&D expense for 2023", rd.reasons().get(0).en());
        // The domestic share divides by the same R&D total, so it is unknown for the same reason.
        assertEquals(List.of(rd, condition(outcome, "rd-domestic")), outcome.unknown());
        assertEquals(List.of(new MissingFact("rdExpense", 2023, "2023年研究开发费用", "R&D expense for 2023")), outcome.missing());
        assertEquals(List.of(), outcome.unmet());
    }

    @Test
    void unknownSoftConditionsCountZeroButBoundTheDegree() {
        // Without the invention patent count, core IP still holds through utility models and copyrights.
        RuleOutcome outcome = evaluator.evaluate(rule, company().without("patents.invention").build(), ON);
        assertEquals(Verdict.ELIGIBLE, outcome.verdict());
        assertEquals(40, outcome.matchDegree()); // growth: 20 of 50
        assertEquals(100, outcome.matchDegreeUpperBound());
        assertEquals("invention", outcome.unknown().get(0).id());
        assertEquals(ConditionKind.SOFT, outcome.unknown().get(0).kind());
    }

    @Test
    void theOutcomeSerialisesWithThePlatformMapper() throws Exception {
        RuleOutcome outcome = evaluator.evaluate(rule, company().withoutYear("revenue", 2022).build(), ON);
        JsonNode json = Json.newMapper().readTree(Json.newMapper().writeValueAsString(outcome));
        assertEquals("UNDETERMINED", json.get("verdict").asText());
        assertEquals("2025-06-15", json.get("evaluatedOn").asText());
        assertEquals("revenue", json.get("missing").get(0).get("attribute").asText());
        assertEquals(2022, json.get("missing").get(0).get("year").asInt());
    }
}
