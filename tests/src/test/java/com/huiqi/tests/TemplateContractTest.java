package com.huiqi.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.huiqi.shared.storage.TableDefinition;
import com.huiqi.shared.storage.Tables;
import com.huiqi.tests.support.OpenApiContract;
import com.huiqi.tests.support.TestStack;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * template.yaml, the contract and the code agree: the same routes in the template and in
 * openapi.yaml, and the same tables in the template and in shared-lib's {@link Tables}. (Each
 * function's own test checks its route table against the template.)
 */
class TemplateContractTest {

    private static JsonNode template() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(TestStack.repoRoot().resolve("template.yaml").toFile());
    }

    @Test
    void everyTemplateRouteIsInTheContractAndTheReverse() throws IOException {
        Set<String> templateRoutes = new TreeSet<>();
        template().get("Resources").forEach(resource -> {
            if ("AWS::Serverless::Function".equals(resource.path("Type").asText())) {
                resource.path("Properties").path("Events").forEach(event -> {
                    if ("HttpApi".equals(event.path("Type").asText())) {
                        JsonNode p = event.get("Properties");
                        templateRoutes.add(p.get("Method").asText().toUpperCase() + " " + p.get("Path").asText());
                    }
                });
            }
        });
        OpenApiContract contract = new OpenApiContract(TestStack.repoRoot().resolve("frontend-contract/openapi.yaml"));
        Set<String> contractRoutes = new TreeSet<>();
        contract.operations().forEach(o -> contractRoutes.add(o.method() + " " + o.pathTemplate()));
        assertEquals(templateRoutes, contractRoutes);
    }

    @Test
    void templateTablesMatchTheSharedDefinitions() throws IOException {
        JsonNode resources = template().get("Resources");
        for (TableDefinition table : Tables.all()) {
            JsonNode props = resources.path(table.logicalId()).path("Properties");
            assertEquals("AWS::DynamoDB::Table", resources.path(table.logicalId()).path("Type").asText(), table.logicalId());
            assertEquals(List.of("pk:HASH", "sk:RANGE"), keySchema(props.get("KeySchema")), table.logicalId());
            List<TableDefinition.Index> gsis = new ArrayList<>();
            props.path("GlobalSecondaryIndexes").forEach(g -> {
                String name = g.get("IndexName").asText();
                List<String> included = new ArrayList<>();
                g.path("Projection").path("NonKeyAttributes").forEach(a -> included.add(a.asText()));
                gsis.add(new TableDefinition.Index(name, included));
                assertEquals(List.of(TableDefinition.gsiPk(name) + ":HASH", TableDefinition.gsiSk(name) + ":RANGE"),
                        keySchema(g.get("KeySchema")), name);
                assertEquals(included.isEmpty() ? "ALL" : "INCLUDE", g.path("Projection").path("ProjectionType").asText(),
                        name);
            });
            assertEquals(table.indexes(), gsis, table.logicalId());
            assertEquals(table.stream(), props.has("StreamSpecification"), table.logicalId() + " stream");
            if (table.stream()) {
                assertEquals("NEW_AND_OLD_IMAGES", props.path("StreamSpecification").path("StreamViewType").asText());
            }
            assertEquals("PAY_PER_REQUEST", props.path("BillingMode").asText());
            assertEquals(true, props.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean());
            assertEquals("KMS", props.path("SSESpecification").path("SSEType").asText());
        }
    }

    @Test
    void theContractsRuleSchemaIsTheOneThePlatformValidatesWith() throws IOException {
        var mapper = new ObjectMapper();
        JsonNode published = mapper.readTree(TestStack.repoRoot().resolve("frontend-contract/schemas/rule.schema.json").toFile());
        JsonNode shared = mapper.readTree(TestStack.repoRoot().resolve("shared-lib/src/main/resources/rules/rule.schema.json").toFile());
        assertEquals(shared, published, "copy shared-lib's rule.schema.json to frontend-contract/schemas/");
    }

    @Test
    void theProfileSchemaHasExactlyTheAttributesRulesMayTest() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(TestStack.repoRoot()
                .resolve("frontend-contract/schemas/enterprise-profile.schema.json").toFile());
        Set<String> scalars = new TreeSet<>();
        Set<String> series = new TreeSet<>();
        for (var a : com.huiqi.shared.rules.AttributeCatalog.standard().attributes()) {
            (a.series() ? series : scalars).add(a.name());
        }
        Set<String> schemaScalars = new TreeSet<>();
        schema.at("/properties/values/properties").fieldNames().forEachRemaining(schemaScalars::add);
        Set<String> schemaSeries = new TreeSet<>();
        schema.at("/properties/series/properties").fieldNames().forEachRemaining(schemaSeries::add);
        assertEquals(scalars, schemaScalars);
        assertEquals(series, schemaSeries);
    }

    private static List<String> keySchema(JsonNode schema) {
        List<String> keys = new ArrayList<>();
        schema.forEach(k -> keys.add(k.get("AttributeName").asText() + ":" + k.get("KeyType").asText()));
        return keys;
    }
}
