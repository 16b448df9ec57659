package com.huiqi.tests.bench;

import com.huiqi.local.LocalStack;
import com.huiqi.local.LocalStackConfig;
import com.huiqi.local.demo.DemoSeed;
import com.huiqi.tests.support.TestStack;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Cold start per function: a fresh JVM (as a Lambda execution environment without SnapStart)
 * to the first response of the real handler, five times; then the warm latency of a tenant call
 * in the same JVM. The functions talk to a running local stack's DynamoDB Local, so the first
 * response includes the first real DynamoDB round trips (the tenant status check).
 *
 * <p>Run: {@code mvn -B -q -pl tests -am test-compile -DskipTests && mvn -B -q -pl tests exec:java
 * -Dexec.mainClass=com.huiqi.tests.bench.ColdStartBenchmark -Dexec.classpathScope=test} (see
 * docs/benchmarks.md). Extra JVM options for the children come from {@code -Dbench.jvmOptions}.
 */
public final class ColdStartBenchmark {

    private static final int RUNS = 5;
    private static final int WARM_ITERATIONS = 300;

    /** A function and the tenant call that measures it (a GET route without path parameters). */
    record Function(String name, String handler, String path) {
    }

    private static final List<Function> FUNCTIONS = List.of(
            new Function("tenants", "com.huiqi.tenants.TenantsFunction", "/me"),
            new Function("publish", "com.huiqi.publish.PublishFunction", "/applications/today"),
            new Function("enterprises", "com.huiqi.enterprises.EnterprisesFunction", "/enterprises"));

    public static void main(String[] args) throws Exception {
        Path repo = TestStack.repoRoot();
        String jvmOptions = System.getProperty("bench.jvmOptions", "").trim();
        try (LocalStack stack = LocalStack.start(LocalStackConfig.forTests(repo))) {
            new DemoSeed(stack.gatewayUrl(), stack.cognitoEndpoint(), stack.userPoolId(), stack.dynamoEndpoint()).run();
            for (Function f : FUNCTIONS) {
                List<Long> firsts = new ArrayList<>();
                List<String> phases = new ArrayList<>();
                List<String> warm = new ArrayList<>();
                for (int run = 0; run < RUNS; run++) {
                    String[] result = runChild(repo, f, jvmOptions);
                    firsts.add(Long.parseLong(result[0]));
                    warm.add(result[1]);
                    phases.add(result[2]);
                }
                List<Long> sorted = new ArrayList<>(firsts);
                Collections.sort(sorted);
                System.out.printf("%s: cold start (fresh JVM to first response) runs %s ms, median %d ms;"
                        + " phases JVM boot/handler construction/first invocation (ms): %s;"
                        + " warm GET %s median/p95 per run (µs): %s; JVM options: [%s]%n",
                        f.name(), firsts, sorted.get(RUNS / 2), phases, f.path(), warm, jvmOptions);
            }
        }
        System.exit(0);
    }

    private static String[] runChild(Path repo, Function f, String jvmOptions) throws Exception {
        String classpath = repo.resolve("functions/" + f.name() + "/target/lambda/lib") + File.separator + "*"
                + File.pathSeparator + repo.resolve("tests/target/test-classes");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (!jvmOptions.isEmpty()) {
            command.addAll(List.of(jvmOptions.split("\\s+")));
        }
        for (Map.Entry<Object, Object> p : System.getProperties().entrySet()) {
            String name = p.getKey().toString();
            if (name.startsWith("aws.") || name.startsWith("TABLE_") || name.equals("USER_POOL_ID")
                    || name.equals("ARCHIVE_BUCKET") || name.equals("S3_PATH_STYLE")
                    || name.equals("PERSONAL_DATA_LOCAL_KEY")) {
                command.add("-D" + name + "=" + p.getValue());
            }
        }
        command.addAll(List.of("-cp", classpath, FirstInvocation.class.getName(), f.handler(), "sip", "sip-staff",
                "staff", Integer.toString(WARM_ITERATIONS), f.path()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String first = null;
        String phases = null;
        String warm = null;
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                output.add(line);
                if (line.startsWith("FIRST ")) {
                    String[] parts = line.split(" ");
                    if (!parts[1].equals("200")) {
                        throw new IllegalStateException("first call answered " + parts[1] + ": " + output);
                    }
                    first = parts[2];
                    phases = parts[3];
                } else if (line.startsWith("WARM ")) {
                    String[] parts = line.split(" ");
                    warm = parts[1] + "/" + parts[2];
                }
            }
        }
        if (process.waitFor() != 0 || first == null || warm == null) {
            throw new IllegalStateException("benchmark child failed: " + String.join("\n", output));
        }
        return new String[] {first, warm, phases};
    }
}
