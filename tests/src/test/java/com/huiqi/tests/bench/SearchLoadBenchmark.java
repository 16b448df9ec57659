package com.huiqi.tests.bench;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.huiqi.local.LocalStack;
import com.huiqi.local.LocalStackConfig;
import com.huiqi.local.demo.ApiClient;
import com.huiqi.local.demo.DemoData;
import com.huiqi.local.demo.DemoSeed;
import com.huiqi.search.catalogue.PublishedEntry;
import com.huiqi.search.index.NaiveSearch;
import com.huiqi.search.query.SearchQuery;
import com.huiqi.search.query.SortOrder;
import com.huiqi.search.synthetic.CatalogueTable;
import com.huiqi.search.synthetic.SyntheticCatalogue;
import com.huiqi.tests.support.CatalogueSamples;
import com.huiqi.tests.support.TestStack;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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
            String loadBefore = loadAverage();
            // The enterprise's searches each write a usage event (its hits on the page); a staff
            // member's write none. Interleaved, order alternating, so both see the same machine.
            String staff = api.login("sip-staff", DemoData.PASSWORD);
            List<Long> warm = new ArrayList<>();
            List<Long> warmStaff = new ArrayList<>();
            int total = 0;
            for (int i = 0; i < WARM_QUERIES; i++) {
                for (boolean asEnterprise : i % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                    long t = System.nanoTime();
                    ApiClient.Exchange e = api.get("/search?" + QUERY, asEnterprise ? enterprise : staff);
                    (asEnterprise ? warm : warmStaff).add(micros(t));
                    require(e, 200);
                    total = e.json().get("total").asInt();
                }
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
            System.out.printf("[bench] load average (1, 5, 15 min) before the queries: %s, after the baseline: %s%n",
                    loadBefore, loadAverage());
            System.out.printf("[bench] publication to searchable (ms): %s, median %d%n", fresh, median(fresh));
            System.out.printf("[bench] GET /search keyword + 2 filters + facets through the stack: %d queries, median %.1f ms, "
                    + "p95 %.1f ms, %d hits (as the enterprise user, each writing a usage event)%n", WARM_QUERIES,
                    median(warm) / 1000.0, p95(warm) / 1000.0, total);
            System.out.printf("[bench] the same, interleaved, as a staff member (no usage event): median %.1f ms, p95 %.1f ms%n",
                    median(warmStaff) / 1000.0, p95(warmStaff) / 1000.0);
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
            CatalogueTable.write(dynamo, "sip", catalogue);
            dynamo.deleteItem(r -> r.tableName("huiqi-data").key(POINTER));
        } finally {
            server.stop();
        }
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
     * The naive search, as the JMH benchmark's {@code dynamoQuery}: every kind's heads from gsi1,
     * their published versions by BatchGetItem, projected, then the keywords, filters and facet
     * counts in memory ({@code NaiveSearch}, which finds exactly the index's hits).
     */
    static final class Baseline {

        static int search(DynamoDbClient dynamo) {
            Instant now = Instant.now();
            SearchQuery query = new SearchQuery("研发费用 补贴", Map.of("level", Set.of("DISTRICT"),
                    "region", Set.of("320571", "320500", "320000", "100000"), "status", Set.of("PUBLISHED")), Set.of(),
                    SortOrder.RELEVANCE, 20, null, now, now.plusSeconds(7 * 86_400), 5, "baseline");
            return NaiveSearch.search(CatalogueTable.read(dynamo, "sip"), query).hits().size();
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

    /** The machine is shared: how busy it was belongs beside every figure. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
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
