package com.huiqi.shared.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The example rules shipped in {@code rules/examples/} (the API contract and the benchmark use them too). */
final class Examples {

    static final List<String> NAMES = List.of("high-tech-enterprise", "sme-innovation-award", "specialized-sme");

    private Examples() {
    }

    static String json(String name) {
        try (InputStream in = Examples.class.getResourceAsStream("/rules/examples/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("No example " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PolicyRule rule(String name) {
        return new RuleParser(AttributeCatalog.standard()).parse(json(name));
    }
}
