package com.huiqi.local.support;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Packages the test functions of {@code com.huiqi.local.fixture} the way a function module is
 * deployed: {@code <codeUri>/target/lambda/lib/} with the function's jar and its only runtime
 * dependencies, the Lambda core and events libraries. The gateway then loads them in isolation,
 * as it loads the real functions, not from the test class path.
 */
public final class FixtureFunctions {

    private static final String FIXTURE_PACKAGE = "com/huiqi/local/fixture/";
    private static final List<String> RUNTIME_JARS = List.of("aws-lambda-java-core-", "aws-lambda-java-events-",
            "joda-time-");

    private FixtureFunctions() {
    }

    /** @return the code folder to use as CodeUri */
    public static Path build(Path into) throws IOException, URISyntaxException {
        Path codeUri = into.resolve("fixture-function");
        Path lib = Files.createDirectories(codeUri.resolve("target/lambda/lib"));
        Path classes = Path.of(FixtureFunctions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (OutputStream file = Files.newOutputStream(lib.resolve("fixture-function.jar"));
             JarOutputStream jar = new JarOutputStream(file);
             Stream<Path> fixtureClasses = Files.walk(classes.resolve(FIXTURE_PACKAGE))) {
            for (Path c : fixtureClasses.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(FIXTURE_PACKAGE + c.getFileName()));
                jar.write(Files.readAllBytes(c));
                jar.closeEntry();
            }
        }
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (RUNTIME_JARS.stream().anyMatch(name::startsWith) && name.endsWith(".jar")) {
                Files.copy(Path.of(entry), lib.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return codeUri;
    }

    /** The test template with the fixture's code folder filled in. */
    public static Path template(Path into, Path codeUri) throws IOException {
        String template;
        try (var in = FixtureFunctions.class.getResourceAsStream("/test-template.yaml")) {
            template = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Path file = into.resolve("template.yaml");
        Files.writeString(file, template.replace("${FIXTURE_CODE_URI}", codeUri.toString()));
        return file;
    }

    public static Path repoRoot() {
        String configured = System.getProperty("huiqi.repoRoot");
        return (configured != null ? Path.of(configured) : Path.of("../..")).toAbsolutePath().normalize();
    }
}
