package com.huiqi.local;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * S3Proxy (Maven Central {@code org.gaul:s3proxy}), an S3 API server, keeping buckets as folders
 * under {@code <workDir>/buckets}, on its own JVM.
 *
 * <p>Why S3Proxy: it handles what SDK v2 sends by default, including {@code aws-chunked} uploads
 * with trailing CRC32 checksums (SDK 2.30+), and accepts any credentials. s3rver (npm) stores
 * such uploads with the chunk signatures inside the object, so GetObject returns different bytes
 * than PutObject sent. Why a child JVM: S3Proxy brings its own AWS SDK, Jackson 3 and cloud
 * clients, which would clash with the functions' versions on one class path.
 */
final class S3ProxyServer implements AutoCloseable {

    /** Overrides where the server jar is, e.g. {@code -Dhuiqi.s3proxy.jar=/opt/s3proxy.jar}. */
    static final String JAR_PROPERTY = "huiqi.s3proxy.jar";
    /** Where this module's build copies {@code s3proxy-<version>-jar-with-dependencies.jar}. */
    static final String BUILT_JAR = "infra/local-stack/target/s3proxy/s3proxy.jar";

    private final ChildProcess process;
    private final int port;

    private S3ProxyServer(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static S3ProxyServer start(Path repoRoot, Path workDir) throws IOException {
        int port = FreePorts.pick();
        Path buckets = Files.createDirectories(workDir.resolve("buckets"));
        Path properties = workDir.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                // Like the other local servers: any credentials are accepted, none are checked.
                "s3proxy.authorization=none",
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + buckets,
                ""), StandardCharsets.UTF_8);
        ChildProcess process = ChildProcess.startJava("s3proxy", jar(repoRoot), "org.gaul.s3proxy.Main",
                List.of("--properties", properties.toString()), workDir);
        S3ProxyServer server = new S3ProxyServer(process, port);
        process.awaitAnswering(server.endpoint());
        return server;
    }

    /**
     * An IP address, not "localhost": with an IP endpoint the SDK addresses buckets path-style
     * ({@code http://127.0.0.1:port/bucket/key}) by itself, as there is no host name to prefix.
     */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    Path logFile() {
        return process.logFile();
    }

    @Override
    public void close() {
        process.close();
    }

    private static Path jar(Path repoRoot) {
        String configured = System.getProperty(JAR_PROPERTY);
        Path jar = configured != null ? Path.of(configured) : repoRoot.resolve(BUILT_JAR);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Proxy's jar is missing at " + jar + ". Build the local stack first: "
                    + "mvn -B -q -pl infra/local-stack -am package -DskipTests (infra/local/run.sh does this)");
        }
        return jar;
    }
}
