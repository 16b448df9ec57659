package com.huiqi.shared.enterprise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.shared.json.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a file item carries for the directory index: its list line and the tags it is listed by. */
class EnterpriseItemsTest {

    private static final ObjectMapper MAPPER = Json.newMapper();
    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
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
    void theStoredFileCarriesItsListLineAndProfileBesideTheFileAndReadsBackAsTheFileOrTheProfile() throws Exception {
        EnterpriseFile full = file("name", "\"苏州索引有限公司\"", "registeredRegion", "\"320571\"");
        EnterpriseProfile profile = EnterpriseProfile.of(full, 3, NOW);
        JsonNode stored = MAPPER.valueToTree(new EnterpriseItems.FileItem(full, profile));
        assertEquals(CODE, stored.get("creditCode").asText());
        assertTrue(stored.has("facts"));
        assertEquals("苏州索引有限公司", stored.at("/" + EnterpriseItems.FileItem.DIRECTORY + "/name").asText());
        assertEquals("320571", stored.at("/" + EnterpriseItems.FileItem.DIRECTORY + "/registeredRegion").asText());
        EnterpriseFile back = MAPPER.readerFor(EnterpriseFile.class)
                .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(stored);
        assertEquals(full, back);
        EnterpriseItems.ProfileOnly onlyProfile = MAPPER.readerFor(EnterpriseItems.ProfileOnly.class)
                .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(stored);
        assertEquals(profile, onlyProfile.profile());
        assertEquals(3, onlyProfile.profile().fileVersion());
    }

    @Test
    void theFileIsListedByItsTagsExceptFreeTextOnes() throws Exception {
        EnterpriseFile tagged = file("name", "\"苏州索引有限公司\"", "qualifications", "[\"科技型中小企业\"]",
                "honours", "[\"姑苏领军人才\"]");
        assertTrue(tagged.tags().stream().anyMatch(t -> t.name().equals("姑苏领军人才")), tagged.tags().toString());
        List<String> listed = EnterpriseItems.listedTags(tagged);
        assertTrue(listed.contains("科技型中小企业"), listed.toString());
        assertFalse(listed.contains("姑苏领军人才"), listed.toString());
        JsonNode stored = MAPPER.valueToTree(new EnterpriseItems.FileItem(tagged, EnterpriseProfile.of(tagged, 1, NOW)));
        assertEquals(listed, MAPPER.convertValue(stored.get(EnterpriseItems.FileItem.LISTED_TAGS), List.class));
    }
}
