package com.huiqi.tests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.local.LocalStack;
import com.huiqi.local.LocalStackConfig;
import com.huiqi.local.demo.ApiClient;
import com.huiqi.local.demo.ApiClient.Exchange;
import com.huiqi.local.demo.DemoSeed;
import com.huiqi.shared.enterprise.CreditCode;
import com.huiqi.tests.support.TestStack;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Bulk import of enterprise data through the local stack, as a client does it: a generated CSV of
 * {@code bench.rows} rows (100,000 by default; every hundredth row has a bad revenue figure and is
 * rejected) is uploaded with the presigned URL, started, and polled until done. Prints the time
 * from start to done, the rows per second, the import's own progress as polled, and the peak heap of
 * this JVM, which holds the whole local stack (gateway, functions, DynamoDB Local's Java side).
 *
 * <p>Run (see docs/benchmarks.md) with {@code -Xmx512m} to hold the stack to the target heap.
 */
public final class EnterpriseImportBenchmark {

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 100_000);
        Path csv = Files.createTempFile("enterprise-import-bench", ".csv");
        try (LocalStack stack = LocalStack.start(LocalStackConfig.forTests(TestStack.repoRoot()))) {
            new DemoSeed(stack.gatewayUrl(), stack.cognitoEndpoint(), stack.userPoolId(), stack.dynamoEndpoint()).run();
            ApiClient api = new ApiClient(stack.gatewayUrl());
            String token = api.login("sip-kjj", "Huiqi-Demo-2026");
            long bytes = write(csv, rows);
            System.out.printf("file: %,d rows, %,d bytes%n", rows, bytes);

            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            long begin = System.nanoTime();
            Exchange created = api.post("/enterprise-imports", token, Map.of("contentType", "text/csv"));
            HttpResponse<Void> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(created.json().at("/upload/url").asText())).header("content-type", "text/csv")
                    .PUT(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.discarding());
            if (put.statusCode() != 200) {
                throw new IllegalStateException("upload answered " + put.statusCode());
            }
            long uploaded = System.nanoTime();
            String id = created.json().at("/job/id").asText();
            Exchange started = api.post("/enterprise-imports/" + id + "/start", token,
                    Map.of("version", created.json().get("version").asLong()));
            if (started.status() != 202) {
                throw new IllegalStateException("start refused: " + started.body());
            }
            long startedAt = System.nanoTime();
            JsonNode done;
            int lastTenth = -1;
            while (true) {
                done = api.get("/enterprise-imports/" + id, token).json();
                int percent = done.at("/progress/percent").asInt();
                String state = done.at("/job/state").asText();
                if (percent / 10 != lastTenth || state.equals("COMPLETED")) {
                    System.out.println("  progress " + done.get("progress") + " state " + state);
                    lastTenth = percent / 10;
                }
                if (state.equals("COMPLETED") || state.equals("FAILED")) {
                    break;
                }
                Thread.sleep(500);
            }
            long end = System.nanoTime();
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            Exchange report = api.get("/enterprise-imports/" + id + "/rejects", token);
            System.out.printf("done: %s, imported %d, unchanged %d, rejected %d%n", done.at("/job/state").asText(),
                    done.at("/job/imported").asInt(), done.at("/job/unchanged").asInt(), done.at("/job/rejected").asInt());
            System.out.printf("upload %,d ms; start (checks the header) %,d ms; import until COMPLETED %,d ms;"
                            + " %.0f rows/s; peak heap %,d MiB (max %,d MiB)%n", ms(uploaded - begin), ms(startedAt - uploaded),
                    ms(end - startedAt), rows / ((end - startedAt) / 1e9), peak / 1024 / 1024,
                    Runtime.getRuntime().maxMemory() / 1024 / 1024);
            System.out.println("rejects report: " + report.json().get("url").asText());
        } finally {
            Files.deleteIfExists(csv);
        }
        // DynamoDB Local leaves a non-daemon thread (its shard roll-over job) that would keep the JVM up for minutes.
        System.exit(0);
    }

    /** The file: new enterprises with six figures each; every hundredth row's revenue is not an amount. */
    private static long write(Path csv, int rows) throws IOException {
        String[] regions = {"320505", "320506", "320507", "320508", "320571"};
        String[] industries = {"C3911", "C3921", "I6511", "M7320", "C2710"};
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("creditCode,name,registeredRegion,industryCode,employees@2025,revenue@2025,rdExpense@2025\r\n");
            for (int i = 0; i < rows; i++) {
                String code = CreditCode.complete(String.format("91320505MA7B%05X", i)).value();
                out.write(code + ",苏州批量导入" + i + "号科技有限公司," + regions[i % 5] + "," + industries[i % 5] + ","
                        + (10 + i % 300) + "," + (i % 100 == 99 ? "一百万" : (1_000_000 + i * 37L) + ".00") + ","
                        + (50_000 + i * 3L) + ".00\r\n");
            }
        }
        return Files.size(csv);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
