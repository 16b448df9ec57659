package com.huiqi.shared.rules;

import static com.huiqi.shared.rules.Truth.FALSE;
import static com.huiqi.shared.rules.Truth.TRUE;
import static com.huiqi.shared.rules.Truth.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One operator at a time, on hand-picked facts, including the exact edges. */
class OperatorTest {

    private static final LocalDate ON = LocalDate.of(2025, 6, 15); // last completed fiscal year: 2024
    private static final RuleParser PARSER = new RuleParser(AttributeCatalog.standard());
    private static final RuleEvaluator EVALUATOR = new RuleEvaluator();

    static Truth eval(String expr, FactSheet facts) {
        return EVALUATOR.truth(PARSER.parseExpression(expr), facts, ON);
    }

    static Truth eval(String expr, FactSheet facts, LocalDate on) {
        return EVALUATOR.truth(PARSER.parseExpression(expr), facts, on);
    }

    /** The reasons of a single condition holding {@code expr}. */
    static ConditionOutcome explain(String expr, FactSheet facts) {
        PolicyRule rule = new PolicyRule(List.of(Condition.hard("x", "条件", PARSER.parseExpression(expr))));
        return EVALUATOR.evaluate(rule, facts, ON).conditions().get(0);
    }

    static FactSheet.Builder facts() {
        return FactSheet.builder();
    }

    @Nested
    class Comparisons {
        @ParameterizedTest(name = "10 {0} {1} → {2}")
        @CsvSource({
                "eq, 10, TRUE", "eq, 11, FALSE", "ne, 10, FALSE", "ne, 9, TRUE",
                "gt, 10, FALSE", "gt, 9, TRUE", "gte, 10, TRUE", "gte, 11, FALSE",
                "lt, 10, FALSE", "lt, 11, TRUE", "lte, 10, TRUE", "lte, 9, FALSE"})
        void onNumbers(String op, int value, Truth expected) {
            FactSheet f = facts().number("employees", 10).build();
            assertEquals(expected, eval("{\"attribute\":\"employees\",\"op\":\"" + op + "\",\"value\":" + value + "}", f));
        }

        @Test
        void everyComparisonOnAMissingFactIsUnknownNeverFalse() {
            for (String op : List.of("eq", "ne", "gt", "gte", "lt", "lte")) {
                assertEquals(UNKNOWN, eval("{\"attribute\":\"employees\",\"op\":\"" + op + "\",\"value\":10}", FactSheet.empty()), op);
            }
            ConditionOutcome c = explain("{\"attribute\":\"employees\",\"op\":\"gte\",\"value\":10}", FactSheet.empty());
            assertEquals("请补充：职工总数", c.reasons().get(0).zh());
            assertEquals("Please provide: employees", c.reasons().get(0).en());
            assertEquals(List.of(new MissingFact("employees", null, "职工总数", "employees")), c.missing());
        }

        @Test
        void moneyIsComparedExactlyInYuanWhateverUnitTheRuleUses() {
            FactSheet f = facts().year("revenue", 2024, "50000000.00").build();
            assertEquals(TRUE, eval("{\"attribute\":\"revenue\",\"aggregate\":\"latest\",\"op\":\"eq\",\"value\":\"5000万元\"}", f));
            assertEquals(TRUE, eval("{\"attribute\":\"revenue\",\"aggregate\":\"latest\",\"op\":\"eq\",\"value\":\"0.5亿元\"}", f));
            assertEquals(TRUE, eval("{\"attribute\":\"revenue\",\"aggregate\":\"latest\",\"op\":\"eq\",\"value\":\"50000000元\"}", f));
            FactSheet oneFenLess = facts().year("revenue", 2024, "49999999.99").build();
            assertEquals(FALSE, eval("{\"attribute\":\"revenue\",\"aggregate\":\"latest\",\"op\":\"gte\",\"value\":\"5000万元\"}", oneFenLess));
        }

        @Test
        void betweenIncludesBothEnds() {
            String rule = "{\"attribute\":\"employees\",\"op\":\"between\",\"value\":[10,20]}";
            assertEquals(TRUE, eval(rule, facts().number("employees", 10).build()));
            assertEquals(TRUE, eval(rule, facts().number("employees", 20).build()));
            assertEquals(FALSE, eval(rule, facts().number("employees", 21).build()));
            assertEquals(FALSE, eval(rule, facts().number("employees", 9).build()));
            assertEquals(UNKNOWN, eval(rule, FactSheet.empty()));
        }

        @Test
        void textsAndFlagsCompareForEquality() {
            FactSheet f = facts().text("sizeClass", "小型").flag("dishonest", false).build();
            assertEquals(TRUE, eval("{\"attribute\":\"sizeClass\",\"op\":\"eq\",\"value\":\"小型\"}", f));
            assertEquals(FALSE, eval("{\"attribute\":\"sizeClass\",\"op\":\"ne\",\"value\":\"小型\"}", f));
            assertEquals(TRUE, eval("{\"attribute\":\"dishonest\",\"op\":\"eq\",\"value\":false}", f));
            assertEquals(UNKNOWN, eval("{\"attribute\":\"seriousViolation\",\"op\":\"eq\",\"value\":false}", f));
        }

        @Test
        void aFactOfTheWrongJavaTypeIsUnknownAndFlaggedNotFalse() {
            // A double is never accepted for money or numbers: it may already have lost the exact value.
            FactSheet f = facts().value("employees", 10.0d).build();
            ConditionOutcome c = explain("{\"attribute\":\"employees\",\"op\":\"gte\",\"value\":5}", f);
            assertEquals(UNKNOWN, c.truth());
            assertTrue(c.reasons().get(0).zh().contains("数据格式有误"), c.reasons().toString());
        }
    }

    @Nested
    class Dates {
        private static final String ONE_YEAR = "{\"attribute\":\"establishedOn\",\"op\":\"lte\",\"value\":{\"ago\":\"P1Y\"}}";

        @Test
        void establishedAtLeastOneYearCountsFromTheEvaluationDate() {
            assertEquals(TRUE, eval(ONE_YEAR, facts().date("establishedOn", LocalDate.of(2024, 6, 15)).build()));
            assertEquals(FALSE, eval(ONE_YEAR, facts().date("establishedOn", LocalDate.of(2024, 6, 16)).build()));
            assertEquals(UNKNOWN, eval(ONE_YEAR, FactSheet.empty()));
        }

        @Test
        void aYearBeforeTheTwentyNinthOfFebruaryIsTheTwentyEighth() {
            LocalDate leap = LocalDate.of(2024, 2, 29);
            assertEquals(TRUE, eval(ONE_YEAR, facts().date("establishedOn", LocalDate.of(2023, 2, 28)).build(), leap));
            assertEquals(FALSE, eval(ONE_YEAR, facts().date("establishedOn", LocalDate.of(2023, 3, 1)).build(), leap));
        }

        @Test
        void absoluteDatesAndTheWordingOfTheRequirement() {
            FactSheet f = facts().date("establishedOn", LocalDate.of(2024, 9, 1)).build();
            assertEquals(TRUE, eval("{\"attribute\":\"establishedOn\",\"op\":\"gt\",\"value\":\"2024-08-31\"}", f));
            ConditionOutcome c = explain(ONE_YEAR, f);
            assertEquals("成立日期 2024-09-01，要求不晚于 2024-06-15（评估日前1年）", c.reasons().get(0).zh());
            assertEquals("Date of establishment: 2024-09-01, required on or before 2024-06-15 (1 year before the evaluation date)",
                    c.reasons().get(0).en());
        }
    }

    @Nested
    class Sets {
        @Test
        void inAndNotIn() {
            FactSheet f = facts().text("sizeClass", "中型").build();
            assertEquals(TRUE, eval("{\"attribute\":\"sizeClass\",\"op\":\"in\",\"value\":[\"中型\",\"小型\"]}", f));
            assertEquals(FALSE, eval("{\"attribute\":\"sizeClass\",\"op\":\"in\",\"value\":[\"小型\",\"微型\"]}", f));
            assertEquals(TRUE, eval("{\"attribute\":\"sizeClass\",\"op\":\"notIn\",\"value\":[\"大型\"]}", f));
            assertEquals(UNKNOWN, eval("{\"attribute\":\"sizeClass\",\"op\":\"notIn\",\"value\":[\"大型\"]}", FactSheet.empty()));
            assertEquals("企业规模 中型，要求为以下之一：小型、微型",
                    explain("{\"attribute\":\"sizeClass\",\"op\":\"in\",\"value\":[\"小型\",\"微型\"]}", f).reasons().get(0).zh());
        }

        @Test
        void containsAnyAndContainsAll() {
            FactSheet f = facts().texts("qualifications", "高新技术企业", "瞪羚企业").build();
            assertEquals(TRUE, eval("{\"attribute\":\"qualifications\",\"op\":\"containsAny\",\"value\":[\"专精特新中小企业\",\"高新技术企业\"]}", f));
            assertEquals(FALSE, eval("{\"attribute\":\"qualifications\",\"op\":\"containsAll\",\"value\":[\"专精特新中小企业\",\"高新技术企业\"]}", f));
            assertEquals(TRUE, eval("{\"attribute\":\"qualifications\",\"op\":\"containsAll\",\"value\":[\"瞪羚企业\",\"高新技术企业\"]}", f));
            // A known empty set is a "no"; an absent one is unknown.
            assertEquals(FALSE, eval("{\"attribute\":\"tags\",\"op\":\"containsAny\",\"value\":[\"电子信息\"]}", facts().texts("tags", Set.of()).build()));
            assertEquals(UNKNOWN, eval("{\"attribute\":\"tags\",\"op\":\"containsAny\",\"value\":[\"电子信息\"]}", FactSheet.empty()));
            assertEquals("资质 瞪羚企业、高新技术企业，要求全部具备：专精特新中小企业、高新技术企业（缺少：专精特新中小企业）",
                    explain("{\"attribute\":\"qualifications\",\"op\":\"containsAll\",\"value\":[\"专精特新中小企业\",\"高新技术企业\"]}", f)
                            .reasons().get(0).zh());
        }
    }

    @Nested
    class Regions {
        @ParameterizedTest(name = "{0} within {1} → {2}")
        @CsvSource({
                "320571, 320500, TRUE", "320571, 320000, TRUE", "320571, 320571, TRUE", "320571, 320100, FALSE",
                "320571, 330000, FALSE", "110105, 110000, TRUE",
                // a file that only knows the prefecture cannot say which district
                "320500, 320571, UNKNOWN", "320500, 320000, TRUE", "320500, 330100, FALSE", "320000, 320500, UNKNOWN"})
        void withinRegion(String actual, String region, Truth expected) {
            FactSheet f = facts().text("registeredRegion", actual).build();
            assertEquals(expected, eval("{\"attribute\":\"registeredRegion\",\"op\":\"withinRegion\",\"value\":[\"" + region + "\"]}", f));
        }

        @Test
        void withinAnyOfSeveralRegions() {
            FactSheet f = facts().text("registeredRegion", "320505").build();
            assertEquals(TRUE, eval("{\"attribute\":\"registeredRegion\",\"op\":\"withinRegion\",\"value\":[\"320100\",\"320500\"]}", f));
            assertEquals(UNKNOWN, eval("{\"attribute\":\"registeredRegion\",\"op\":\"withinRegion\",\"value\":[\"320100\"]}", FactSheet.empty()));
        }

        @ParameterizedTest(name = "{0} eq {1} → {2}")
        @CsvSource({"320571, 320571, TRUE", "320571, 320500, FALSE", "320500, 320571, UNKNOWN", "320500, 320500, UNKNOWN",
                "320500, 330106, FALSE"})
        void equalityIsOfExactCodes(String actual, String wanted, Truth expected) {
            FactSheet f = facts().text("registeredRegion", actual).build();
            assertEquals(expected, eval("{\"attribute\":\"registeredRegion\",\"op\":\"eq\",\"value\":\"" + wanted + "\"}", f));
        }

        @Test
        void aCoarseCodeAsksForAPreciseOne() {
            ConditionOutcome c = explain("{\"attribute\":\"registeredRegion\",\"op\":\"withinRegion\",\"value\":[\"320571\"]}",
                    facts().text("registeredRegion", "320500").build());
            assertEquals(UNKNOWN, c.truth());
            assertEquals("请补充：注册地", c.reasons().get(0).zh());
            assertTrue(c.reasons().get(1).zh().contains("不够具体"), c.reasons().toString());
        }
    }

    @Nested
    class Industries {
        @ParameterizedTest(name = "{0} within {1} → {2}")
        @CsvSource({"C3911, C, TRUE", "3911, C39, TRUE", "C3911, 39, TRUE", "C3911, I65, FALSE", "I6510, I, TRUE",
                "C39, C3911, UNKNOWN", "C, I65, FALSE", "C, C39, UNKNOWN", "M7320, M73, TRUE"})
        void withinIndustry(String actual, String wanted, Truth expected) {
            FactSheet f = facts().text("industryCode", actual).build();
            assertEquals(expected, eval("{\"attribute\":\"industryCode\",\"op\":\"withinIndustry\",\"value\":[\"" + wanted + "\"]}", f));
        }
    }

    @Nested
    class Aggregates {
        /** Revenue 2022–2024 in yuan: 100万, 120万, 144万 (20% a year). */
        private final FactSheet revenue = facts()
                .year("revenue", 2021, "1").year("revenue", 2022, "1000000").year("revenue", 2023, "1200000")
                .year("revenue", 2024, "1440000").year("revenue", 2025, "99999999").build();

        @Test
        void theWindowIsTheLastCompletedFiscalYearsBeforeTheEvaluationDate() {
            assertEquals(TRUE, eval("{\"attribute\":\"revenue\",\"aggregate\":\"latest\",\"op\":\"eq\",\"value\":\"144万元\"}", revenue));
            assertEquals(TRUE, eval("{\"attribute\":\"revenue\",\"aggregate\":\"sum\",\"years\":3,\"op\":\"eq\",\"value\":\"364万元\"}", revenue));
            // 31 December is still inside 2024, so 2023 is the last completed year.
            assertEquals(TRUE, eval("{\"attribute\":\"revenue\",\"aggregate\":\"latest\",\"op\":\"eq\",\"value\":\"120万元\"}", revenue,
                    LocalDate.of(2024, 12, 31)));
        }

        @Test
        void sumAvgMinMax() {
            assertEquals(TRUE, eval("{\"attribute\":\"revenue\",\"aggregate\":\"min\",\"years\":3,\"op\":\"eq\",\"value\":\"100万元\"}", revenue));
            assertEquals(TRUE, eval("{\"attribute\":\"revenue\",\"aggregate\":\"max\",\"years\":3,\"op\":\"eq\",\"value\":\"144万元\"}", revenue));
            assertEquals(TRUE, eval("{\"attribute\":\"revenue\",\"aggregate\":\"avg\",\"years\":2,\"op\":\"eq\",\"value\":\"132万元\"}", revenue));
            // 364万 / 3 = 121.333…万: compared exactly, not after rounding.
            assertEquals(TRUE, eval("{\"attribute\":\"revenue\",\"aggregate\":\"avg\",\"years\":3,\"op\":\"gt\",\"value\":\"1213333.33元\"}", revenue));
            assertEquals(TRUE, eval("{\"attribute\":\"revenue\",\"aggregate\":\"avg\",\"years\":3,\"op\":\"lt\",\"value\":\"1213333.34元\"}", revenue));
        }

        @Test
        void compoundGrowthIsDecidedExactlyAtTheEdge() {
            String cagr = "{\"attribute\":\"revenue\",\"aggregate\":\"growth\",\"years\":3,\"op\":\"%s\",\"value\":\"20%%\"}";
            assertEquals(TRUE, eval(cagr.formatted("gte"), revenue));
            assertEquals(FALSE, eval(cagr.formatted("gt"), revenue));
            assertEquals(TRUE, eval(cagr.formatted("eq"), revenue));
            // years 2 is plain year-on-year growth: 144 over 120.
            assertEquals(TRUE, eval("{\"attribute\":\"revenue\",\"aggregate\":\"growth\",\"years\":2,\"op\":\"eq\",\"value\":\"20%\"}", revenue));
            ConditionOutcome c = explain("{\"attribute\":\"revenue\",\"aggregate\":\"growth\",\"years\":3,\"op\":\"gte\",\"value\":\"25%\"}", revenue);
            assertEquals("2022-2024年营业收入年均增长率 20%，要求不低于 25%", c.reasons().get(0).zh());
        }

        @Test
        void growthFromAZeroBaseIsUnknownForAPersonToDecide() {
            FactSheet f = facts().year("revenue", 2023, "0").year("revenue", 2024, "500000").build();
            ConditionOutcome c = explain("{\"attribute\":\"revenue\",\"aggregate\":\"growth\",\"years\":2,\"op\":\"gte\",\"value\":\"10%\"}", f);
            assertEquals(UNKNOWN, c.truth());
            assertTrue(c.reasons().get(0).zh().contains("需人工核定"), c.reasons().toString());
            assertTrue(c.missing().isEmpty());
        }

        @Test
        void aMissingYearMakesTheAggregateUnknownAndIsNamed() {
            FactSheet f = revenue.toBuilder().withoutYear("revenue", 2023).build();
            ConditionOutcome c = explain("{\"attribute\":\"revenue\",\"aggregate\":\"sum\",\"years\":3,\"op\":\"gte\",\"value\":\"1元\"}", f);
            assertEquals(UNKNOWN, c.truth());
            assertEquals("请补充：2023年营业收入", c.reasons().get(0).zh());
            assertEquals("Please provide: revenue for 2023", c.reasons().get(0).en());
            assertEquals(List.of(new MissingFact("revenue", 2023, "2023年营业收入", "revenue for 2023")), c.missing());
        }

        @Test
        void ratioOfSumsIsExactAtFivePercent() {
            FactSheet f = facts()
                    .year("rdExpense", 2022, "10").year("rdExpense", 2023, "20").year("rdExpense", 2024, "20")
                    .year("revenue", 2022, "300").year("revenue", 2023, "300").year("revenue", 2024, "400").build();
            String ratio = "{\"attribute\":\"rdExpense\",\"aggregate\":\"ratio\",\"denominator\":\"revenue\",\"years\":3,\"op\":\"%s\",\"value\":\"5%%\"}";
            assertEquals(TRUE, eval(ratio.formatted("gte"), f));
            assertEquals(FALSE, eval(ratio.formatted("gt"), f));
            // Only the last year: 20 / 400 = 5% too; two years: 40 / 700 = 5.71%.
            assertEquals(TRUE, eval("{\"attribute\":\"rdExpense\",\"aggregate\":\"ratio\",\"denominator\":\"revenue\",\"years\":1,\"op\":\"eq\",\"value\":\"5%\"}", f));
            assertEquals(TRUE, eval("{\"attribute\":\"rdExpense\",\"aggregate\":\"ratio\",\"denominator\":\"revenue\",\"years\":2,\"op\":\"gt\",\"value\":\"5.71%\"}", f));
        }

        @Test
        void ratioOfScalarsAndAZeroDenominator() {
            String share = "{\"attribute\":\"rdPersonnel\",\"aggregate\":\"ratio\",\"denominator\":\"employees\",\"op\":\"gte\",\"value\":\"10%\"}";
            assertEquals(TRUE, eval(share, facts().number("rdPersonnel", 12).number("employees", 120).build()));
            assertEquals(FALSE, eval(share, facts().number("rdPersonnel", 11).number("employees", 120).build()));
            assertEquals(UNKNOWN, eval(share, facts().number("rdPersonnel", 0).number("employees", 0).build()));
            ConditionOutcome c = explain(share, facts().number("employees", 120).build());
            assertEquals("请补充：科技人员数", c.reasons().get(0).zh());
        }
    }

    @Nested
    class Logic {
        private final FactSheet f = facts().number("employees", 10).build();
        private final String yes = "{\"attribute\":\"employees\",\"op\":\"gte\",\"value\":1}";
        private final String no = "{\"attribute\":\"employees\",\"op\":\"gte\",\"value\":100}";
        private final String unknown = "{\"attribute\":\"rdPersonnel\",\"op\":\"gte\",\"value\":1}";

        @Test
        void kleeneConjunctionDisjunctionAndNegation() {
            assertEquals(FALSE, eval("{\"all\":[" + unknown + "," + no + "]}", f));
            assertEquals(UNKNOWN, eval("{\"all\":[" + unknown + "," + yes + "]}", f));
            assertEquals(TRUE, eval("{\"all\":[" + yes + "," + yes + "]}", f));
            assertEquals(TRUE, eval("{\"any\":[" + unknown + "," + yes + "]}", f));
            assertEquals(UNKNOWN, eval("{\"any\":[" + unknown + "," + no + "]}", f));
            assertEquals(FALSE, eval("{\"any\":[" + no + "]}", f));
            assertEquals(UNKNOWN, eval("{\"not\":" + unknown + "}", f));
            assertEquals(TRUE, eval("{\"not\":" + no + "}", f));
        }

        @Test
        void aNegatedRequirementIsWordedTheOtherWay() {
            ConditionOutcome c = explain("{\"not\":" + yes + "}", f);
            assertEquals(FALSE, c.truth());
            assertEquals("职工总数 10人，要求低于 1人", c.reasons().get(0).zh());
        }

        @Test
        void truthTables() {
            for (Truth a : Truth.values()) {
                assertEquals(a, a.not().not());
                for (Truth b : Truth.values()) {
                    assertEquals(a.and(b), b.and(a));
                    assertEquals(a.and(b).not(), a.not().or(b.not()));
                }
            }
        }
    }

    @Nested
    class Tiers {
        private final String tiered = """
                {"tiered": {"by": {"attribute": "revenue", "aggregate": "latest"}, "tiers": [
                  {"upTo": "5000万元", "rule": {"attribute": "employees", "op": "gte", "value": 5}},
                  {"below": "2亿元", "rule": {"attribute": "employees", "op": "gte", "value": 4}},
                  {"rule": {"attribute": "employees", "op": "gte", "value": 3}}]}}""";

        @ParameterizedTest(name = "revenue {0}, employees {1} → {2}")
        @CsvSource({"50000000, 5, TRUE", "50000000, 4, FALSE", "50000000.01, 4, TRUE", "199999999, 3, FALSE",
                "200000000, 3, TRUE", "300000000, 2, FALSE"})
        void theFirstTierWhoseBoundAdmitsTheFigureApplies(String revenue, int employees, Truth expected) {
            FactSheet f = facts().year("revenue", 2024, revenue).number("employees", employees).build();
            assertEquals(expected, eval(tiered, f));
        }

        @Test
        void anUnknownSelectorStillDecidesWhenEveryTierAgrees() {
            assertEquals(TRUE, eval(tiered, facts().number("employees", 9).build()));
            assertEquals(FALSE, eval(tiered, facts().number("employees", 2).build()));
            ConditionOutcome c = explain(tiered, facts().number("employees", 4).build());
            assertEquals(UNKNOWN, c.truth());
            assertEquals("请补充：2024年营业收入", c.reasons().get(0).zh());
        }
    }

    @Test
    void factSheetKeepsMoneyExact() {
        FactSheet f = facts().year("revenue", 2024, new BigDecimal("0.10")).build();
        assertEquals(new BigDecimal("0.10"), f.yearValue("revenue", 2024).orElseThrow());
    }
}
