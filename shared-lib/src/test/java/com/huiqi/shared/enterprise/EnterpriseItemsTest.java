package com.huiqi.shared.enterprise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.shared.json.Json;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.Tables;
import com.huiqi.shared.tenancy.Keys;
import com.huiqi.shared.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where a file's directory lines live: its keys in the directory indexes, its list line, its tag entries. */
class EnterpriseItemsTest {

    private static final ObjectMapper MAPPER = Json.newMapper();
    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
    private static final Keys KEYS = Keys.forTenant(TenantId.of("sip"));
    private static final String CODE = "91320594MA1N2P3Q4X";

    private static EnterpriseFile file(String... fieldJson) throws Exception {
        List<FactChange> changes = new java.util.ArrayList<>();
        for (int i = 0; i < fieldJson.length; i += 2) {
            String[] field = fieldJson[i].split("@");
            changes.add(new FactChange(field[0], field.length > 1 ? Integer.valueOf(field[1]) : null,
                    MAPPER.readTree(fieldJson[i + 1])));
        }
        var applied = FactChanges.apply(Map.of(), changes, FactSource.STAFF, null, "staff", NOW, "facts", MAPPER);
        Portrait.Derived d = Portrait.derive(applied.facts(), List.of(), SizeStandard.defaultStandard(),
                LocalDate.parse("2026-06-01"), NOW);
        return new EnterpriseFile(CODE, Lifecycle.Status.ACTIVE, List.of(), applied.facts(), List.of(), d.tags(), d.size(),
                NOW, NOW);
    }

    @Test
    void aFileIsInTheIndexOfEveryFacetItHasAndInNoOther() throws Exception {
        EnterpriseFile named = file("name", "\"苏州索引有限公司\"");
        assertEquals(Set.of("dirname", "dircode", "dirstatus"), EnterpriseItems.fileItemKey(KEYS, named).indexes().keySet());

        EnterpriseFile full = file("name", "\"苏州索引有限公司\"", "registeredRegion", "\"320571\"", "industryCode", "\"3985\"",
                "employees@2025", "86", "revenue@2025", "\"42000000.00\"");
        ItemKey key = EnterpriseItems.fileItemKey(KEYS, full);
        assertEquals(EnterpriseItems.fileKey(KEYS, CODE).pk(), key.pk());
        assertEquals(Set.copyOf(Tables.DIRECTORY_INDEXES), key.indexes().keySet());
        assertEquals(new ItemKey.IndexKey("sip#ENTBY#NAME", "苏州索引有限公司#" + CODE), key.indexes().get("dirname"));
        assertEquals(new ItemKey.IndexKey("sip#ENTBY#REGION", "320571#" + CODE), key.indexes().get("dirregion"));
        assertEquals(new ItemKey.IndexKey("sip#ENTBY#STATUS", "ACTIVE#" + CODE), key.indexes().get("dirstatus"));
        assertTrue(key.indexes().get("dirsize").sk().endsWith("#" + CODE), key.toString());
        for (EnterpriseItems.Facet facet : EnterpriseItems.Facet.values()) {
            if (facet.index != null) {
                assertEquals(EnterpriseItems.facetPartition(KEYS, facet), key.indexes().get(facet.index).pk(), facet.name());
            }
        }
    }

    @Test
    void theStoredFileCarriesItsListLineBesideTheFileAndReadsBackAsTheFile() throws Exception {
        EnterpriseFile full = file("name", "\"苏州索引有限公司\"", "registeredRegion", "\"320571\"");
        JsonNode stored = MAPPER.valueToTree(new EnterpriseItems.FileItem(full));
        assertEquals(CODE, stored.get("creditCode").asText());
        assertTrue(stored.has("facts"));
        assertEquals("苏州索引有限公司", stored.at("/" + Tables.DIRECTORY_ENTRY + "/name").asText());
        assertEquals("320571", stored.at("/" + Tables.DIRECTORY_ENTRY + "/registeredRegion").asText());
        EnterpriseFile back = MAPPER.readerFor(EnterpriseFile.class)
                .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(stored);
        assertEquals(full, back);
    }

    @Test
    void tagEntriesAreTheOnlyDirectoryItemsAndLeaveOutFreeTextTags() throws Exception {
        EnterpriseFile tagged = file("name", "\"苏州索引有限公司\"", "qualifications", "[\"科技型中小企业\"]",
                "honours", "[\"姑苏领军人才\"]");
        var entries = EnterpriseItems.tagEntries(KEYS, tagged);
        assertTrue(entries.containsKey(ItemKey.of("sip#ENTBY#TAG", "科技型中小企业#" + CODE)), entries.toString());
        assertFalse(entries.keySet().stream().anyMatch(k -> k.sk().startsWith("姑苏领军人才")), entries.toString());
        assertTrue(entries.keySet().stream().allMatch(k -> k.pk().equals("sip#ENTBY#TAG")));
        assertEquals(EnterpriseItems.entryOf(tagged), entries.values().iterator().next());
    }
}
