package com.huiqi.shared.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huiqi.shared.error.ApiException;
import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed rules are 422 INVALID_RULE with the path of the offending node and a message in both languages. */
class RuleParserTest {

    private final RuleParser parser = new RuleParser(AttributeCatalog.standard());

    /** A rule whose third condition holds {@code expr} inside an {@code all}, as its second operand. */
    private static String third(String expr) {
        String ok = "{\"text\":\"职工人数\",\"rule\":{\"attribute\":\"employees\",\"op\":\"gte\",\"value\":1}}";
        return "{\"conditions\":[" + ok + "," + ok + ",{\"text\":\"条件\",\"rule\":{\"all\":["
                + "{\"attribute\":\"employees\",\"op\":\"gte\",\"value\":1}," + expr + "]}}]}";
    }

    private ApiException reject(String json) {
        ApiException e = assertThrows(ApiException.class, () -> parser.parse(json));
        assertEquals(422, e.status());
        assertEquals("INVALID_RULE", e.code());
        assertFalse(e.messageZh().isBlank());
        assertFalse(e.messageEn().isBlank());
        return e;
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"attribute":"turnover","op":"gte","value":1}                                       | attribute
            {"attribute":"employees","op":"atLeast","value":1}                                  | op
            {"attribute":"employees","op":"gte"}                                                | value
            {"attribute":"employees","op":"between","value":[1]}                                | value
            {"attribute":"employees","op":"between","value":[1,2,3]}                            | value
            {"attribute":"employees","op":"between","value":[9,2]}                              | value
            {"attribute":"employees","op":"gte","value":"10"}                                   | value
            {"attribute":"employees","op":"gte","value":"5000万元"}                              | value
            {"attribute":"revenue","aggregate":"latest","op":"gte","value":50000000}            | value
            {"attribute":"revenue","aggregate":"latest","op":"gte","value":"5000万"}             | value
            {"attribute":"revenue","op":"gte","value":"5000万元"}                                | aggregate
            {"attribute":"employees","aggregate":"sum","years":3,"op":"gte","value":1}          | aggregate
            {"attribute":"revenue","aggregate":"median","years":3,"op":"gte","value":"1元"}      | aggregate
            {"attribute":"revenue","aggregate":"sum","years":0,"op":"gte","value":"1元"}         | years
            {"attribute":"revenue","aggregate":"sum","years":11,"op":"gte","value":"1元"}        | years
            {"attribute":"revenue","aggregate":"sum","years":2.5,"op":"gte","value":"1元"}       | years
            {"attribute":"revenue","aggregate":"sum","op":"gte","value":"1元"}                   | years
            {"attribute":"revenue","aggregate":"latest","years":1,"op":"gte","value":"1元"}      | years
            {"attribute":"revenue","aggregate":"growth","years":1,"op":"gte","value":"5%"}      | years
            {"attribute":"rdExpense","aggregate":"ratio","years":3,"op":"gte","value":"5%"}     | denominator
            {"attribute":"rdExpense","aggregate":"ratio","denominator":"employees","years":3,"op":"gte","value":"5%"} | denominator
            {"attribute":"rdExpense","aggregate":"ratio","denominator":"revenue","years":3,"op":"gte","value":0.05} | value
            {"attribute":"rdPersonnel","aggregate":"ratio","denominator":"employees","years":1,"op":"gte","value":"5%"} | years
            {"attribute":"employees","years":3,"op":"gte","value":1}                            | years
            {"attribute":"sizeClass","op":"gte","value":"小型"}                                   | op
            {"attribute":"sizeClass","op":"in","value":["小微"]}                                  | value[0]
            {"attribute":"sizeClass","op":"in","value":["小型","小型"]}                            | value[1]
            {"attribute":"sizeClass","op":"in","value":[]}                                      | value
            {"attribute":"sizeClass","op":"in","value":"小型"}                                    | value
            {"attribute":"sizeClass","op":"containsAny","value":["小型"]}                          | op
            {"attribute":"qualifications","op":"eq","value":"高新技术企业"}                          | op
            {"attribute":"qualifications","op":"containsAll","value":[1]}                       | value[0]
            {"attribute":"registeredRegion","op":"withinRegion","value":["3205"]}               | value[0]
            {"attribute":"registeredRegion","op":"withinRegion","value":["320071"]}             | value[0]
            {"attribute":"registeredRegion","op":"withinIndustry","value":["C"]}                | op
            {"attribute":"industryCode","op":"withinIndustry","value":["A39"]}                  | value[0]
            {"attribute":"dishonest","op":"eq","value":"否"}                                     | value
            {"attribute":"establishedOn","op":"lte","value":{"ago":"1Y"}}                       | value.ago
            {"attribute":"establishedOn","op":"lte","value":{"ago":"-P1Y"}}                     | value.ago
            {"attribute":"establishedOn","op":"lte","value":"2023-02-30"}                       | value
            {"attribute":"establishedOn","op":"lte","value":"2023/02/01"}                       | value
            {"attribute":"employees","op":"gte","value":1,"unit":"人"}                            | unit
            {"all":[]}                                                                          | all
            {"any":{}}                                                                          | any
            {"not":[]}                                                                          | not
            {"all":[{"attribute":"employees","op":"gte","value":1}],"not":{"attribute":"employees","op":"gte","value":1}} | .
            {}                                                                                  | .
            {"and":[]}                                                                          | and
            """)
    void rejectsWithThePathOfTheOffendingNode(String expr, String where) {
        ApiException e = reject(third(expr.strip()));
        String base = "conditions[2].rule.all[1]";
        assertEquals(where.equals(".") ? base : base + "." + where, e.field(), e.messageEn());
    }

    @Test
    void anUnknownAttributeIsNamedWithItsPath() {
        ApiException e = reject(third("{\"attribute\":\"registeredCapitalUsd\",\"op\":\"gte\",\"value\":1}"));
        assertEquals("conditions[2].rule.all[1].attribute", e.field());
        assertTrue(e.messageZh().contains("未知的属性 “registeredCapitalUsd”"), e.messageZh());
        assertTrue(e.messageEn().contains("Unknown attribute 'registeredCapitalUsd'"), e.messageEn());
    }

    @Test
    void aValueThatDoesNotFitTheAttributeSaysWhatWouldFit() {
        ApiException e = reject(third("{\"attribute\":\"revenue\",\"aggregate\":\"sum\",\"years\":3,\"op\":\"gte\",\"value\":5000}"));
        assertTrue(e.messageZh().contains("\"5000万元\""), e.messageZh());
        assertTrue(e.messageEn().contains("an amount of money"), e.messageEn());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"conditions":[{"text":"软","kind":"soft","weight":0,"rule":{"attribute":"employees","op":"gte","value":1}},{"text":"硬","rule":{"attribute":"employees","op":"gte","value":1}}]}   | conditions[0].weight
            {"conditions":[{"text":"软","kind":"soft","weight":-3,"rule":{"attribute":"employees","op":"gte","value":1}},{"text":"硬","rule":{"attribute":"employees","op":"gte","value":1}}]}  | conditions[0].weight
            {"conditions":[{"text":"软","kind":"soft","rule":{"attribute":"employees","op":"gte","value":1}},{"text":"硬","rule":{"attribute":"employees","op":"gte","value":1}}]}             | conditions[0].weight
            {"conditions":[{"text":"硬","weight":5,"rule":{"attribute":"employees","op":"gte","value":1}}]}                                                                      | conditions[0].weight
            {"conditions":[{"text":"软","kind":"soft","weight":5,"rule":{"attribute":"employees","op":"gte","value":1}}]}                                                        | conditions
            {"conditions":[{"text":"硬","kind":"must","rule":{"attribute":"employees","op":"gte","value":1}}]}                                                                   | conditions[0].kind
            {"conditions":[{"rule":{"attribute":"employees","op":"gte","value":1}}]}                                                                                          | conditions[0].text
            {"conditions":[{"text":"  ","rule":{"attribute":"employees","op":"gte","value":1}}]}                                                                              | conditions[0].text
            {"conditions":[{"text":"硬"}]}                                                                                                                                    | conditions[0].rule
            {"conditions":[{"id":"A1","text":"硬","rule":{"attribute":"employees","op":"gte","value":1}}]}                                                                     | conditions[0].id
            {"conditions":[{"id":"a","text":"硬","rule":{"attribute":"employees","op":"gte","value":1}},{"id":"a","text":"硬","rule":{"attribute":"employees","op":"gte","value":1}}]} | conditions[1].id
            {"conditions":[]}                                                                                                                                                 | conditions
            {"conditions":[{"text":"硬","rule":{"attribute":"employees","op":"gte","value":1}}],"version":2}                                                                   | version
            """)
    void rejectsMalformedConditions(String json, String where) {
        assertEquals(where, reject(json.strip()).field());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"by":{"attribute":"revenue","aggregate":"latest"},"tiers":[{"upTo":"2亿元","rule":{"attribute":"employees","op":"gte","value":1}},{"upTo":"1亿元","rule":{"attribute":"employees","op":"gte","value":1}},{"rule":{"attribute":"employees","op":"gte","value":1}}]} | tiers[1].upTo
            {"by":{"attribute":"revenue","aggregate":"latest"},"tiers":[{"upTo":"2亿元","rule":{"attribute":"employees","op":"gte","value":1}},{"upTo":"3亿元","rule":{"attribute":"employees","op":"gte","value":1}}]} | tiers[1]
            {"by":{"attribute":"revenue","aggregate":"latest"},"tiers":[{"rule":{"attribute":"employees","op":"gte","value":1}}]} | tiers
            {"by":{"attribute":"revenue","aggregate":"latest"},"tiers":[{"rule":{"attribute":"employees","op":"gte","value":1}},{"rule":{"attribute":"employees","op":"gte","value":1}}]} | tiers[0]
            {"by":{"attribute":"revenue","aggregate":"latest"},"tiers":[{"upTo":"5%","rule":{"attribute":"employees","op":"gte","value":1}},{"rule":{"attribute":"employees","op":"gte","value":1}}]} | tiers[0].upTo
            {"by":{"attribute":"revenue","aggregate":"latest"},"tiers":[{"upTo":"1元","below":"2元","rule":{"attribute":"employees","op":"gte","value":1}},{"rule":{"attribute":"employees","op":"gte","value":1}}]} | tiers[0]
            {"by":{"attribute":"sizeClass"},"tiers":[{"upTo":"1元","rule":{"attribute":"employees","op":"gte","value":1}},{"rule":{"attribute":"employees","op":"gte","value":1}}]} | by
            {"by":{"attribute":"revenue","aggregate":"latest","op":"gte"},"tiers":[]} | by.op
            """)
    void rejectsMalformedTiers(String tiered, String where) {
        assertEquals("conditions[2].rule.all[1].tiered." + where, reject(third("{\"tiered\":" + tiered.strip() + "}")).field());
    }

    @Test
    void rejectsWhatIsNotJsonOrNestsTooDeep() {
        assertNull(reject("{\"conditions\": [").field());
        assertNull(reject("").field());
        ApiException twice = reject("{\"conditions\":[{\"text\":\"a\",\"text\":\"b\",\"rule\":{\"attribute\":\"employees\",\"op\":\"gte\",\"value\":1}}]}");
        assertTrue(twice.messageEn().contains("JSON"), twice.messageEn());
        String deep = "{\"attribute\":\"employees\",\"op\":\"gte\",\"value\":1}";
        for (int i = 0; i < 20; i++) {
            deep = "{\"not\":" + deep + "}";
        }
        assertTrue(reject("{\"conditions\":[{\"text\":\"深\",\"rule\":" + deep + "}]}").messageEn().contains("deeper"));
    }

    @Test
    void readsEveryPartIntoTheTypedTree() {
        PolicyRule rule = parser.parse("""
                {"conditions": [
                  {"id": "age", "text": "成立满一年", "rule": {"attribute": "establishedOn", "op": "lte", "value": {"ago": "P1Y"}}},
                  {"text": "制造业", "kind": "soft", "weight": 12.50, "rule": {"attribute": "industryCode", "op": "withinIndustry", "value": ["39", "C"]}},
                  {"text": "收入", "rule": {"attribute": "revenue", "aggregate": "sum", "years": 3, "op": "between", "value": ["1000.0万元", "1亿元"]}}
                ]}""");
        Attribute established = AttributeCatalog.standard().require("establishedOn");
        assertEquals(new RuleExpr.Compare(new Indicator.Value(established), CompareOp.LTE, new Literal.DateAgo(Period.ofYears(1))),
                rule.conditions().get(0).rule());
        Condition soft = rule.conditions().get(1);
        assertEquals(ConditionKind.SOFT, soft.kind());
        assertEquals(new BigDecimal("12.5"), soft.weight());
        assertNull(soft.id());
        // Industry codes are kept in one spelling, so "39" and "C39" make equal rules.
        assertEquals(List.of("C39", "C"), ((RuleExpr.Membership) soft.rule()).values());
        RuleExpr.Between between = (RuleExpr.Between) rule.conditions().get(2).rule();
        assertEquals(new Literal.Money(new BigDecimal("1000"), MoneyUnit.WAN), between.from());
        assertEquals(new BigDecimal("100000000"), ((Literal.Money) between.to()).yuan());
    }

    @Test
    void theAstRefusesIllTypedRulesBuiltInCodeToo() {
        AttributeCatalog catalog = AttributeCatalog.standard();
        Indicator employees = new Indicator.Value(catalog.require("employees"));
        assertThrows(IllegalArgumentException.class,
                () -> new RuleExpr.Compare(employees, CompareOp.GTE, new Literal.Money(BigDecimal.ONE, MoneyUnit.WAN)));
        assertThrows(IllegalArgumentException.class, () -> new Indicator.Value(catalog.require("revenue")));
        assertThrows(IllegalArgumentException.class, () -> new Indicator.Aggregate(catalog.require("employees"), AggregateFn.SUM, 3));
        assertThrows(IllegalArgumentException.class, () -> new RuleExpr.All(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new PolicyRule(List.of(Condition.soft(null, "软", BigDecimal.ONE, new RuleExpr.Compare(employees, CompareOp.GTE,
                        new Literal.Quantity(BigDecimal.ONE))))));
        assertThrows(IllegalArgumentException.class, () -> Condition.soft(null, "软", BigDecimal.ZERO,
                new RuleExpr.Compare(employees, CompareOp.GTE, new Literal.Quantity(BigDecimal.ONE))));
    }
}
