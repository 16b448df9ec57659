package com.huiqi.shared.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Counters folded from events, exactly once: one {@code TransactWriteItems} call that marks each
 * event it consumes (conditional on the mark being absent) and adds to counters with {@code ADD}
 * (no read, so concurrent consumers never conflict on a counter's version). If any of the events
 * was consumed before, by an earlier delivery of the same stream batch, nothing is written and
 * {@link #commit} names those events, so the caller can drop them and commit the rest: a batch
 * that Lambda retries, wholly or in part, never counts an event twice.
 *
 * <p>The Enhanced Client cannot express {@code ADD}, so this is built on the tenant's plain client,
 * with the same key checks as every other write of {@link TenantStore}; every partition it writes
 * goes into the tenant's partition catalogue in the same transaction (one item listing them all), as
 * {@link Transaction} does.
 */
public final class CounterBatch {

    private static final String CONSUMED_CONDITION = "attribute_exists(pk) AND attribute_not_exists(#mark)";

    private final TenantStore store;
    private final DynamoDbClient client;
    private final Map<ItemKey, String> consumed = new LinkedHashMap<>();
    private final Map<ItemKey, Counter> counters = new LinkedHashMap<>();
    private final Set<String> partitions = new LinkedHashSet<>();

    private record Counter(String entityType, Map<String, String> labels, Map<String, Long> deltas) {
    }

    CounterBatch(TenantStore store, DynamoDbClient client) {
        this.store = store;
        this.client = client;
    }

    /**
     * Marks the event at {@code event} consumed by setting attribute {@code mark} to the current
     * instant; the commit fails for this event if it is missing or the mark is already set. One
     * mark per event and batch (DynamoDB writes an item at most once per transaction).
     */
    public CounterBatch consume(ItemKey event, String mark) {
        store.requireOwned(event.pk());
        if (consumed.putIfAbsent(event, mark) != null) {
            throw new IllegalArgumentException("event consumed twice in one batch: " + event);
        }
        partitions.add(PartitionCatalogue.entry(Tables.DATA, event.pk()));
        return this;
    }

    public boolean consumes(ItemKey event) {
        return consumed.containsKey(event);
    }

    /**
     * Adds {@code deltas} (negative ones subtract) to the counter item at {@code key}, creating it
     * when missing, and sets its entity type and {@code labels} (what the item counts, for reading
     * it back). Adding to one counter twice in a batch sums the deltas into one update.
     */
    public CounterBatch add(ItemKey key, String entityType, Map<String, String> labels, Map<String, Long> deltas) {
        store.requireOwned(key.pk());
        Counter counter = counters.computeIfAbsent(key, k -> new Counter(entityType, new LinkedHashMap<>(labels),
                new LinkedHashMap<>()));
        deltas.forEach((name, delta) -> counter.deltas().merge(name, delta, Long::sum));
        partitions.add(PartitionCatalogue.entry(Tables.DATA, key.pk()));
        return this;
    }

    /** The items the commit writes: marks, counters and the partition catalogue's one item. */
    public int size() {
        return consumed.size() + counters.size() + (partitions.isEmpty() ? 0 : 1);
    }

    public boolean isEmpty() {
        return consumed.isEmpty() && counters.isEmpty();
    }

    /**
     * Writes everything in one transaction. Returns the consumed events whose mark was already set
     * (or that no longer exist): when it is not empty, nothing at all was written.
     */
    public Set<ItemKey> commit() {
        if (isEmpty()) {
            return Set.of();
        }
        if (size() > Transaction.MAX_ITEMS) {
            throw new IllegalStateException("a counter batch holds at most " + Transaction.MAX_ITEMS + " items");
        }
        String table = Tables.DATA.tableName();
        List<TransactWriteItem> items = new ArrayList<>();
        List<ItemKey> order = new ArrayList<>(consumed.keySet());
        AttributeValue now = AttributeValue.fromS(Instant.now().toString());
        consumed.forEach((key, mark) -> items.add(TransactWriteItem.builder().update(Update.builder()
                .tableName(table).key(key(key))
                .updateExpression("SET #mark = :now")
                .conditionExpression(CONSUMED_CONDITION)
                .expressionAttributeNames(Map.of("#mark", mark))
                .expressionAttributeValues(Map.of(":now", now)).build()).build()));
        counters.forEach((key, counter) -> items.add(TransactWriteItem.builder().update(counterUpdate(table, key, counter))
                .build()));
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(PartitionCatalogue.item(store, partitions).toMap()).build()).build());
        try {
            client.transactWriteItems(r -> r.transactItems(items));
            return Set.of();
        } catch (TransactionCanceledException e) {
            Set<ItemKey> already = new LinkedHashSet<>();
            List<CancellationReason> reasons = e.cancellationReasons();
            for (int i = 0; i < order.size() && i < reasons.size(); i++) {
                if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                    already.add(order.get(i));
                }
            }
            if (already.isEmpty()) {
                // A conflict with another transaction or throttling: nothing was written; the caller retries.
                throw e;
            }
            return already;
        }
    }

    private static Update counterUpdate(String table, ItemKey key, Counter counter) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        names.put("#type", TenantStore.ENTITY_TYPE);
        values.put(":type", AttributeValue.fromS(counter.entityType()));
        StringBuilder set = new StringBuilder("SET #type = :type");
        int i = 0;
        for (Map.Entry<String, String> label : counter.labels().entrySet()) {
            names.put("#l" + i, label.getKey());
            values.put(":l" + i, AttributeValue.fromS(label.getValue()));
            set.append(", #l").append(i).append(" = :l").append(i);
            i++;
        }
        StringBuilder add = new StringBuilder();
        i = 0;
        for (Map.Entry<String, Long> delta : counter.deltas().entrySet()) {
            names.put("#d" + i, delta.getKey());
            values.put(":d" + i, AttributeValue.fromN(Long.toString(delta.getValue())));
            add.append(add.isEmpty() ? " ADD " : ", ").append("#d").append(i).append(" :d").append(i);
            i++;
        }
        return Update.builder().tableName(table).key(key(key)).updateExpression(set.append(add).toString())
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
    }

    private static Map<String, AttributeValue> key(ItemKey key) {
        return Map.of(TableDefinition.PK, AttributeValue.fromS(key.pk()), TableDefinition.SK, AttributeValue.fromS(key.sk()));
    }
}
