package com.huiqi.enterprises;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/** Which requests reach the encryption interceptor: every one that may touch the personal-data table. */
class TableScopedInterceptorTest {

    private final TableScopedInterceptor scoped = new TableScopedInterceptor(new ExecutionInterceptor() {
    }, "personal");

    @Test
    void aTransactionReachesItWhenAnyOfItsItemsIsInTheTable() {
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("t#ENT#1"), "sk", AttributeValue.fromS("FILE"));
        TransactWriteItem data = TransactWriteItem.builder().put(Put.builder().tableName("data").item(item).build()).build();
        TransactWriteItem personal = TransactWriteItem.builder()
                .delete(Delete.builder().tableName("personal").key(item).build()).build();
        assertFalse(scoped.applies(TransactWriteItemsRequest.builder().transactItems(data, data).build()));
        assertTrue(scoped.applies(TransactWriteItemsRequest.builder().transactItems(data, personal).build()));
    }

    @Test
    void singleAndBatchRequestsReachItByTheirTable() {
        assertFalse(scoped.applies(GetItemRequest.builder().tableName("data").build()));
        assertTrue(scoped.applies(GetItemRequest.builder().tableName("personal").build()));
        assertTrue(scoped.applies(QueryRequest.builder().tableName("personal").build()));
        assertFalse(scoped.applies(BatchGetItemRequest.builder()
                .requestItems(Map.of("data", KeysAndAttributes.builder().keys(List.of()).build())).build()));
        assertTrue(scoped.applies(BatchGetItemRequest.builder()
                .requestItems(Map.of("data", KeysAndAttributes.builder().keys(List.of()).build(),
                        "personal", KeysAndAttributes.builder().keys(List.of()).build())).build()));
    }

    @Test
    void aRequestThatNamesNoTableReachesIt() {
        assertTrue(scoped.applies(ExecuteStatementRequest.builder().statement("SELECT * FROM personal").build()));
    }
}
