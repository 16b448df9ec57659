package com.huiqi.tests.bench;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huiqi.local.LocalStack;
import com.huiqi.local.LocalStackConfig;
import com.huiqi.local.demo.ApiClient;
import com.huiqi.local.demo.DemoData;
import com.huiqi.local.demo.DemoSeed;
import com.huiqi.search.catalogue.PublishedEntry;
import com.huiqi.search.synthetic.SyntheticCatalogue;
import com.huiqi.tests.support.CatalogueSamples;
import com.huiqi.tests.support.TestStack;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Search through the local stack for a tenant with 20,000 policy products, against the naive
 * baseline in the same run: keyword + 2 filters + facets, cold start to first answer, and the time
 * from publication to searchable.
 *
 * <ol>
 *   <li>A stack on a fresh data folder seeds the demo tenants, then stops.</li>
 *   <li>With DynamoDB Local alone on that folder, the synthetic catalogue
 *       (functions/search test {@code SyntheticCatalogue}) is written into 苏州工业园区's catalogue in
 *       the publish function's storage layout (heads and published versions), as a migration would:
 *       through the API it would be 127,500 calls. Its search pointer is removed, so the next
 *       change rebuilds its index from the whole catalogue.</li>
 *   <li>The stack starts again on the folder (its stream reader starts after the bulk load). One
 *       publication through the API makes the indexer build the tenant's index; then the
 *       measurements.</li>
 * </ol>
 *
 * <p>The baseline is what search would be without an index: the tenant's catalogue read from
 * DynamoDB (a Query of each kind's heads in gsi1, then the published versions by BatchGetItem)
 * and filtered, counted and ranked in memory.
 *
 * <p>Run: see docs/benchmarks.md. Not part of the test suite (its name does not end in Test).
 */
public final class SearchLoadBenchmark {

    private static final int PRODUCTS = Integer.getInteger("bench.products", 20_000);
    private static final int WARM_QUERIES = 300;
    private static final int BASELINE_RUNS = 5;
    private static final int PUBLICATIONS = 5;
    private static final String QUERY = "q=" + URLEncoder.encode("研发费用 补贴", StandardCharsets.UTF_8)
            + "&level=DISTRICT&region=320571";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Makes this run's publications new codes, so that {@code measure} can run again on one folder. */
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000);

    /**
     * {@code load}: steps 1 and 2 into a new data folder, whose path it prints; {@code measure <folder>}:
     * step 3. Two JVMs, because a second local stack in one JVM is not what the suite ever runs:
     * there the indexer's stream events reached it without their keys (not investigated further).
     */
    public static void main(String[] args) throws Exception {
        Path repo = TestStack.repoRoot();
        if (args.length == 1 && args[0].equals("load")) {
            Path data = Files.createTempDirectory("huiqi-search-bench-");
            try (LocalStack stack = LocalStack.start(new LocalStackConfig(repo, 0, data, false))) {
                new DemoSeed(stack.gatewayUrl(), stack.cognitoEndpoint(), stack.userPoolId(), stack.dynamoEndpoint()).run();
            }
            List<PublishedEntry> catalogue = SyntheticCatalogue.generate(PRODUCTS);
            long loadStarted = System.nanoTime();
            bulkLoad(data, catalogue);
            System.out.printf("[bench] %d entries written in %d s into %s%n", catalogue.size(),
                    (System.nanoTime() - loadStarted) / 1_000_000_000, data);
        } else if (args.length == 2 && args[0].equals("measure")) {
            measure(new LocalStackConfig(repo, 0, Path.of(args[1]), false));
        } else {
            throw new IllegalArgumentException("usage: load | measure <data folder>");
        }
        System.exit(0);
    }

    private static void measure(LocalStackConfig config) throws Exception {
        try (LocalStack stack = LocalStack.start(config)) {
            ApiClient api = new ApiClient(stack.gatewayUrl());
            String enterprise = api.login("sip-ent", DemoData.PASSWORD);
            // The first change makes the indexer build the tenant's index from its whole catalogue
            // (on a folder measured before, the index is there already).
            long built = System.nanoTime();
            boolean indexed;
            try (DynamoDbClient dynamo = client(stack.dynamoEndpoint())) {
                indexed = dynamo.getItem(r -> r.tableName("huiqi-data").consistentRead(true).key(POINTER)).hasItem();
            }
            publish(api, "P-BENCH-" + RUN + "-0");
            try (DynamoDbClient dynamo = client(stack.dynamoEndpoint())) {
                while (!dynamo.getItem(r -> r.tableName("huiqi-data").consistentRead(true).key(POINTER)).hasItem()) {
                    if (millisSince(built) > 900_000) {
                        throw new IllegalStateException("no index after 15 minutes");
                    }
                    Thread.sleep(200);
                }
            }
            if (!indexed) {
                System.out.printf("[bench] indexer's full build of the tenant from its catalogue: %d ms%n", millisSince(built));
            }
            long coldStarted = System.nanoTime();
            ApiClient.Exchange first = api.get("/search?" + QUERY, enterprise);
            long coldFirst = millisSince(coldStarted);
            require(first, 200);
            System.out.printf("[bench] cold start to first answer (search function's first request: class loading, init, "
                    + "pointer read, index download and open, query): %d ms, total %d%n", coldFirst,
                    first.json().get("total").asInt());

            List<Long> fresh = new ArrayList<>();
            for (int i = 1; i <= PUBLICATIONS; i++) {
                fresh.add(publishAndAwait(api, "P-BENCH-" + RUN + "-" + i));
            }
            List<Long> warm = new ArrayList<>();
            int total = 0;
            for (int i = 0; i < WARM_QUERIES; i++) {
                long t = System.nanoTime();
                ApiClient.Exchange e = api.get("/search?" + QUERY, enterprise);
                warm.add(micros(t));
                require(e, 200);
                total = e.json().get("total").asInt();
            }
            List<Long> baseline = new ArrayList<>();
            int baselineTotal = 0;
            try (DynamoDbClient dynamo = client(stack.dynamoEndpoint())) {
                for (int i = 0; i < BASELINE_RUNS; i++) {
                    long t = System.nanoTime();
                    baselineTotal = Baseline.search(dynamo);
                    baseline.add(micros(t));
                }
            }
            System.out.printf("[bench] publication to searchable (ms): %s, median %d%n", fresh, median(fresh));
            System.out.printf("[bench] GET /search keyword + 2 filters + facets through the stack: %d queries, median %.1f ms, "
                    + "p95 %.1f ms, %d hits%n", WARM_QUERIES, median(warm) / 1000.0, p95(warm) / 1000.0, total);
            System.out.printf("[bench] baseline (DynamoDB query of the catalogue filtered in memory): %d runs, first %.1f ms, "
                    + "median %.1f ms, p95 %.1f ms, %d hits%n", BASELINE_RUNS, baseline.get(0) / 1000.0,
                    median(baseline) / 1000.0, p95(baseline) / 1000.0, baselineTotal);
            System.out.printf("[bench] ratio of medians baseline / search: %.0f%n", (double) median(baseline) / median(warm));
        }
    }

    /** Writes the catalogue into the sip tenant with DynamoDB Local alone, four writers at a time. */
    private static void bulkLoad(Path data, List<PublishedEntry> catalogue) throws Exception {
        System.setProperty("sqlite4java.library.path", System.getProperty("sqlite4java.library.path",
                TestStack.repoRoot().resolve("infra/local-stack/target/native").toString()));
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[] {"-port",
                String.valueOf(port), "-sharedDb", "-disableTelemetry", "-dbPath", data.resolve("dynamodb").toString()});
        server.start();
        try (DynamoDbClient dynamo = client("http://127.0.0.1:" + port)) {
            List<WriteRequest> writes = new ArrayList<>();
            String now = java.time.Instant.now().toString();
            for (PublishedEntry e : catalogue) {
                String pk = "sip#CAT#" + e.kind() + "#" + e.code();
                ObjectNode head = JSON.createObjectNode();
                head.put("pk", pk).put("sk", "HEAD").put("gsi1pk", "sip#CAT#" + e.kind()).put("gsi1sk", e.code());
                head.put("kind", e.kind()).put("code", e.code()).put("status", "PUBLISHED").put("publishedVersion", 1);
                head.put("displayName", e.content().path(e.content().has("name") ? "name" : "title").asText());
                head.put("publishedAt", now).put("createdAt", now).put("updatedAt", now);
                if (e.kind().equals("notices")) {
                    head.putObject("window").put("itemCode", e.text("itemCode")).put("title", e.text("title"))
                            .put("opensAt", e.text("opensAt")).put("closesAt", e.text("closesAt"));
                }
                head.put("_type", "CatalogueEntry").put("_version", 3);
                ObjectNode version = JSON.createObjectNode();
                version.put("pk", pk).put("sk", "V#000001").put("kind", e.kind()).put("code", e.code()).put("version", 1);
                version.set("content", e.content());
                version.put("submittedBy", "sip-staff").put("reviewedBy", "sip-window").put("publishedAt", now);
                version.put("_type", "PublishedVersion").put("_version", 1);
                writes.add(put(head));
                writes.add(put(version));
            }
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int from = 0; from < writes.size(); from += 25) {
                List<WriteRequest> batch = writes.subList(from, Math.min(writes.size(), from + 25));
                done.add(writers.submit(() -> {
                    Map<String, List<WriteRequest>> pending = Map.of("huiqi-data", batch);
                    while (!pending.isEmpty()) {
                        Map<String, List<WriteRequest>> request = pending;
                        pending = dynamo.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            writers.shutdown();
            dynamo.deleteItem(r -> r.tableName("huiqi-data").key(POINTER));
        } finally {
            server.stop();
        }
    }

    private static WriteRequest put(ObjectNode item) {
        return WriteRequest.builder().putRequest(PutRequest.builder()
                .item(EnhancedDocument.fromJson(item.toString()).toMap()).build()).build();
    }

    private static final Map<String, AttributeValue> POINTER = Map.of("pk", AttributeValue.fromS("sip#SEARCH"),
            "sk", AttributeValue.fromS("INDEX"));

    /** Publishes a document through the API and returns the milliseconds from its approval to its first hit. */
    private static long publishAndAwait(ApiClient api, String code) throws InterruptedException {
        String enterprise = api.login("sip-ent", DemoData.PASSWORD);
        publish(api, code);
        long approved = System.nanoTime();
        String q = "/search?q=" + URLEncoder.encode("基准测试" + code, StandardCharsets.UTF_8);
        while (api.get(q, enterprise).json().get("total").asInt() == 0) {
            if (millisSince(approved) > 600_000) {
                throw new IllegalStateException(code + " not searchable after 10 minutes");
            }
            Thread.sleep(20);
        }
        return millisSince(approved);
    }

    private static void publish(ApiClient api, String code) {
        String author = api.login("sip-staff", DemoData.PASSWORD);
        String reviewer = api.login("sip-window", DemoData.PASSWORD);
        Map<String, Object> doc = new HashMap<>(CatalogueSamples.document("基准测试" + code + "专项资金办法"));
        String docCode = "D-" + code.substring(2);
        require(api.post("/catalogue/documents", author, Map.of("code", docCode, "content", doc)), 201);
        long v = api.post("/catalogue/documents/" + docCode + "/submit", author, Map.of("version", 1)).json()
                .get("version").asLong();
        require(api.post("/catalogue/documents/" + docCode + "/approve", reviewer, Map.of("version", v)), 200);
    }

    /**
     * The naive search: every searchable kind's heads from gsi1, their published versions by
     * BatchGetItem, then the keywords, filters and facet counts in memory.
     */
    static final class Baseline {
        private static final List<String> KINDS = List.of("documents", "items", "products", "notices", "interpretations");
        private static final List<String> WORDS = List.of("研发费用", "补贴");
        private static final List<String> REGIONS = List.of("320571", "320500", "320000", "100000");

        static int search(DynamoDbClient dynamo) throws Exception {
            List<JsonNode> hits = new ArrayList<>();
            Map<String, Map<String, Integer>> facets = new HashMap<>();
            for (String kind : KINDS) {
                List<Map<String, AttributeValue>> keys = new ArrayList<>();
                Map<String, AttributeValue> start = null;
                do {
                    QueryResponse page = dynamo.query(QueryRequest.builder().tableName("huiqi-data").indexName("gsi1")
                            .keyConditionExpression("gsi1pk = :p")
                            .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("sip#CAT#" + kind)))
                            .exclusiveStartKey(start).build());
                    for (var head : page.items()) {
                        if ("PUBLISHED".equals(head.get("status").s())) {
                            keys.add(Map.of("pk", head.get("pk"), "sk", AttributeValue.fromS(String.format("V#%06d",
                                    Integer.parseInt(head.get("publishedVersion").n())))));
                        }
                    }
                    start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
                } while (start != null);
                for (int from = 0; from < keys.size(); from += 100) {
                    Map<String, KeysAndAttributes> pending = new HashMap<>(Map.of("huiqi-data",
                            KeysAndAttributes.builder().keys(keys.subList(from, Math.min(keys.size(), from + 100))).build()));
                    while (!pending.isEmpty()) {
                        var response = dynamo.batchGetItem(r -> r.requestItems(pending));
                        for (var item : response.responses().getOrDefault("huiqi-data", List.of())) {
                            JsonNode content = JSON.readTree(EnhancedDocument.fromAttributeValueMap(item).toJson()).get("content");
                            if (matches(content)) {
                                hits.add(content);
                                count(facets, "domain", content.path("domain").asText(""));
                                count(facets, "theme", content.path("theme").asText(""));
                                count(facets, "level", content.path("level").asText(""));
                            }
                        }
                        pending.clear();
                        pending.putAll(response.unprocessedKeys());
                    }
                }
            }
            return hits.size();
        }

        private static boolean matches(JsonNode content) {
            String text = content.toString();
            return WORDS.stream().allMatch(text::contains) && REGIONS.stream().anyMatch(text::contains);
        }

        private static void count(Map<String, Map<String, Integer>> facets, String dim, String value) {
            facets.computeIfAbsent(dim, d -> new HashMap<>()).merge(value, 1, Integer::sum);
        }
    }

    private static DynamoDbClient client(String endpoint) {
        return DynamoDbClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }

    private static void require(ApiClient.Exchange e, int status) {
        if (e.status() != status) {
            throw new IllegalStateException(e.method() + " " + e.path() + " answered " + e.status() + ": " + e.body());
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static long micros(long nanos) {
        return (System.nanoTime() - nanos) / 1_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long p95(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1));
    }
}
