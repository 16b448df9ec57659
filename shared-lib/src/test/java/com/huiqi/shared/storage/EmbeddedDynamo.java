package com.huiqi.shared.storage;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.huiqi.shared.json.Json;
import java.util.List;
import java.util.Optional;
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

    /** Tenant stores on this DynamoDB, with the platform's JSON mapper and no tenant credentials. */
    public StoreFactory stores() {
        return new StoreFactory(new TenantClients(client, null, Optional.empty(), List.of()), Json.newMapper());
    }

    @Override
    public void close() {
        client.close();
        local.shutdownNow();
    }
}
