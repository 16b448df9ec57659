package com.huiqi.search.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.search.catalogue.PublishedEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The demo catalogue the local stack seeds (infra/local-stack), read as published entries. */
final class DemoCatalogue {

    private DemoCatalogue() {
    }

    static List<PublishedEntry> of(String tenant) {
        Path file = repoRoot().resolve("infra/local-stack/src/main/resources/demo/catalogue-" + tenant + ".json");
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readString(file));
            List<PublishedEntry> entries = new ArrayList<>();
            for (JsonNode e : root.get("entries")) {
                entries.add(new PublishedEntry(e.get("kind").asText(), e.get("code").asText(), "PUBLISHED", 1,
                        e.get("content")));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no template.yaml above the working directory");
    }
}
