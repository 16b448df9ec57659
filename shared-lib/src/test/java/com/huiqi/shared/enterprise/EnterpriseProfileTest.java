package com.huiqi.shared.enterprise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.shared.json.Json;
import com.huiqi.shared.rules.Attribute;
import com.huiqi.shared.rules.AttributeCatalog;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A full file yields every attribute of the rule catalogue, typed as the evaluator expects. */
class EnterpriseProfileTest {

    private static final ObjectMapper MAPPER = Json.newMapper();
    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");

    private static FactChange c(String field, Integer year, String json) throws Exception {
        return new FactChange(field, year, MAPPER.readTree(json));
    }

    private static EnterpriseFile fullFile() throws Exception {
        List<FactChange> changes = new ArrayList<>(List.of(
                c("name", null, "\"苏州全量有限公司\""), c("registeredRegion", null, "\"320571\""),
                c("industryCode", null, "\"3985\""), c("establishedOn", null, "\"2015-01-01\""),
                c("employees", 2025, "86"), c("rdPersonnel", 2025, "21"), c("insuredEmployees", 2025, "80"),
                c("revenue", 2025, "\"42000000.00\""), c("rdExpense", 2025, "\"3100000\""),
                c("rdExpenseDomestic", 2025, "\"3000000\""), c("hiTechRevenue", 2025, "\"31000000\""),
                c("totalAssets", 2025, "\"56000000\""), c("netProfit", 2025, "\"-120000.50\""),
                c("taxPaid", 2025, "\"1500000\""), c("patents.invention", null, "4"),
                c("patents.utilityModel", null, "11"), c("softwareCopyrights", null, "2"),
                c("qualifications", null, "[\"科技型中小企业\"]"), c("creditRating", null, "\"A\""),
                c("dishonestyRecords", null, "[{\"authority\":\"苏州市中级人民法院\",\"reason\":\"未履行生效判决\","
                        + "\"listedOn\":\"2020-01-01\",\"removedOn\":\"2021-01-01\"}]"),
                c("seriousViolation", null, "false"), c("techDomains", null, "[\"新材料\"]")));
        var applied = FactChanges.apply(Map.of(), changes, FactSource.STAFF, null, "staff", NOW, "facts", MAPPER);
        Portrait.Derived d = Portrait.derive(applied.facts(), List.of(), SizeStandard.defaultStandard(),
                LocalDate.parse("2026-06-01"), NOW);
        return new EnterpriseFile("91320594MA1N2P3Q4X", Lifecycle.Status.ACTIVE, List.of(), applied.facts(), List.of(),
                d.tags(), d.size(), NOW, NOW);
    }

    @Test
    void everyCatalogueAttributeIsInTheProfileOfAFullFile() throws Exception {
        EnterpriseProfile p = EnterpriseProfile.of(fullFile(), 3, NOW);
        for (Attribute a : AttributeCatalog.standard().attributes()) {
            if (a.series()) {
                assertTrue(p.yearValue(a.name(), 2025).isPresent(), a.name());
            } else {
                assertTrue(p.value(a.name()).isPresent(), a.name());
            }
        }
        assertEquals("小型", p.value("sizeClass").orElseThrow());
        assertEquals(new BigDecimal("86"), p.value("employees").orElseThrow());
        assertEquals(LocalDate.parse("2015-01-01"), p.value("establishedOn").orElseThrow());
        assertEquals(false, p.value("dishonest").orElseThrow(), "a record removed in 2021 is no longer in force");
        assertEquals(new BigDecimal("-120000.50"), p.yearValue("netProfit", 2025).orElseThrow());
        assertTrue(((Set<?>) p.value("tags").orElseThrow()).containsAll(Set.of("新材料", "科技型中小企业", "小型企业")));
        assertEquals("C3985", p.value("industryCode").orElseThrow(), "codes are kept canonical");
    }

    @Test
    void aProfileSurvivesItsJsonUnchanged() throws Exception {
        EnterpriseProfile p = EnterpriseProfile.of(fullFile(), 3, NOW);
        JsonNode json = MAPPER.valueToTree(p);
        assertEquals(p, MAPPER.treeToValue(json, EnterpriseProfile.class));
        assertTrue(json.at("/values/employees").isInt(), "counts are JSON integers");
        assertTrue(json.at("/series/revenue/2025").isTextual(), "money is a decimal string");
    }

    @Test
    void everyTagSaysWhyAndWhatItRestsOn() throws Exception {
        for (Tag t : fullFile().tags()) {
            assertTrue(!t.reason().isBlank() && !t.basis().isEmpty(), t.toString());
        }
    }
}
