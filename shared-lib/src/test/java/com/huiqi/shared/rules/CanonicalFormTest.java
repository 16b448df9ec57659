package com.huiqi.shared.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalFormTest {

    private final RuleParser parser = new RuleParser(AttributeCatalog.standard());
    private final RuleWriter writer = new RuleWriter();

    @ParameterizedTest
    @ValueSource(strings = {"high-tech-enterprise", "sme-innovation-award", "specialized-sme"})
    void everyExampleRoundTripsThroughItsCanonicalForm(String name) {
        PolicyRule rule = parser.parse(Examples.json(name));
        String canonical = writer.canonical(rule);
        assertEquals(rule, parser.parse(canonical));
        assertEquals(canonical, writer.canonical(parser.parse(canonical)));
        assertEquals(10, rule.conditions().size());
    }

    @Test
    void spellingsOfTheSameRuleHaveOneCanonicalForm() {
        String a = "{\"conditions\":[{\"text\":\"收入\",\"rule\":{\"attribute\":\"revenue\",\"aggregate\":\"sum\",\"years\":3,"
                + "\"op\":\"gte\",\"value\":\"5000.00万元\"}},{\"text\":\"行业\",\"kind\":\"soft\",\"weight\":5.0,"
                + "\"rule\":{\"attribute\":\"industryCode\",\"op\":\"in\",\"value\":[\"3911\"]}}]}";
        String b = "{\"conditions\":[{\"text\":\" 收入 \",\"kind\":\"hard\",\"rule\":{\"value\":\"5000万元\",\"op\":\"gte\",\"years\":3,"
                + "\"aggregate\":\"sum\",\"attribute\":\"revenue\"}},{\"weight\":5,\"kind\":\"soft\",\"text\":\"行业\","
                + "\"rule\":{\"attribute\":\"industryCode\",\"op\":\"in\",\"value\":[\"C3911\"]}}]}";
        assertEquals(parser.parse(a), parser.parse(b));
        assertEquals("{\"conditions\":[{\"text\":\"收入\",\"kind\":\"hard\",\"rule\":{\"attribute\":\"revenue\",\"aggregate\":\"sum\","
                + "\"years\":3,\"op\":\"gte\",\"value\":\"5000万元\"}},{\"text\":\"行业\",\"kind\":\"soft\",\"weight\":5,"
                + "\"rule\":{\"attribute\":\"industryCode\",\"op\":\"in\",\"value\":[\"C3911\"]}}]}", writer.canonical(parser.parse(a)));
    }

    @Test
    void catalogueNamesAreUniqueAndSeriesAreNumeric() {
        Set<String> names = new HashSet<>();
        for (Attribute a : AttributeCatalog.standard().attributes()) {
            assertTrue(names.add(a.name()), a.name());
            assertTrue(!a.series() || a.type().numeric(), a.name());
        }
        assertTrue(names.containsAll(Set.of("registeredRegion", "industryCode", "establishedOn", "employees", "revenue", "rdExpense",
                "totalAssets", "taxPaid", "qualifications", "tags", "patents.invention", "softwareCopyrights", "sizeClass",
                "creditRating", "dishonest")));
    }

    @Test
    void aCatalogueCanBeExtended() {
        AttributeCatalog extended = AttributeCatalog.standard()
                .with(new Attribute("exportValue", AttributeType.MONEY_SERIES, "元", "出口额", "export value"));
        RuleParser local = new RuleParser(extended);
        String json = "{\"attribute\":\"exportValue\",\"aggregate\":\"latest\",\"op\":\"gte\",\"value\":\"100万元\"}";
        assertEquals(Truth.TRUE, new RuleEvaluator().truth(local.parseExpression(json),
                FactSheet.builder().year("exportValue", 2024, "1000000").build(), java.time.LocalDate.of(2025, 1, 1)));
    }

    @Test
    void englishAmountsAreGroupedByThousands() {
        assertEquals("46,000,000", Wording.grouped("46000000"));
        assertEquals("-1,234,567.89", Wording.grouped("-1234567.89"));
        assertEquals("999", Wording.grouped("999"));
        assertEquals("1,000.5", Wording.grouped("1000.5"));
    }
}
