package com.huiqi.shared.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.shared.audit.AuditRecord;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.identity.Role;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A unit of work: entity writes and their audit records, committed together by one
 * {@code TransactWriteItems} call, so there is never a change without its audit record or an
 * audit record without its change. Every write is conditional on the version the caller read
 * (optimistic locking); a lost race is a 409, never a silent overwrite.
 */
public final class Transaction {

    /** DynamoDB's limit on the items of one transaction. */
    public static final int MAX_ITEMS = 100;

    private final TenantStore store;
    private final DynamoDbEnhancedClient client;
    private final Caller actor;
    private final String requestId;
    private final TransactWriteItemsEnhancedRequest.Builder request = TransactWriteItemsEnhancedRequest.builder();
    private int size;

    Transaction(TenantStore store, DynamoDbEnhancedClient client, Caller actor, String requestId) {
        this.store = store;
        this.client = client;
        this.actor = actor;
        this.requestId = requestId;
    }

    /** Creates an item that must not exist yet. */
    public Transaction create(ItemKey key, String entityType, Object entity) {
        store.requireOwned(key.pk());
        EnhancedDocument doc = store.toDocument(key, entity, entityType, 1);
        add();
        request.addPutItem(store.dataTable(), TransactPutItemEnhancedRequest.builder(EnhancedDocument.class)
                .item(doc)
                .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build())
                .build());
        return this;
    }

    /** Replaces an item that must still be at {@code expectedVersion}. */
    public Transaction update(ItemKey key, String entityType, Object entity, long expectedVersion) {
        store.requireOwned(key.pk());
        EnhancedDocument doc = store.toDocument(key, entity, entityType, expectedVersion + 1);
        add();
        request.addPutItem(store.dataTable(), TransactPutItemEnhancedRequest.builder(EnhancedDocument.class)
                .item(doc)
                .conditionExpression(versionIs(expectedVersion))
                .build());
        return this;
    }

    /** Deletes an item that must still be at {@code expectedVersion}. */
    public Transaction delete(ItemKey key, long expectedVersion) {
        store.requireOwned(key.pk());
        add();
        request.addDeleteItem(store.dataTable(), TransactDeleteItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(key.pk()).sortValue(key.sk()).build())
                .conditionExpression(versionIs(expectedVersion))
                .build());
        return this;
    }

    /** Appends an audit record to the trail of the store's tenant, in this transaction. */
    public Transaction audit(String action, String entityType, String entityId, Object before, Object after) {
        Instant now = Instant.now();
        String id = UUID.randomUUID().toString();
        AuditRecord record = new AuditRecord(id, now, store.keys().tenant().value(), actor.username(),
                actor.roles().stream().map(Role::group).sorted().toList(), action, entityType, entityId,
                tree(before), tree(after), requestId);
        String day = now.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        ItemKey key = ItemKey.of(store.keys().pk("AUDIT", day), now + "#" + id);
        EnhancedDocument doc = store.toDocument(key, record, "AuditRecord", 1);
        add();
        request.addPutItem(store.auditTable(), TransactPutItemEnhancedRequest.builder(EnhancedDocument.class)
                .item(doc)
                .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build())
                .build());
        return this;
    }

    public void commit() {
        if (size == 0) {
            return;
        }
        try {
            client.transactWriteItems(request.build());
        } catch (TransactionCanceledException e) {
            boolean conditionFailed = e.cancellationReasons().stream()
                    .map(CancellationReason::code)
                    .anyMatch("ConditionalCheckFailed"::equals);
            if (conditionFailed) {
                throw ApiException.conflict("CONCURRENT_MODIFICATION",
                        "数据已被他人修改或已存在，请刷新后重试",
                        "The item was changed by someone else or already exists; reload and retry");
            }
            throw e;
        }
    }

    private JsonNode tree(Object value) {
        return value == null ? null : store.mapper().valueToTree(value);
    }

    private static Expression versionIs(long expected) {
        return Expression.builder()
                .expression("#v = :v")
                .expressionNames(Map.of("#v", TenantStore.VERSION))
                .expressionValues(Map.of(":v", AttributeValue.fromN(Long.toString(expected))))
                .build();
    }

    private void add() {
        if (++size > MAX_ITEMS) {
            throw new IllegalStateException("a transaction holds at most " + MAX_ITEMS + " items");
        }
    }
}
