package com.huiqi.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.json.Json;
import com.huiqi.shared.rules.AttributeCatalog;
import com.huiqi.shared.rules.PolicyRule;
import com.huiqi.shared.rules.RuleParser;
import com.huiqi.shared.rules.RuleWriter;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON Schema of the rule language (shared-lib {@code rules/rule.schema.json}, draft 2020-12) agrees
 * with the parser: every example and every canonical form validates, and structurally malformed rules
 * fail both. It lives here because shared-lib does not depend on a schema validator.
 */
class RuleSchemaTest {

    private static final ObjectMapper MAPPER = Json.newMapper();
    private final RuleParser parser = new RuleParser(AttributeCatalog.standard());
    private final RuleWriter writer = new RuleWriter();
    private final JsonSchema schema = load();

    private static JsonSchema load() {
        try (InputStream in = RuleSchemaTest.class.getResourceAsStream("/rules/rule.schema.json")) {
            JsonNode node = MAPPER.readTree(in);
            assertEquals("https://json-schema.org/draft/2020-12/schema", node.get("$schema").asText());
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<ValidationMessage> validate(String json) throws Exception {
        return schema.validate(MAPPER.readTree(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"high-tech-enterprise", "sme-innovation-award", "specialized-sme"})
    void everyExampleAndItsCanonicalFormValidate(String name) throws Exception {
        String json = RuleEvaluationBenchmark.example(name);
        assertEquals(Set.of(), validate(json));
        PolicyRule rule = parser.parse(json);
        assertEquals(Set.of(), validate(writer.canonical(rule)));
    }

    /** One rule per operator and value form, to cover what the examples do not. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"attribute\":\"employees\",\"op\":\"ne\",\"value\":0}",
            "{\"attribute\":\"employees\",\"op\":\"between\",\"value\":[10,300]}",
            "{\"attribute\":\"establishedOn\",\"op\":\"between\",\"value\":[\"2015-01-01\",{\"ago\":\"P6M\"}]}",
            "{\"attribute\":\"establishedOn\",\"op\":\"gt\",\"value\":\"2020-02-29\"}",
            "{\"attribute\":\"sizeClass\",\"op\":\"notIn\",\"value\":[\"大型\"]}",
            "{\"attribute\":\"qualifications\",\"op\":\"containsAll\",\"value\":[\"高新技术企业\",\"专精特新中小企业\"]}",
            "{\"attribute\":\"registeredRegion\",\"op\":\"in\",\"value\":[\"320571\",\"320505\"]}",
            "{\"attribute\":\"industryCode\",\"op\":\"withinIndustry\",\"value\":[\"C39\",\"I\",\"6513\"]}",
            "{\"attribute\":\"creditRating\",\"op\":\"eq\",\"value\":\"A\"}",
            "{\"attribute\":\"totalAssets\",\"aggregate\":\"max\",\"years\":2,\"op\":\"lt\",\"value\":\"-0.5亿元\"}",
            "{\"attribute\":\"insuredEmployees\",\"aggregate\":\"avg\",\"years\":3,\"op\":\"gte\",\"value\":50}",
            "{\"attribute\":\"taxPaid\",\"aggregate\":\"growth\",\"years\":2,\"op\":\"gte\",\"value\":\"-5.5%\"}",
            "{\"not\":{\"any\":[{\"attribute\":\"dishonest\",\"op\":\"eq\",\"value\":true}]}}",
            "{\"tiered\":{\"by\":{\"attribute\":\"employees\"},\"tiers\":[{\"below\":100,\"rule\":{\"attribute\":\"rdPersonnel\",\"op\":\"gte\",\"value\":5}},{\"rule\":{\"attribute\":\"rdPersonnel\",\"op\":\"gte\",\"value\":10}}]}}"})
    void theSchemaAndTheParserAcceptEveryOperator(String expr) throws Exception {
        String json = "{\"conditions\":[{\"text\":\"条件\",\"rule\":" + expr + "}]}";
        PolicyRule rule = parser.parse(json);
        assertEquals(Set.of(), validate(json));
        assertEquals(Set.of(), validate(writer.canonical(rule)));
    }

    /** Structural faults the schema can see; both must reject them. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"conditions\":[]}",
            "{\"conditions\":[{\"text\":\"条件\",\"rule\":{\"all\":[]}}]}",
            "{\"conditions\":[{\"text\":\"条件\",\"rule\":{\"attribute\":\"employees\",\"op\":\"atLeast\",\"value\":1}}]}",
            "{\"conditions\":[{\"text\":\"条件\",\"rule\":{\"attribute\":\"employees\",\"op\":\"between\",\"value\":[1]}}]}",
            "{\"conditions\":[{\"text\":\"条件\",\"rule\":{\"attribute\":\"employees\",\"op\":\"gte\",\"value\":1,\"unit\":\"人\"}}]}",
            "{\"conditions\":[{\"text\":\"条件\",\"rule\":{\"attribute\":\"revenue\",\"aggregate\":\"sum\",\"op\":\"gte\",\"value\":\"1元\"}}]}",
            "{\"conditions\":[{\"text\":\"条件\",\"rule\":{\"attribute\":\"revenue\",\"aggregate\":\"latest\",\"years\":1,\"op\":\"gte\",\"value\":\"1元\"}}]}",
            "{\"conditions\":[{\"text\":\"条件\",\"rule\":{\"attribute\":\"revenue\",\"aggregate\":\"sum\",\"years\":11,\"op\":\"gte\",\"value\":\"1元\"}}]}",
            "{\"conditions\":[{\"text\":\"条件\",\"rule\":{\"attribute\":\"revenue\",\"aggregate\":\"growth\",\"years\":1,\"op\":\"gte\",\"value\":\"1%\"}}]}",
            "{\"conditions\":[{\"text\":\"条件\",\"rule\":{\"attribute\":\"rdExpense\",\"aggregate\":\"ratio\",\"years\":3,\"op\":\"gte\",\"value\":\"5%\"}}]}",
            "{\"conditions\":[{\"text\":\"条件\",\"rule\":{\"attribute\":\"registeredRegion\",\"op\":\"withinRegion\",\"value\":[\"3205\"]}}]}",
            "{\"conditions\":[{\"text\":\"条件\",\"rule\":{\"attribute\":\"sizeClass\",\"op\":\"in\",\"value\":[]}}]}",
            "{\"conditions\":[{\"text\":\"条件\",\"rule\":{\"attribute\":\"establishedOn\",\"op\":\"lte\",\"value\":{\"ago\":\"1Y\"}}}]}",
            "{\"conditions\":[{\"text\":\"条件\",\"rule\":{\"all\":[{\"attribute\":\"employees\",\"op\":\"gte\",\"value\":1}],\"any\":[]}}]}",
            "{\"conditions\":[{\"text\":\"条件\",\"weight\":3,\"rule\":{\"attribute\":\"employees\",\"op\":\"gte\",\"value\":1}}]}",
            "{\"conditions\":[{\"text\":\"条件\",\"kind\":\"soft\",\"weight\":0,\"rule\":{\"attribute\":\"employees\",\"op\":\"gte\",\"value\":1}}]}",
            "{\"conditions\":[{\"text\":\"条件\",\"kind\":\"soft\",\"weight\":3,\"rule\":{\"attribute\":\"employees\",\"op\":\"gte\",\"value\":1}}]}",
            "{\"conditions\":[{\"id\":\"Bad Id\",\"text\":\"条件\",\"rule\":{\"attribute\":\"employees\",\"op\":\"gte\",\"value\":1}}]}",
            "{\"conditions\":[{\"text\":\"条件\",\"rule\":{\"tiered\":{\"by\":{\"attribute\":\"employees\"},\"tiers\":[{\"rule\":{\"attribute\":\"employees\",\"op\":\"gte\",\"value\":1}}]}}}]}"})
    void theSchemaAndTheParserRejectStructuralFaults(String json) throws Exception {
        ApiException e = assertThrows(ApiException.class, () -> parser.parse(json));
        assertEquals("INVALID_RULE", e.code());
        assertFalse(validate(json).isEmpty(), "the schema should reject " + json);
    }

    @Test
    void typeFaultsAreTheParsersJobAndTheSchemaSaysSo() throws Exception {
        // "5000万" lacks its unit only relative to the attribute's type, which the schema does not know.
        String json = "{\"conditions\":[{\"text\":\"条件\",\"rule\":{\"attribute\":\"revenue\",\"aggregate\":\"latest\",\"op\":\"gte\",\"value\":\"5000万\"}}]}";
        assertTrue(validate(json).isEmpty());
        assertThrows(ApiException.class, () -> parser.parse(json));
        String description = MAPPER.readTree(RuleSchemaTest.class.getResourceAsStream("/rules/rule.schema.json")).get("description").asText();
        assertTrue(description.contains("RuleParser"));
    }
}
