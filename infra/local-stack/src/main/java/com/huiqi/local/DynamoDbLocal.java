package com.huiqi.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.huiqi.shared.storage.TableDefinition;
import com.huiqi.shared.storage.Tables;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Amazon's DynamoDB Local, run inside this JVM as an HTTP server on a loopback port, with every
 * table of {@link Tables#all()} created from the same definitions that template.yaml declares.
 */
final class DynamoDbLocal implements AutoCloseable {

    /** Set by run.sh and by Surefire; otherwise we look for the library ourselves. */
    static final String LIBRARY_PATH_PROPERTY = "sqlite4java.library.path";

    private static final Console LOG = new Console("dynamodb");

    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private DynamoDbLocal(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /**
     * @param dataDir null for an in-memory database, else the folder of the persistent one
     */
    static DynamoDbLocal start(Path repoRoot, Path dataDir) throws Exception {
        ensureSqliteLibraryPath(repoRoot);
        int port = FreePorts.pick();
        List<String> args = new ArrayList<>(List.of("-port", String.valueOf(port),
                // One database whatever the caller's credentials and region, so a developer's own
                // AWS profile cannot make the functions see a different, empty set of tables.
                "-sharedDb",
                // No phoning home from a developer machine or CI.
                "-disableTelemetry"));
        if (dataDir == null) {
            args.add("-inMemory");
        } else {
            Files.createDirectories(dataDir);
            args.addAll(List.of("-dbPath", dataDir.toString()));
        }
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
        server.start();
        return new DynamoDbLocal(server, port);
    }

    URI endpoint() {
        return endpoint;
    }

    /** Creates the tables that do not exist yet; a persisted database keeps its data. */
    List<String> createMissingTables(DynamoDbClient client) {
        Set<String> existing = Set.copyOf(client.listTables().tableNames());
        List<String> created = new ArrayList<>();
        for (TableDefinition table : Tables.all()) {
            String name = table.tableName();
            if (!existing.contains(name)) {
                client.createTable(table.toCreateTableRequest(name));
                created.add(name);
            }
        }
        return created;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("DynamoDB Local did not stop cleanly: " + e);
        }
    }

    /**
     * DynamoDB Local stores tables in SQLite through sqlite4java, whose native library must be on
     * {@code sqlite4java.library.path}. Maven puts the {@code .so} dependency on the class path
     * and this module's build copies it to {@code target/native}; either location will do.
     */
    private static void ensureSqliteLibraryPath(Path repoRoot) {
        String configured = System.getProperty(LIBRARY_PATH_PROPERTY);
        if (configured != null && containsSqliteLibrary(Path.of(configured))) {
            return;
        }
        List<Path> candidates = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (entry.contains("sqlite4java") && (entry.endsWith(".so") || entry.endsWith(".dylib")
                    || entry.endsWith(".dll"))) {
                candidates.add(Path.of(entry).getParent());
            }
        }
        candidates.add(repoRoot.resolve("infra/local-stack/target/native"));
        for (Path candidate : candidates) {
            if (candidate != null && containsSqliteLibrary(candidate)) {
                System.setProperty(LIBRARY_PATH_PROPERTY, candidate.toString());
                return;
            }
        }
        throw new IllegalStateException("sqlite4java's native library was not found (looked in "
                + (configured == null ? "" : configured + ", ") + candidates + "). Build the module first: "
                + "mvn -B -q -pl infra/local-stack -am package -DskipTests, or pass -D"
                + LIBRARY_PATH_PROPERTY + "=<folder with libsqlite4java-*.so>");
    }

    private static boolean containsSqliteLibrary(Path dir) {
        try (var files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().contains("sqlite4java"));
        } catch (Exception e) {
            return false;
        }
    }
}
