package com.huiqi.shared.storage;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * One DynamoDB table as both the local bootstrap and {@code template.yaml} declare it. The local
 * stack creates tables from these definitions; a test reads {@code template.yaml} and fails if
 * the two disagree, so there is one source of truth in practice.
 *
 * @param logicalId   the resource name in template.yaml
 * @param envVar      the environment variable that carries the deployed table name to functions
 * @param defaultName the table name used locally
 * @param indexes     global secondary indexes, each keyed by string attributes {@code <name>pk}/{@code <name>sk}
 * @param stream      whether the table publishes a NEW_AND_OLD_IMAGES stream
 */
public record TableDefinition(String logicalId, String envVar, String defaultName, List<Index> indexes, boolean stream) {

    public static final String PK = "pk";
    public static final String SK = "sk";

    /**
     * One global secondary index.
     *
     * @param included the attributes it copies besides the keys (projection INCLUDE); empty for all
     *                 of them (projection ALL)
     */
    public record Index(String name, List<String> included) {
        public Index {
            included = List.copyOf(included);
        }

        public static Index all(String name) {
            return new Index(name, List.of());
        }

        public ProjectionType projectionType() {
            return included.isEmpty() ? ProjectionType.ALL : ProjectionType.INCLUDE;
        }
    }

    public TableDefinition {
        indexes = List.copyOf(indexes);
    }

    /** The names of the indexes. */
    public List<String> gsis() {
        return indexes.stream().map(Index::name).toList();
    }

    /** The table name for this process: the deployed name from the environment, else the local default. */
    public String tableName() {
        return com.huiqi.shared.config.Env.get(envVar).orElse(defaultName);
    }

    public static String gsiPk(String gsi) {
        return gsi + "pk";
    }

    public static String gsiSk(String gsi) {
        return gsi + "sk";
    }

    public CreateTableRequest toCreateTableRequest(String name) {
        var attributes = new java.util.ArrayList<AttributeDefinition>();
        attributes.add(stringAttribute(PK));
        attributes.add(stringAttribute(SK));
        var indexes = new java.util.ArrayList<GlobalSecondaryIndex>();
        for (Index index : this.indexes) {
            String gsi = index.name();
            attributes.add(stringAttribute(gsiPk(gsi)));
            attributes.add(stringAttribute(gsiSk(gsi)));
            Projection.Builder projection = Projection.builder().projectionType(index.projectionType());
            if (!index.included().isEmpty()) {
                projection.nonKeyAttributes(index.included());
            }
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(gsi)
                    .keySchema(key(gsiPk(gsi), KeyType.HASH), key(gsiSk(gsi), KeyType.RANGE))
                    .projection(projection.build())
                    .build());
        }
        var request = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE));
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        if (stream) {
            request.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build());
        }
        return request.build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
