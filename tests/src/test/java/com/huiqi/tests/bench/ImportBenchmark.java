package com.huiqi.tests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huiqi.local.LocalStack;
import com.huiqi.local.LocalStackConfig;
import com.huiqi.local.demo.ApiClient;
import com.huiqi.local.demo.ApiClient.Exchange;
import com.huiqi.local.demo.DemoSeed;
import com.huiqi.tests.support.ImportWorkbooks;
import com.huiqi.tests.support.TestStack;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Publishing a catalogue by bulk import, through the local stack (gateway, stream delivery, the
 * import function, DynamoDB Local): for a catalogue of 2,000 products (4,350 entries) the time to
 * check the file (the POST), to file it, and to publish it after approval, with the import's own
 * progress as a client polling it sees it. The baseline, in the same run, is the same chain one
 * entry at a time over the API (create, submit, approve), on a 200-product catalogue and on the
 * import of that same catalogue, so the two are compared on equal work.
 *
 * <p>Run (see docs/benchmarks.md): {@code mvn -B -q -pl tests -am test-compile -DskipTests && mvn -B -q -pl
 * tests exec:java -Dexec.mainClass=com.huiqi.tests.bench.ImportBenchmark -Dexec.classpathScope=test}.
 */
public final class ImportBenchmark {

    private static final int PRODUCTS = 2000;
    private static final int RUNS = 3;
    private static final int BASELINE_PRODUCTS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        try (LocalStack stack = LocalStack.start(LocalStackConfig.forTests(TestStack.repoRoot()))) {
            new DemoSeed(stack.gatewayUrl(), stack.cognitoEndpoint(), stack.userPoolId(), stack.dynamoEndpoint()).run();
            ApiClient api = new ApiClient(stack.gatewayUrl());
            String importer = api.login("sip-staff", "Huiqi-Demo-2026");
            String reviewer = api.login("sip-window", "Huiqi-Demo-2026");

            List<long[]> runs = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                ImportWorkbooks.Catalogue catalogue = ImportWorkbooks.catalogue("BM" + run, PRODUCTS);
                runs.add(importAndPublish(api, importer, reviewer, catalogue, run == 0));
            }
            System.out.printf("import of %d products (%d entries), %d runs: check (POST) ms %s, filing ms %s,"
                            + " publishing ms %s, total ms %s; medians %d / %d / %d / %d ms%n",
                    PRODUCTS, ImportWorkbooks.catalogue("X", PRODUCTS).size(), RUNS, column(runs, 0), column(runs, 1),
                    column(runs, 2), column(runs, 3), median(runs, 0), median(runs, 1), median(runs, 2), median(runs, 3));

            ImportWorkbooks.Catalogue small = ImportWorkbooks.catalogue("BS", BASELINE_PRODUCTS);
            long imported = importAndPublish(api, importer, reviewer, small, false)[3];
            long oneByOne = oneAtATime(api, importer, reviewer, ImportWorkbooks.catalogue("BO", BASELINE_PRODUCTS));
            System.out.printf("baseline, %d products (%d entries): one entry at a time over the API %d ms, bulk import %d ms"
                    + " (%.1fx faster)%n", BASELINE_PRODUCTS, small.size(), oneByOne, imported, (double) oneByOne / imported);
        }
    }

    /** Returns check, filing, publishing and total milliseconds. */
    private static long[] importAndPublish(ApiClient api, String importer, String reviewer,
                                           ImportWorkbooks.Catalogue catalogue, boolean printProgress) throws Exception {
        byte[] xlsx = catalogue.toXlsx();
        long start = System.nanoTime();
        Exchange accepted = api.sendBytes("POST", "/catalogue-imports", importer, xlsx, ImportWorkbooks.MEDIA_TYPE);
        if (accepted.status() != 202) {
            throw new IllegalStateException("import refused: " + accepted.body());
        }
        long checked = System.nanoTime();
        String id = accepted.json().at("/job/id").asText();
        JsonNode filed = await(api, importer, id, "IN_REVIEW", printProgress);
        long filedAt = System.nanoTime();
        Exchange approved = api.post("/catalogue-imports/" + id + "/approve", reviewer,
                Map.of("version", filed.get("version").asLong()));
        if (approved.status() != 202) {
            throw new IllegalStateException("approval refused: " + approved.body());
        }
        await(api, importer, id, "PUBLISHED", printProgress);
        long done = System.nanoTime();
        return new long[] {ms(checked - start), ms(filedAt - checked), ms(done - filedAt), ms(done - start)};
    }

    private static JsonNode await(ApiClient api, String token, String id, String state, boolean print) throws Exception {
        int lastPercent = -1;
        while (true) {
            JsonNode view = api.get("/catalogue-imports/" + id, token).json();
            String now = view.at("/job/state").asText();
            int percent = view.at("/progress/percent").asInt();
            if (print && (percent / 10 != lastPercent / 10 || now.equals(state))) {
                System.out.println("  progress " + view.get("progress") + " state " + now);
                lastPercent = percent;
            }
            if (now.equals(state)) {
                return view;
            }
            if (now.endsWith("FAILED")) {
                throw new IllegalStateException("import failed: " + view);
            }
            Thread.sleep(200);
        }
    }

    /** The baseline: each row created, submitted and approved by its own three requests. */
    private static long oneAtATime(ApiClient api, String author, String reviewer, ImportWorkbooks.Catalogue catalogue) {
        long start = System.nanoTime();
        String[][] sheets = {{"政策文件", "documents"}, {"业务品种", "varieties"}, {"业务事项", "items"},
                {"政策产品", "products"}, {"申报通知", "notices"}};
        for (String[] sheet : sheets) {
            for (Map<String, String> row : catalogue.rows(sheet[0])) {
                String code = row.get("code");
                Exchange created = api.post("/catalogue/" + sheet[1], author, Map.of("code", code,
                        "content", apiContent(row)));
                if (created.status() != 201) {
                    throw new IllegalStateException(code + ": " + created.body());
                }
                Exchange submitted = api.post("/catalogue/" + sheet[1] + "/" + code + "/submit", author,
                        Map.of("version", created.json().get("version").asLong()));
                Exchange approved = api.post("/catalogue/" + sheet[1] + "/" + code + "/approve", reviewer,
                        Map.of("version", submitted.json().get("version").asLong()));
                if (approved.status() != 200) {
                    throw new IllegalStateException(code + ": " + approved.body());
                }
            }
        }
        return ms(System.nanoTime() - start);
    }

    /** The row as the API's JSON content: lists split, JSON cells parsed, Chinese constants as the API's. */
    private static ObjectNode apiContent(Map<String, String> row) {
        ObjectNode content = JSON.createObjectNode();
        Map<String, String> constants = Map.of("国家", "NATIONAL", "省", "PROVINCIAL", "市", "MUNICIPAL", "区", "DISTRICT",
                "认定类", "RECOGNITION", "项目类", "PROJECT", "资金类", "FUNDING", "其他类", "OTHER",
                "预征集类", "PRE_COLLECTION", "政策申报类", "APPLICATION");
        row.forEach((field, value) -> {
            if (field.equals("code")) {
                return;
            }
            try {
                switch (field) {
                    case "applicableRegions", "supportMethods", "issuingUnits", "documentCodes", "itemCodes" -> {
                        var list = content.putArray(field);
                        for (String part : value.split("[；;]")) {
                            list.add(part.strip());
                        }
                    }
                    case "conditions", "materials", "contacts" -> content.set(field, JSON.readTree(value));
                    case "firstYear", "publicityDays" -> content.put(field, Integer.parseInt(value));
                    case "automatic", "expertReview" -> content.put(field, value.equals("是"));
                    case "opensAt", "closesAt" -> content.put(field, java.time.LocalDateTime.parse(value.replace(' ', 'T'))
                            .atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant().toString());
                    default -> content.put(field, constants.getOrDefault(value, value));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return content;
    }

    private static List<Long> column(List<long[]> runs, int i) {
        return runs.stream().map(r -> r[i]).toList();
    }

    private static long median(List<long[]> runs, int i) {
        List<Long> sorted = new ArrayList<>(column(runs, i));
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
