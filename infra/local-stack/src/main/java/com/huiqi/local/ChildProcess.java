package com.huiqi.local;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server the stack runs as a child process: cognito-local on Node.js, S3Proxy on its own JVM.
 * Its output goes to {@code <workDir>/<name>.log}. Whichever way this JVM ends, the child ends
 * too: {@link #close} stops it on a normal shutdown, and the child also exits when its standard
 * input closes, which the operating system does when this JVM dies, even by {@code kill -9}.
 * No orphaned server keeps a port after a crashed test run.
 */
final class ChildProcess implements AutoCloseable {

    /** Override the node binary, e.g. {@code -Dhuiqi.node=/opt/node/bin/node}. */
    static final String NODE_PROPERTY = "huiqi.node";

    /** Loaded into a Node.js child with {@code node -r}: exit when stdin closes. */
    private static final String NODE_EXIT_WITH_PARENT = """
            process.stdin.on('end', () => process.exit(0));
            process.stdin.on('error', () => process.exit(0));
            process.stdin.resume();
            """;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Runs the bin script of an npm package installed under {@code packageDir/node_modules}; run.sh
     * installs it with {@code npm ci}.
     */
    static ChildProcess startNode(String name, Path packageDir, String script, List<String> args, Path workDir,
                                  Map<String, String> env) throws IOException {
        Path entry = packageDir.resolve("node_modules").resolve(script);
        if (!Files.isRegularFile(entry)) {
            throw new IllegalStateException(name + " is not installed (" + entry + " is missing). Run: npm ci --prefix "
                    + packageDir + "   (infra/local/run.sh does this for you)");
        }
        Files.createDirectories(workDir);
        Path exitWithParent = workDir.resolve(".exit-with-parent.js");
        Files.writeString(exitWithParent, NODE_EXIT_WITH_PARENT, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(System.getProperty(NODE_PROPERTY, "node"),
                "-r", exitWithParent.toString(), entry.toString()));
        command.addAll(args);
        return start(name, command, workDir, env, "is Node.js installed and on PATH?");
    }

    /**
     * Runs {@code mainClass} from {@code jar} on a new JVM (this JVM's java), through
     * {@link ExitWithParent}. The JVM flags favour start-up time over peak speed.
     */
    static ChildProcess startJava(String name, Path jar, String mainClass, List<String> args, Path workDir)
            throws IOException {
        Files.createDirectories(workDir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = jar + File.pathSeparator + ownCodeLocation();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xmx256m", "-cp", classPath, ExitWithParent.class.getName(), mainClass));
        command.addAll(args);
        return start(name, command, workDir, Map.of(), "");
    }

    private static ChildProcess start(String name, List<String> command, Path workDir, Map<String, String> env,
                                      String hint) throws IOException {
        Path logFile = workDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        // stdin stays a pipe to us: its closing is the child's signal to exit.
        builder.environment().putAll(env);
        builder.environment().put("NO_COLOR", "1");
        try {
            return new ChildProcess(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + " (" + e.getMessage() + ") " + hint, e);
        }
    }

    /** Polls {@code url} until the server answers with any HTTP status, or fails with its log. */
    void awaitAnswering(URI url) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " during start-up. Its log (" + logFile + "):\n" + tailOfLog());
            }
            if (answers(url)) {
                return;
            }
            sleep(50);
        }
        throw new IllegalStateException(name + " did not answer at " + url + " within " + START_TIMEOUT.toSeconds()
                + " s. Its log (" + logFile + "):\n" + tailOfLog());
    }

    Path logFile() {
        return logFile;
    }

    /** Stops the server and anything it started. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                new Console(name).warn("did not stop within 3 s; killing it");
                tree.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static boolean answers(URI url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
            connection.setConnectTimeout(200);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() > 0;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** The jar or classes folder this class was loaded from, for {@link ExitWithParent}. */
    private static String ownCodeLocation() {
        try {
            return Path.of(ChildProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private String tailOfLog() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a child process", e);
        }
    }
}
