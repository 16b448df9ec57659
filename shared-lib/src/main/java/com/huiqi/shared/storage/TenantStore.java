package com.huiqi.shared.storage;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.tenancy.Keys;
import com.huiqi.shared.audit.AuditRecord;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * All reads and writes of one tenant's items. It can only be obtained for a tenant
 * ({@link StoreFactory#forTenant}), and it refuses any key outside that tenant's partitions, so
 * a repository built on it cannot touch another tenant even through a bug in key construction.
 *
 * <p>Items are stored as documents: the entity (a Java record) is written through the shared
 * Jackson configuration as top-level attributes, beside the reserved attributes {@code pk},
 * {@code sk}, each index's {@code <index>pk} and {@code <index>sk}, {@code _type} and {@code _version}.
 */
public final class TenantStore {

    static final String VERSION = "_version";
    static final String ENTITY_TYPE = "_type";
    private static final List<String> RESERVED = reserved();

    /** Immutable and costly to build, so built once rather than for every request's store. */
    private static final TableSchema<EnhancedDocument> DATA_SCHEMA = schemaFor(Tables.DATA);
    private static final TableSchema<EnhancedDocument> AUDIT_SCHEMA = schemaFor(Tables.AUDIT);
    private static final TableSchema<EnhancedDocument> PERSONAL_SCHEMA = schemaFor(Tables.PERSONAL);

    private final Keys keys;
    private final DynamoDbEnhancedClient client;
    private final DynamoDbClient lowLevel;
    private final DynamoDbTable<EnhancedDocument> data;
    private final DynamoDbTable<EnhancedDocument> audit;
    private final DynamoDbTable<EnhancedDocument> personal;
    private final ObjectMapper mapper;

    TenantStore(Keys keys, DynamoDbEnhancedClient client, DynamoDbClient lowLevel, ObjectMapper mapper) {
        this.keys = keys;
        this.client = client;
        this.lowLevel = lowLevel;
        this.mapper = mapper;
        this.data = client.table(Tables.DATA.tableName(), DATA_SCHEMA);
        this.audit = client.table(Tables.AUDIT.tableName(), AUDIT_SCHEMA);
        this.personal = client.table(Tables.PERSONAL.tableName(), PERSONAL_SCHEMA);
    }

    private static List<String> reserved() {
        List<String> names = new java.util.ArrayList<>(List.of(TableDefinition.PK, TableDefinition.SK, VERSION, ENTITY_TYPE));
        for (TableDefinition table : Tables.all()) {
            for (String gsi : table.gsis()) {
                names.add(TableDefinition.gsiPk(gsi));
                names.add(TableDefinition.gsiSk(gsi));
            }
        }
        return List.copyOf(names);
    }

    static TableSchema<EnhancedDocument> schemaFor(TableDefinition table) {
        var builder = TableSchema.documentSchemaBuilder()
                .addIndexPartitionKey(TableMetadata.primaryIndexName(), TableDefinition.PK, AttributeValueType.S)
                .addIndexSortKey(TableMetadata.primaryIndexName(), TableDefinition.SK, AttributeValueType.S);
        for (String gsi : table.gsis()) {
            builder.addIndexPartitionKey(gsi, TableDefinition.gsiPk(gsi), AttributeValueType.S)
                    .addIndexSortKey(gsi, TableDefinition.gsiSk(gsi), AttributeValueType.S);
        }
        return builder.attributeConverterProviders(
                software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider.defaultProvider()).build();
    }

    public Keys keys() {
        return keys;
    }

    /** Strongly consistent read of one item. */
    public <T> Optional<Stored<T>> get(String pk, String sk, Class<T> type) {
        return get(Tables.DATA, pk, sk, type);
    }

    /** Strongly consistent read of one item of {@code table} (the data or the personal-data table). */
    public <T> Optional<Stored<T>> get(TableDefinition table, String pk, String sk, Class<T> type) {
        requireOwned(pk);
        EnhancedDocument doc = tableOf(table).getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(pk).sortValue(sk).build())
                .consistentRead(true).build());
        return Optional.ofNullable(doc).map(d -> new Stored<>(toEntity(d, type), versionOf(d)));
    }

    /** A page of the items in partition {@code pk} whose sort key starts with {@code skPrefix}. */
    public <T> Page<T> query(String pk, String skPrefix, Class<T> type, int limit, String cursor) {
        return query(pk, skPrefix, type, limit, cursor, true);
    }

    /** Like {@link #query}, with each item's version: for lists whose items a client then changes. */
    public <T> Page<Stored<T>> queryStored(String pk, String skPrefix, Class<T> type, int limit, String cursor) {
        requireOwned(pk);
        var request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(Key.builder().partitionValue(pk).sortValue(skPrefix).build()))
                .limit(limit).exclusiveStartKey(Cursor.decode(cursor, keys, mapper)).consistentRead(true).build();
        var page = data.query(request).iterator().next();
        return new Page<>(page.items().stream().map(d -> new Stored<>(toEntity(d, type), versionOf(d))).toList(),
                Cursor.encode(page.lastEvaluatedKey(), mapper));
    }

    /**
     * Like {@link #query} on {@code table}, in descending sort-key order: the newest first where sort
     * keys end in a time.
     */
    public <T> Page<T> queryBackwards(TableDefinition table, String pk, String skPrefix, Class<T> type, int limit,
                                      String cursor) {
        return query(tableOf(table), pk, skPrefix, type, limit, cursor, false);
    }

    private <T> Page<T> query(String pk, String skPrefix, Class<T> type, int limit, String cursor, boolean forward) {
        return query(data, pk, skPrefix, type, limit, cursor, forward);
    }

    private <T> Page<T> query(DynamoDbTable<EnhancedDocument> table, String pk, String skPrefix, Class<T> type,
                              int limit, String cursor, boolean forward) {
        requireOwned(pk);
        Key key = Key.builder().partitionValue(pk).sortValue(skPrefix).build();
        QueryConditional condition = skPrefix.isEmpty()
                ? QueryConditional.keyEqualTo(Key.builder().partitionValue(pk).build())
                : QueryConditional.sortBeginsWith(key);
        var request = QueryEnhancedRequest.builder().queryConditional(condition).limit(limit).scanIndexForward(forward)
                .exclusiveStartKey(Cursor.decode(cursor, keys, mapper)).consistentRead(true).build();
        var page = table.query(request).iterator().next();
        List<T> items = page.items().stream().map(d -> toEntity(d, type)).toList();
        return new Page<>(items, Cursor.encode(page.lastEvaluatedKey(), mapper));
    }

    /**
     * The items among {@code itemKeys} that exist, by their key, read 100 at a time (BatchGetItem's
     * limit) with strongly consistent reads; for checks over many entries at once, such as an import.
     */
    public <T> Map<ItemKey, T> getAll(List<ItemKey> itemKeys, Class<T> type) {
        Map<ItemKey, T> found = new HashMap<>();
        getAllStored(Tables.DATA, itemKeys, type).forEach((key, stored) -> found.put(key, stored.value()));
        return found;
    }

    /** Like {@link #getAll}, from {@code table} and with each item's version, for writers that update what they read. */
    public <T> Map<ItemKey, Stored<T>> getAllStored(TableDefinition table, List<ItemKey> itemKeys, Class<T> type) {
        Map<ItemKey, Stored<T>> found = new HashMap<>();
        Map<String, ItemKey> byKey = new HashMap<>();
        DynamoDbTable<EnhancedDocument> source = tableOf(table);
        for (int from = 0; from < itemKeys.size(); from += 100) {
            var batch = ReadBatch.builder(EnhancedDocument.class).mappedTableResource(source);
            for (ItemKey key : itemKeys.subList(from, Math.min(itemKeys.size(), from + 100))) {
                requireOwned(key.pk());
                byKey.put(key.pk() + "\u0000" + key.sk(), key);
                batch.addGetItem(GetItemEnhancedRequest.builder().consistentRead(true)
                        .key(Key.builder().partitionValue(key.pk()).sortValue(key.sk()).build()).build());
            }
            // The SDK's paginator follows UnprocessedKeys until every key is answered.
            client.batchGetItem(BatchGetItemEnhancedRequest.builder().readBatches(batch.build()).build())
                    .resultsForTable(source).forEach(doc -> found.put(
                            byKey.get(doc.getString(TableDefinition.PK) + "\u0000" + doc.getString(TableDefinition.SK)),
                            new Stored<>(toEntity(doc, type), versionOf(doc))));
        }
        return found;
    }

    /** A page of the items in partition {@code pk} whose sort key sorts before {@code skBefore}, lowest first. */
    public <T> Page<T> queryBefore(String pk, String skBefore, Class<T> type, int limit, String cursor) {
        requireOwned(pk);
        var request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortLessThan(Key.builder().partitionValue(pk).sortValue(skBefore).build()))
                .limit(limit).exclusiveStartKey(Cursor.decode(cursor, keys, mapper)).consistentRead(true).build();
        var page = data.query(request).iterator().next();
        return new Page<>(page.items().stream().map(d -> toEntity(d, type)).toList(),
                Cursor.encode(page.lastEvaluatedKey(), mapper));
    }

    /** A page from index {@code gsi}: partition {@code gsiPk}, sort keys starting with {@code prefix}. */
    public <T> Page<T> queryIndex(String gsi, String gsiPk, String prefix, Class<T> type, int limit, String cursor) {
        return queryIndex(gsi, gsiPk, prefix, type, limit, cursor, true);
    }

    /** Like {@link #queryIndex}, highest sort key first: the newest first where index sort keys start with a time. */
    public <T> Page<T> queryIndexBackwards(String gsi, String gsiPk, String prefix, Class<T> type, int limit,
                                           String cursor) {
        return queryIndex(gsi, gsiPk, prefix, type, limit, cursor, false);
    }

    private <T> Page<T> queryIndex(String gsi, String gsiPk, String prefix, Class<T> type, int limit, String cursor,
                                   boolean forward) {
        requireOwned(gsiPk);
        QueryConditional condition = prefix.isEmpty()
                ? QueryConditional.keyEqualTo(Key.builder().partitionValue(gsiPk).build())
                : QueryConditional.sortBeginsWith(Key.builder().partitionValue(gsiPk).sortValue(prefix).build());
        var request = QueryEnhancedRequest.builder().queryConditional(condition).limit(limit).scanIndexForward(forward)
                .exclusiveStartKey(Cursor.decode(cursor, keys, mapper)).build();
        var page = data.index(gsi).query(request).iterator().next();
        List<T> items = page.items().stream().map(d -> toEntity(d, type)).toList();
        return new Page<>(items, Cursor.encode(page.lastEvaluatedKey(), mapper));
    }

    /** A page of the tenant's audit trail for one UTC day, oldest first. */
    public Page<AuditRecord> auditTrail(LocalDate day, int limit, String cursor) {
        String pk = keys.pk("AUDIT", day.toString());
        var request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(pk).build()))
                .limit(limit).exclusiveStartKey(Cursor.decode(cursor, keys, mapper)).build();
        var page = audit.query(request).iterator().next();
        return new Page<>(page.items().stream().map(d -> toEntity(d, AuditRecord.class)).toList(),
                Cursor.encode(page.lastEvaluatedKey(), mapper));
    }

    /**
     * Every raw item of one partition, as stored, page by page. For offboarding, which must export
     * and delete items of every entity type.
     */
    public void forEachRaw(TableDefinition table, String pk, Consumer<EnhancedDocument> sink) {
        requireOwned(pk);
        tableOf(table).query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(pk).build()))
                .consistentRead(true).build()).items().forEach(sink);
    }

    /** Deletes raw items by key, 25 per batch as DynamoDB allows, retrying unprocessed ones. */
    public void deleteRaw(TableDefinition table, List<Key> itemKeys) {
        DynamoDbTable<EnhancedDocument> target = tableOf(table);
        for (int from = 0; from < itemKeys.size(); from += 25) {
            List<Key> chunk = itemKeys.subList(from, Math.min(itemKeys.size(), from + 25));
            chunk.forEach(k -> requireOwned(k.partitionKeyValue().s()));
            var batch = WriteBatch.builder(EnhancedDocument.class).mappedTableResource(target);
            chunk.forEach(batch::addDeleteItem);
            var result = client.batchWriteItem(BatchWriteItemEnhancedRequest.builder().writeBatches(batch.build()).build());
            List<Key> unprocessed = result.unprocessedDeleteItemsForTable(target);
            for (int attempt = 1; !unprocessed.isEmpty(); attempt++) {
                if (attempt > 8) {
                    throw new IllegalStateException("DynamoDB kept throttling the delete of " + unprocessed.size() + " items");
                }
                sleepBackoff(attempt);
                var retry = WriteBatch.builder(EnhancedDocument.class).mappedTableResource(target);
                unprocessed.forEach(retry::addDeleteItem);
                unprocessed = client.batchWriteItem(BatchWriteItemEnhancedRequest.builder()
                        .writeBatches(retry.build()).build()).unprocessedDeleteItemsForTable(target);
            }
        }
    }

    static void sleepBackoff(int attempt) {
        try {
            Thread.sleep(50L << Math.min(attempt, 6));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    DynamoDbTable<EnhancedDocument> tableOf(TableDefinition table) {
        if (table == Tables.AUDIT) {
            return audit;
        }
        return table == Tables.PERSONAL ? personal : data;
    }

    /**
     * Writes one new item with a single PutItem, conditional on its key being free, without an audit
     * record and without listing its partition in the tenant's partition catalogue: for events that
     * a request leaves for a stream consumer, which catalogues the partition when it consumes them
     * ({@link CounterBatch}), and which carry a TTL so that one never consumed still goes away.
     */
    public void putEvent(ItemKey key, String entityType, Object entity) {
        requireOwned(key.pk());
        data.putItem(PutItemEnhancedRequest.builder(EnhancedDocument.class)
                .item(toDocument(key, entity, entityType, 1))
                .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build())
                .build());
    }

    /** Starts a batch of counter additions that consumes events once (see {@link CounterBatch}). */
    public CounterBatch counters() {
        return new CounterBatch(this, lowLevel);
    }

    /** Starts a bulk load of new items and their audit records (see {@link BulkLoad}). */
    public BulkLoad bulkLoad(Caller actor, String requestId) {
        return new BulkLoad(this, client, actor, requestId);
    }

    /** Starts a unit of work whose writes and audit records commit in one DynamoDB transaction. */
    public Transaction begin(Caller actor, String requestId) {
        return new Transaction(this, client, actor, requestId);
    }

    DynamoDbTable<EnhancedDocument> dataTable() {
        return data;
    }

    DynamoDbTable<EnhancedDocument> auditTable() {
        return audit;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    void requireOwned(String partitionKey) {
        if (!keys.owns(partitionKey)) {
            // A bug, not a client error: fail loudly rather than touch another tenant.
            throw new IllegalStateException("key outside tenant " + keys.tenant() + ": " + partitionKey);
        }
    }

    EnhancedDocument toDocument(ItemKey key, Object entity, String entityType, long version) {
        ObjectNode node = entity == null ? mapper.createObjectNode() : mapper.valueToTree(entity);
        for (String reserved : RESERVED) {
            if (node.has(reserved)) {
                throw new IllegalArgumentException("entity uses reserved attribute " + reserved);
            }
        }
        node.put(TableDefinition.PK, key.pk());
        node.put(TableDefinition.SK, key.sk());
        key.indexes().forEach((index, indexKey) -> {
            requireOwned(indexKey.pk());
            node.put(TableDefinition.gsiPk(index), indexKey.pk());
            node.put(TableDefinition.gsiSk(index), indexKey.sk());
        });
        node.put(ENTITY_TYPE, entityType);
        node.put(VERSION, version);
        return EnhancedDocument.fromJson(node.toString());
    }

    <T> T toEntity(EnhancedDocument doc, Class<T> type) {
        try {
            JsonNode node = mapper.readTree(doc.toJson());
            ((ObjectNode) node).remove(RESERVED);
            return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored item does not match " + type.getSimpleName(), e);
        }
    }

    static long versionOf(EnhancedDocument doc) {
        var version = doc.getNumber(VERSION);
        return version == null ? 0 : version.longValue();
    }
}
