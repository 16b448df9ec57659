package com.huiqi.shared.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.json.Json;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON form of a sample fact sheet reads into the same facts the builder makes, and refuses what does not fit. */
class FactSheetReaderTest {

    private static final LocalDate ON = LocalDate.of(2025, 6, 15);
    private final FactSheetReader reader = new FactSheetReader(AttributeCatalog.standard());

    private static JsonNode json(String text) {
        try {
            return Json.newMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private FactSheet read(String text) {
        return reader.read(json(text));
    }

    /** The same company as {@link HighTechEnterpriseRuleTest}, written as a staff member would type it. */
    private static final String COMPANY = """
            {"registeredRegion": "320571", "industryCode": "6513", "establishedOn": "2019-03-12",
             "employees": 120, "rdPersonnel": 26, "patents.invention": 3, "patents.utilityModel": 8,
             "softwareCopyrights": 15, "tags": ["电子信息", "人工智能"], "seriousViolation": false,
             "revenue": {"2022": "3800万元", "2023": "4200万元", "2024": "0.46亿元"},
             "rdExpense": {"2022": "210万元", "2023": "230万元", "2024": "2500000元"},
             "rdExpenseDomestic": {"2022": "210万元", "2023": "200万元", "2024": "250万元"},
             "hiTechRevenue": {"2024": "3500万元"}}
            """;

    @Test
    void valuesFollowTheRuleLanguagesConventions() {
        FactSheet facts = read(COMPANY);
        assertEquals(Optional.of(new BigDecimal("46000000")), facts.yearValue("revenue", 2024), "0.46亿元 in yuan");
        assertEquals(Optional.of(new BigDecimal("2100000")), facts.yearValue("rdExpense", 2022));
        assertEquals(Optional.of(LocalDate.of(2019, 3, 12)), facts.value("establishedOn"));
        assertEquals(Optional.of("I6513"), facts.value("industryCode"), "the canonical spelling, as in rules");
        assertEquals(Optional.of(Set.of("电子信息", "人工智能")), facts.value("tags"));
        assertEquals(Optional.of(false), facts.value("seriousViolation"));
        assertEquals(Optional.empty(), facts.yearValue("hiTechRevenue", 2023));
    }

    @Test
    void theReadFactsDecideTheHighTechRuleAsTheBuilderDoes() {
        RuleOutcome outcome = new RuleEvaluator().evaluate(Examples.rule("high-tech-enterprise"), read(COMPANY), ON);
        assertEquals(Verdict.ELIGIBLE, outcome.verdict(), outcome.unmet().toString());
        assertEquals(100, outcome.matchDegree());
    }

    @Test
    void nullMeansNotKnown() {
        FactSheet facts = read("{\"employees\": null, \"revenue\": {\"2024\": null, \"2023\": \"1元\"}}");
        assertEquals(Optional.empty(), facts.value("employees"));
        assertEquals(Optional.empty(), facts.yearValue("revenue", 2024));
        assertEquals(Optional.of(BigDecimal.ONE), facts.yearValue("revenue", 2023));
    }

    @Test
    void whatDoesNotFitIsRefusedWithItsPath() {
        refused("[]", null);
        refused("{\"noSuchFigure\": 1}", "noSuchFigure");
        refused("{\"revenue\": \"4600万元\"}", "revenue");
        refused("{\"revenue\": {\"2024\": 46000000}}", "revenue.2024");
        refused("{\"revenue\": {\"2024\": \"4600万\"}}", "revenue.2024");
        refused("{\"revenue\": {\"24\": \"1元\"}}", "revenue.24");
        refused("{\"revenue\": {\"1899\": \"1元\"}}", "revenue.1899");
        refused("{\"insuredEmployees\": {\"2024\": \"95人\"}}", "insuredEmployees.2024");
        refused("{\"employees\": \"120\"}", "employees");
        refused("{\"establishedOn\": \"2019-02-30\"}", "establishedOn");
        refused("{\"establishedOn\": 2019}", "establishedOn");
        refused("{\"registeredRegion\": \"3205\"}", "registeredRegion");
        refused("{\"industryCode\": \"Z99\"}", "industryCode");
        refused("{\"sizeClass\": \"巨型\"}", "sizeClass");
        refused("{\"tags\": \"电子信息\"}", "tags");
        refused("{\"tags\": [\"电子信息\", 3]}", "tags[1]");
        refused("{\"dishonest\": \"no\"}", "dishonest");
    }

    private void refused(String text, String field) {
        ApiException e = assertThrows(ApiException.class, () -> read(text), text);
        assertEquals(422, e.status());
        assertEquals(FactSheetReader.CODE, e.code());
        assertEquals(field, e.field(), text);
        assertTrue(e.messageZh().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                e.messageZh());
    }
}
