package com.huiqi.local;

import java.nio.file.Files;
import java.nio.file.Path;
import com.huiqi.local.demo.DemoData;
import com.huiqi.local.demo.DemoSeed;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * One command for the whole system: {@code infra/local/run.sh [--port 8080] [--data-dir <path>]}.
 * Starts the {@link LocalStack}, prints how to call it, and stops everything on Ctrl-C.
 */
public final class LocalStackMain {

    /** Where the repository is, when not started from inside it; run.sh sets it. */
    static final String REPO_ROOT_PROPERTY = "huiqi.repoRoot";

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalStackConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: infra/local/run.sh [--port 8080] [--data-dir <path>] [--repo-root <path>]");
            System.exit(args.length > 0 && (args[0].equals("-h") || args[0].equals("--help")) ? 0 : 2);
            return;
        }
        LocalStack stack;
        try {
            stack = LocalStack.start(config);
        } catch (RuntimeException e) {
            System.err.println("The local stack did not start: " + e.getMessage());
            e.printStackTrace(System.err);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            new Console("local-stack").info("stopping");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));

        // Demo tenants, seeded through the API itself; on a persisted data dir what exists is kept.
        List<String> demoAccounts = new DemoSeed(stack.gatewayUrl(), stack.cognitoEndpoint(), stack.userPoolId(), stack.dynamoEndpoint()).run();

        stack.printBanner();
        System.out.println("  Demo centers: sip (苏州工业园区企业服务中心), wenzhou (温州市企业服务中心)");
        System.out.println("  Demo accounts (password " + DemoData.PASSWORD + "): " + String.join(", ", demoAccounts));
        System.out.println();
        stopped.await();
    }

    static LocalStackConfig parse(String[] args) {
        int port = 8080;
        Path dataDir = null;
        Path repoRoot = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> port = parsePort(value(args, ++i, arg));
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
                case "--repo-root" -> repoRoot = Path.of(value(args, ++i, arg));
                case "-h", "--help" -> throw new IllegalArgumentException("Starts the platform locally.");
                default -> throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        return new LocalStackConfig(repoRoot != null ? repoRoot : findRepoRoot(), port, dataDir, false);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number, was " + value);
        }
    }

    /** The -D property, else the nearest folder upwards from here that holds infra/local-stack. */
    static Path findRepoRoot() {
        String configured = System.getProperty(REPO_ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("infra/local-stack/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalArgumentException("cannot find the repository root; pass --repo-root or -D"
                + REPO_ROOT_PROPERTY);
    }
}
