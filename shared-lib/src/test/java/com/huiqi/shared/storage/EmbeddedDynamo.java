package com.huiqi.shared.storage;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Amazon's DynamoDB Local, in-process, with the platform's tables created from {@link Tables}. */
public final class EmbeddedDynamo implements AutoCloseable {

    private final AmazonDynamoDBLocal local = DynamoDBEmbedded.create();
    private final DynamoDbClient client = local.dynamoDbClient();

    public EmbeddedDynamo() {
        for (TableDefinition table : Tables.all()) {
            client.createTable(table.toCreateTableRequest(table.tableName()));
        }
    }

    public DynamoDbClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        local.shutdownNow();
    }
}
