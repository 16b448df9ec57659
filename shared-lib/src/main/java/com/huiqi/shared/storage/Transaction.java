package com.huiqi.shared.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.shared.audit.AuditRecord;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.identity.Role;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
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
    private final Batch batch;

    /** What all views of one transaction share: the request being built and who is acting. */
    private static final class Batch {
        final DynamoDbEnhancedClient client;
        final Caller actor;
        final String requestId;
        final TransactWriteItemsEnhancedRequest.Builder request = TransactWriteItemsEnhancedRequest.builder();
        /** Partitions written, per store, to be recorded in each tenant's partition catalogue at commit. */
        final Map<TenantStore, Set<String>> partitions = new LinkedHashMap<>();
        int size;

        Batch(DynamoDbEnhancedClient client, Caller actor, String requestId) {
            this.client = client;
            this.actor = actor;
            this.requestId = requestId;
        }
    }

    Transaction(TenantStore store, DynamoDbEnhancedClient client, Caller actor, String requestId) {
        this(store, new Batch(client, actor, requestId));
    }

    private Transaction(TenantStore store, Batch batch) {
        this.store = store;
        this.batch = batch;
    }

    /**
     * The same transaction, writing to another tenant's store: for the platform operator, whose
     * onboarding writes the registry entry and the new tenant's first items atomically.
     */
    public Transaction on(TenantStore other) {
        return new Transaction(other, batch);
    }

    /** Creates an item that must not exist yet. */
    public Transaction create(ItemKey key, String entityType, Object entity) {
        return create(Tables.DATA, key, entityType, entity);
    }

    /** Creates an item of {@code table} (the data or the personal-data table) that must not exist yet. */
    public Transaction create(TableDefinition table, ItemKey key, String entityType, Object entity) {
        store.requireOwned(key.pk());
        EnhancedDocument doc = store.toDocument(key, entity, entityType, 1);
        add();
        written(key.pk(), table);
        batch.request.addPutItem(store.tableOf(table), TransactPutItemEnhancedRequest.builder(EnhancedDocument.class)
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
        written(key.pk(), Tables.DATA);
        batch.request.addPutItem(store.dataTable(), TransactPutItemEnhancedRequest.builder(EnhancedDocument.class)
                .item(doc)
                .conditionExpression(versionIs(expectedVersion))
                .build());
        return this;
    }

    /**
     * Writes an item derived from another one in the same transaction (an index entry, a profile),
     * whatever version it had. It needs no condition of its own: the write of the item it derives
     * from is conditional on its version, and that guards the whole transaction.
     */
    public Transaction putDerived(ItemKey key, String entityType, Object entity) {
        return putDerived(Tables.DATA, key, entityType, entity);
    }

    /** {@link #putDerived(ItemKey, String, Object)} into {@code table}. */
    public Transaction putDerived(TableDefinition table, ItemKey key, String entityType, Object entity) {
        store.requireOwned(key.pk());
        add();
        written(key.pk(), table);
        batch.request.addPutItem(store.tableOf(table), TransactPutItemEnhancedRequest.builder(EnhancedDocument.class)
                .item(store.toDocument(key, entity, entityType, 1)).build());
        return this;
    }

    /** Deletes a derived item (see {@link #putDerived}); guarded like it by the source item's version. */
    public Transaction deleteDerived(ItemKey key) {
        return deleteDerived(Tables.DATA, key);
    }

    /** {@link #deleteDerived(ItemKey)} from {@code table}. */
    public Transaction deleteDerived(TableDefinition table, ItemKey key) {
        store.requireOwned(key.pk());
        add();
        batch.request.addDeleteItem(store.tableOf(table), TransactDeleteItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(key.pk()).sortValue(key.sk()).build()).build());
        return this;
    }

    /** Deletes an item that must still be at {@code expectedVersion}. */
    public Transaction delete(ItemKey key, long expectedVersion) {
        store.requireOwned(key.pk());
        add();
        batch.request.addDeleteItem(store.dataTable(), TransactDeleteItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(key.pk()).sortValue(key.sk()).build())
                .conditionExpression(versionIs(expectedVersion))
                .build());
        return this;
    }

    /** Appends an audit record to the trail of the store's tenant, in this transaction. */
    public Transaction audit(String action, String entityType, String entityId, Object before, Object after) {
        EnhancedDocument doc = auditDocument(store, batch.actor, batch.requestId, action, entityType, entityId,
                before, after);
        add();
        written(doc.getString(TableDefinition.PK), Tables.AUDIT);
        batch.request.addPutItem(store.auditTable(), TransactPutItemEnhancedRequest.builder(EnhancedDocument.class)
                .item(doc)
                .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build())
                .build());
        return this;
    }

    /** One audit record of the store's tenant, as stored: for transactions and bulk loads alike. */
    static EnhancedDocument auditDocument(TenantStore store, Caller actor, String requestId, String action,
                                          String entityType, String entityId, Object before, Object after) {
        Instant now = Instant.now();
        String id = UUID.randomUUID().toString();
        AuditRecord record = new AuditRecord(id, now, store.keys().tenant().value(), actor.username(),
                actor.roles().stream().map(Role::group).sorted().toList(), action, entityType, entityId,
                tree(store, before), tree(store, after), requestId);
        return store.toDocument(ItemKey.of(auditPartition(store, now), now + "#" + id), record, "AuditRecord", 1);
    }

    /** The audit partition of a tenant for the UTC day of {@code at}. */
    static String auditPartition(TenantStore store, Instant at) {
        return store.keys().pk("AUDIT", at.atOffset(ZoneOffset.UTC).toLocalDate().toString());
    }

    /**
     * The items the commit will write so far, the partition catalogue's included (one per tenant
     * written, however many partitions): for writers that pack several independent changes into one
     * transaction under {@link #MAX_ITEMS}.
     */
    public int size() {
        return batch.size + batch.partitions.size();
    }

    public void commit() {
        if (batch.size == 0) {
            return;
        }
        recordPartitions();
        try {
            batch.client.transactWriteItems(batch.request.build());
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

    private static JsonNode tree(TenantStore store, Object value) {
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
        if (++batch.size > MAX_ITEMS) {
            throw new IllegalStateException("a transaction holds at most " + MAX_ITEMS + " items");
        }
    }

    private void written(String pk, TableDefinition table) {
        batch.partitions.computeIfAbsent(store, s -> new LinkedHashSet<>()).add(PartitionCatalogue.entry(table, pk));
    }

    /**
     * Every partition a tenant writes is listed in its partition catalogue, so offboarding can find
     * and delete all of a tenant's items by queries alone, without ever scanning the shared tables:
     * one idempotent put per tenant written, listing all the partitions this transaction wrote of it
     * (at most {@link #MAX_ITEMS}, so the item stays far below DynamoDB's 400 KB).
     */
    private void recordPartitions() {
        batch.partitions.forEach((owner, entries) -> {
            add();
            batch.request.addPutItem(owner.dataTable(), PartitionCatalogue.item(owner, entries));
        });
    }
}
