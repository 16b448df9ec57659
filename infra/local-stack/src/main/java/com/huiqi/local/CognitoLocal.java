package com.huiqi.local;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * cognito-local (npm), a real implementation of the Cognito user pool API, as a child process. It
 * keeps its pools, clients and users in {@code <workDir>/.cognito/db/*.json}, so a persistent
 * data dir keeps every user between runs.
 */
final class CognitoLocal implements AutoCloseable {

    static final String PACKAGE_DIR = "infra/cognito-local";
    /** The package's bin ("cognito-local": "lib/bin/start.js"), below node_modules. */
    static final String START_SCRIPT = "cognito-local/lib/bin/start.js";

    private final ChildProcess service;
    private final int port;

    private CognitoLocal(ChildProcess service, int port) {
        this.service = service;
        this.port = port;
    }

    static CognitoLocal start(Path repoRoot, Path workDir) throws IOException {
        int port = FreePorts.pick();
        writeConfig(workDir, port);
        ChildProcess service = ChildProcess.startNode("cognito-local", repoRoot.resolve(PACKAGE_DIR), START_SCRIPT, List.of(),
                workDir, Map.of("PORT", String.valueOf(port), "HOST", "127.0.0.1"));
        CognitoLocal cognito = new CognitoLocal(service, port);
        service.awaitAnswering(URI.create(cognito.endpoint() + "/health"));
        return cognito;
    }

    /** Where the SDK sends Cognito Identity Provider calls. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /**
     * The issuer of its tokens. Cognito's is {@code https://cognito-idp.<region>.amazonaws.com/<pool>};
     * cognito-local uses {@code <IssuerDomain>/<pool>}, and serves the pool's keys below it at
     * {@code /.well-known/jwks.json}, as Cognito does.
     */
    String issuer(String userPoolId) {
        return issuerDomain(port) + "/" + userPoolId;
    }

    Path logFile() {
        return service.logFile();
    }

    @Override
    public void close() {
        service.close();
    }

    private static String issuerDomain(int port) {
        return "http://localhost:" + port;
    }

    /**
     * cognito-local reads {@code .cognito/config.json} in its working directory. Its default issuer
     * is derived from HOST; we bind to 127.0.0.1 but want {@code http://localhost:<port>} in tokens.
     * Its default pool settings make e-mail the user name; ours are plain user names like Cognito's
     * own default, so that default is cleared.
     */
    private static void writeConfig(Path workDir, int port) throws IOException {
        Path configDir = workDir.resolve(".cognito");
        Files.createDirectories(configDir);
        String config = """
                {
                  "TokenConfig": { "IssuerDomain": "%s" },
                  "UserPoolDefaults": { "UsernameAttributes": [] }
                }
                """.formatted(issuerDomain(port));
        Files.writeString(configDir.resolve("config.json"), config, StandardCharsets.UTF_8);
    }
}
