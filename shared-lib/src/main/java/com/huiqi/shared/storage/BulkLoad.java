package com.huiqi.shared.storage;

import com.huiqi.shared.identity.Caller;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;

/**
 * Loads many new items of one tenant with {@code BatchWriteItem}, 25 a call, with their audit
 * records: for filling partitions nobody else writes yet (the demo seed's synthetic enterprises,
 * later the import of new enterprises), where one transaction per item would cost a round trip each.
 *
 * <p>Unlike {@link Transaction} it is not atomic and not conditional: a put replaces an item with
 * the same key, so callers load only keys they checked are free. Every item's audit record is
 * written by the same load, every partition goes into the tenant's partition catalogue, and a batch
 * that DynamoDB leaves partly unprocessed is retried until it is written, so when {@link #flush}
 * returns, everything and its audit trail is stored.
 */
public final class BulkLoad {

    private static final int BATCH = 25;

    private final TenantStore store;
    private final DynamoDbEnhancedClient client;
    private final Caller actor;
    private final String requestId;
    private final List<Write> writes = new ArrayList<>();
    private final Set<String> partitions = new LinkedHashSet<>();

    private record Write(DynamoDbTable<EnhancedDocument> table, EnhancedDocument item) {
    }

    BulkLoad(TenantStore store, DynamoDbEnhancedClient client, Caller actor, String requestId) {
        this.store = store;
        this.client = client;
        this.actor = actor;
        this.requestId = requestId;
    }

    /** Adds a new item of the data table at version 1. */
    public BulkLoad put(ItemKey key, String entityType, Object entity) {
        store.requireOwned(key.pk());
        writes.add(new Write(store.dataTable(), store.toDocument(key, entity, entityType, 1)));
        partitions.add(PartitionCatalogue.entry(Tables.DATA, key.pk()));
        return this;
    }

    /** Adds the audit record of one loaded entity. */
    public BulkLoad audit(String action, String entityType, String entityId, Object before, Object after) {
        EnhancedDocument doc = Transaction.auditDocument(store, actor, requestId, action, entityType, entityId, before, after);
        writes.add(new Write(store.auditTable(), doc));
        partitions.add(PartitionCatalogue.entry(Tables.AUDIT, doc.getString(TableDefinition.PK)));
        return this;
    }

    /** How many items {@link #flush} will write, the partition catalogue's included. */
    public int size() {
        return writes.size() + PartitionCatalogue.itemCount(partitions.size());
    }

    /** Writes everything on {@code threads} connections in parallel; returns once all of it is stored. */
    public void flush(int threads) {
        List<Write> all = new ArrayList<>(writes);
        // A load may write more partitions than one catalogue item lists: a few items, 100 partitions each.
        PartitionCatalogue.items(store, partitions).forEach(item -> all.add(new Write(store.dataTable(), item)));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int from = 0; from < all.size(); from += BATCH) {
                List<Write> chunk = all.subList(from, Math.min(all.size(), from + BATCH));
                done.add(pool.submit(() -> write(chunk)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        writes.clear();
        partitions.clear();
    }

    private void write(List<Write> chunk) {
        List<Write> pending = chunk;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > 10) {
                throw new IllegalStateException("DynamoDB kept throttling a bulk load of " + pending.size() + " items");
            }
            if (attempt > 1) {
                TenantStore.sleepBackoff(attempt);
            }
            var request = BatchWriteItemEnhancedRequest.builder();
            Set<DynamoDbTable<EnhancedDocument>> tables = new LinkedHashSet<>();
            pending.forEach(w -> tables.add(w.table()));
            for (DynamoDbTable<EnhancedDocument> table : tables) {
                var batch = WriteBatch.builder(EnhancedDocument.class).mappedTableResource(table);
                pending.stream().filter(w -> w.table() == table).forEach(w -> batch.addPutItem(w.item()));
                request.addWriteBatch(batch.build());
            }
            var result = client.batchWriteItem(request.build());
            List<Write> unprocessed = new ArrayList<>();
            for (DynamoDbTable<EnhancedDocument> table : tables) {
                result.unprocessedPutItemsForTable(table).forEach(item -> unprocessed.add(new Write(table, item)));
            }
            pending = unprocessed;
        }
    }
}
