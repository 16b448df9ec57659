package com.huiqi.tests.bench;

import com.huiqi.local.demo.ApiClient.Exchange;
import com.huiqi.tests.support.TestStack;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the usage event costs a request, through the local stack on the demo tenants: the same
 * {@code GET /search} and the same {@code GET /catalogue/{kind}/{code}}, alternately as the
 * enterprise user (whose requests write a usage event beside the response) and as a reader whose
 * requests write none (staff for search, the auditor for the entry: both take the same code path
 * otherwise). The pairs alternate, so both sides see the same machine load, and the aggregator's
 * work on the stream runs during the measurement as it would beside real traffic on this stack.
 * Client-side times, median and p95, after a warm-up.
 *
 * <pre>java -cp "$CP" $NATIVE com.huiqi.tests.bench.UsageWriteBenchmark [rounds]</pre>
 */
public final class UsageWriteBenchmark {

    private UsageWriteBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        TestStack stack = TestStack.get();
        String search = "/search?q=" + URLEncoder.encode("研发费用 加计扣除", StandardCharsets.UTF_8) + "&region=320571";
        String entry = "/catalogue/products/P3205IP00145";
        String enterprise = stack.token("sip-ent");
        String staff = stack.token("sip-staff");
        String auditor = stack.token("sip-auditor");
        for (int i = 0; i < 50; i++) {
            time(stack, search, enterprise);
            time(stack, search, staff);
            time(stack, entry, enterprise);
            time(stack, entry, auditor);
        }
        List<Long> searchWith = new ArrayList<>();
        List<Long> searchWithout = new ArrayList<>();
        List<Long> viewWith = new ArrayList<>();
        List<Long> viewWithout = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            // Alternate which side goes first, so neither always follows the other's stream work.
            if (i % 2 == 0) {
                searchWith.add(time(stack, search, enterprise));
                searchWithout.add(time(stack, search, staff));
                viewWith.add(time(stack, entry, enterprise));
                viewWithout.add(time(stack, entry, auditor));
            } else {
                searchWithout.add(time(stack, search, staff));
                searchWith.add(time(stack, search, enterprise));
                viewWithout.add(time(stack, entry, auditor));
                viewWith.add(time(stack, entry, enterprise));
            }
        }
        System.out.printf("rounds %d%n", rounds);
        report("GET /search, enterprise (usage event)", searchWith);
        report("GET /search, staff (no event)", searchWithout);
        report("GET /catalogue/products/P3205IP00145, enterprise (usage event)", viewWith);
        report("GET /catalogue/products/P3205IP00145, auditor (no event)", viewWithout);
        stack.stack().close();
        System.exit(0);
    }

    private static long time(TestStack stack, String path, String token) {
        long start = System.nanoTime();
        Exchange e = stack.rawClient().send("GET", path, token, null);
        long micros = (System.nanoTime() - start) / 1_000;
        if (e.status() != 200) {
            throw new IllegalStateException(path + " answered " + e.status() + ": " + e.body());
        }
        return micros;
    }

    private static void report(String what, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("%-70s median %6.1f ms  p95 %6.1f ms%n", what, sorted.get(sorted.size() / 2) / 1000.0,
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1) / 1000.0);
    }
}
