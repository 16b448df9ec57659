package com.huiqi.local;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to start the {@link LocalStack}.
 *
 * @param repoRoot     the repository root: the built functions and the npm packages are found under it
 * @param gatewayPort  the local API gateway's port; 0 picks a free one (tests)
 * @param dataDir      where DynamoDB, cognito-local and the S3 server keep their data between runs;
 *                     null keeps everything in memory or in a temporary folder removed on close
 * @param printBanner  whether {@link LocalStack#start} prints the "how to call me" banner
 * @param templateFile the SAM template whose HTTP API the gateway serves; null for
 *                     {@code <repoRoot>/template.yaml} (tests pass one of their own)
 */
public record LocalStackConfig(Path repoRoot, int gatewayPort, Path dataDir, boolean printBanner, Path templateFile) {

    public LocalStackConfig {
        Objects.requireNonNull(repoRoot, "repoRoot");
        repoRoot = repoRoot.toAbsolutePath().normalize();
        dataDir = dataDir == null ? null : dataDir.toAbsolutePath().normalize();
        templateFile = templateFile == null ? repoRoot.resolve("template.yaml") : templateFile.toAbsolutePath().normalize();
        if (gatewayPort < 0 || gatewayPort > 65535) {
            throw new IllegalArgumentException("gatewayPort must be 0..65535, was " + gatewayPort);
        }
    }

    /** The repository's own template.yaml. */
    public LocalStackConfig(Path repoRoot, int gatewayPort, Path dataDir, boolean printBanner) {
        this(repoRoot, gatewayPort, dataDir, printBanner, null);
    }

    /** In memory, a free gateway port and no banner: what tests want. */
    public static LocalStackConfig forTests(Path repoRoot) {
        return new LocalStackConfig(repoRoot, 0, null, false);
    }

    public LocalStackConfig withTemplate(Path template) {
        return new LocalStackConfig(repoRoot, gatewayPort, dataDir, printBanner, template);
    }

    public boolean persistent() {
        return dataDir != null;
    }
}
