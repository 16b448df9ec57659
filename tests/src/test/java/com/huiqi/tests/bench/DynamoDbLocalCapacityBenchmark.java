package com.huiqi.tests.bench;

import com.huiqi.local.LocalStack;
import com.huiqi.local.LocalStackConfig;
import com.huiqi.shared.storage.Tables;
import com.huiqi.tests.support.TestStack;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What DynamoDB Local itself takes on this machine, under the same running stack as the import:
 * items per second for BatchWriteItem and TransactWriteItems with 1, 2 and 8 client threads,
 * through the plain low-level client (no Enhanced Client, no encryption interceptor, no
 * derivation), into the data table (a stream and its indexes) and the audit table (no stream, no
 * index). The items are shaped like an imported enterprise's: per row one file of about 1.5 KB and
 * small items of about 250 bytes; also rows as the import writes a new enterprise now (its file
 * alone, 100 files a transaction). The figure to compare the import with: rows per
 * second. Compiled against an older checkout it measures that checkout's table layout.
 *
 * <p>Run as {@link EnterpriseImportBenchmark} is run (docs/benchmarks.md), with this class's name.
 */
public final class DynamoDbLocalCapacityBenchmark {

    private static final int ROWS = Integer.getInteger("bench.rows", 1_500);

    public static void main(String[] args) throws Exception {
        try (LocalStack stack = LocalStack.start(LocalStackConfig.forTests(TestStack.repoRoot()));
             DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create(stack.dynamoEndpoint()))
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                     .build()) {
            String data = Tables.DATA.tableName();
            String audit = Tables.AUDIT.tableName();
            AtomicInteger run = new AtomicInteger();
            // Warm-up: JIT of client and server, not reported.
            measure(client, data, "warm-up", 13, 25, false, 2, run);
            System.out.println("table (indexes), call, items per row, items per call, threads, items/s, rows/s");
            for (int threads : new int[] {1, 2, 8}) {
                report(measure(client, data, "BatchWriteItem", 13, 25, false, threads, run));
            }
            for (int threads : new int[] {1, 2, 8}) {
                report(measure(client, data, "TransactWriteItems", 13, 100, true, threads, run));
            }
            report(measure(client, data, "TransactWriteItems", 13, 13, true, 8, run));
            // Rows as the import writes a new enterprise now: one item, its file (the profile inside);
            // a transaction's audit record and catalogue item are shared by its rows.
            for (int threads : new int[] {2, 8}) {
                report(measure(client, data, "TransactWriteItems", 1, 100, true, threads, run));
            }
            report(measure(client, audit, "BatchWriteItem", 13, 25, false, 8, run));
            report(measure(client, audit, "TransactWriteItems", 13, 100, true, 8, run));
        }
        // DynamoDB Local leaves a non-daemon thread behind.
        System.exit(0);
    }

    private record Result(String table, String call, int itemsPerRow, int perCall, int threads, double itemsPerSecond) {
    }

    private static void report(Result r) {
        int indexes = r.table.equals(Tables.DATA.tableName()) ? Tables.DATA.gsis().size() : 0;
        System.out.printf("%s (%d), %s, %d, %d, %d, %.0f, %.0f%n", r.table, indexes, r.call, r.itemsPerRow, r.perCall,
                r.threads, r.itemsPerSecond, r.itemsPerSecond / r.itemsPerRow);
    }

    private static Result measure(DynamoDbClient client, String table, String call, int itemsPerRow, int perCall,
                                  boolean transact, int threads, AtomicInteger run) throws Exception {
        int runId = run.incrementAndGet();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int row = 0; row < ROWS; row++) {
            for (int i = 0; i < itemsPerRow; i++) {
                items.add(item(runId, row, i));
            }
        }
        List<List<Map<String, AttributeValue>>> calls = new ArrayList<>();
        for (int from = 0; from < items.size(); from += perCall) {
            calls.add(items.subList(from, Math.min(items.size(), from + perCall)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long begin = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<Map<String, AttributeValue>> chunk : calls) {
                done.add(pool.submit(() -> write(client, table, chunk, transact)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new Result(table, call, itemsPerRow, perCall, threads, items.size() / seconds);
    }

    private static void write(DynamoDbClient client, String table, List<Map<String, AttributeValue>> chunk,
                              boolean transact) {
        if (transact) {
            client.transactWriteItems(r -> r.transactItems(chunk.stream().map(item -> TransactWriteItem.builder()
                    .put(Put.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(pk)").build())
                    .build()).toList()));
            return;
        }
        for (int from = 0; from < chunk.size(); from += 25) {
            List<WriteRequest> requests = chunk.subList(from, Math.min(chunk.size(), from + 25)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build()).toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, requests);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> now = pending;
                var result = client.batchWriteItem(r -> r.requestItems(now));
                if (!result.hasUnprocessedItems() || result.unprocessedItems().isEmpty()) {
                    break;
                }
                pending = result.unprocessedItems();
            }
        }
    }

    /** Item {@code i} of a row: the file (about 1.5 KB) first, then small derived items. */
    private static Map<String, AttributeValue> item(int run, int row, int i) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("capbench#R" + run + "#" + (i == 0 ? "ENT#" + row : "ENTBY#" + (i % 7))));
        item.put("sk", AttributeValue.fromS(i == 0 ? "FILE" : "苏州批量导入" + row + "号科技有限公司#" + row + "#" + i));
        item.put("_type", AttributeValue.fromS(i == 0 ? "EnterpriseFile" : "DirectoryEntry"));
        item.put("_version", AttributeValue.fromN("1"));
        item.put("creditCode", AttributeValue.fromS("91320505MA7B" + row));
        item.put("name", AttributeValue.fromS("苏州批量导入" + row + "号科技有限公司"));
        item.put("registeredRegion", AttributeValue.fromS("320505"));
        if (i == 0) {
            Map<String, AttributeValue> facts = new HashMap<>();
            for (int f = 0; f < 7; f++) {
                facts.put("fact" + f, AttributeValue.fromM(Map.of("claims", AttributeValue.fromM(Map.of(
                        "DEPARTMENT_IMPORT", AttributeValue.fromM(Map.of(
                                "value", AttributeValue.fromS("1000000.00"),
                                "recordedAt", AttributeValue.fromS("2026-12-01T15:57:14.733Z"),
                                "recordedBy", AttributeValue.fromS("sip-kjj"),
                                "sourceRef", AttributeValue.fromS("37e15e90-8e03-4bb2-b5a6-3d11aadd54b4"))))))));
            }
            item.put("facts", AttributeValue.fromM(facts));
        }
        return item;
    }
}
