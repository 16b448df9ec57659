package com.huiqi.tests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.huiqi.local.demo.ApiClient.Exchange;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * frontend-contract/openapi.yaml as a checker of live responses: for each exchange it finds the
 * operation by method and path template, requires the status to be documented, and validates
 * the body against the documented schema (JSON Schema 2020-12, which OpenAPI 3.1 uses).
 */
public final class OpenApiContract {

    private static final String BASE = "https://huiqi.example/openapi.json";
    private static final String SCHEMAS_BASE = "https://huiqi.example/schemas/";

    public record Operation(String method, String pathTemplate, Pattern pattern, JsonNode node) {
    }

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();
    private final JsonSchemaFactory factory;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final Set<String> exercised = ConcurrentHashMap.newKeySet();

    public OpenApiContract(Path openapiYaml) {
        try {
            document = new ObjectMapper(new YAMLFactory()).readTree(openapiYaml.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String json = document.toString();
        // Schemas the document references by relative path (./schemas/...), at the URIs they resolve to.
        Map<String, String> documents = new java.util.HashMap<>(Map.of(BASE, json));
        Path schemas = openapiYaml.resolveSibling("schemas");
        for (String file : List.of("enterprise-profile.schema.json")) {
            try {
                documents.put(SCHEMAS_BASE + file, java.nio.file.Files.readString(schemas.resolve(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(documents)));
        Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        while (paths.hasNext()) {
            var path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                var m = methods.next();
                if (List.of("get", "post", "put", "delete", "patch").contains(m.getKey())) {
                    String regex = path.getKey().replaceAll("\\{[^}/]+}", "[^/]+");
                    operations.add(new Operation(m.getKey().toUpperCase(), path.getKey(), Pattern.compile(regex), m.getValue()));
                }
            }
        }
    }

    public List<Operation> operations() {
        return operations;
    }

    public JsonNode document() {
        return document;
    }

    public Optional<Operation> find(String method, String path) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return operations.stream()
                .filter(o -> o.method().equals(method) && o.pattern().matcher(bare).matches())
                // prefer literal segments over parameters, as API Gateway does
                .min((a, b) -> Long.compare(a.pathTemplate().chars().filter(c -> c == '{').count(),
                        b.pathTemplate().chars().filter(c -> c == '{').count()));
    }

    /** Returns the contract violations of one exchange (empty when it conforms). */
    public List<String> violations(Exchange e) {
        List<String> problems = new ArrayList<>();
        Optional<Operation> found = find(e.method(), e.path());
        if (found.isEmpty()) {
            problems.add("no operation in openapi.yaml for " + e.method() + " " + e.path());
            return problems;
        }
        Operation op = found.get();
        exercised.add(op.method() + " " + op.pathTemplate());
        String status = Integer.toString(e.status());
        JsonNode response = op.node().path("responses").get(status);
        String responsePointer = "/paths/" + escape(op.pathTemplate()) + "/" + op.method().toLowerCase()
                + "/responses/" + status;
        if (response == null) {
            problems.add(e.method() + " " + e.path() + " answered " + status + ", which the contract does not list: " + e.body());
            return problems;
        }
        if (response.has("$ref")) {
            responsePointer = response.get("$ref").asText().substring(1);
            response = document.at(responsePointer);
        }
        JsonNode content = response.get("content");
        if (content == null || content.isEmpty()) {
            if (e.body() != null && !e.body().isEmpty()) {
                problems.add(e.method() + " " + e.path() + " " + status + " has a body the contract does not describe");
            }
            return problems;
        }
        String mediaType = e.contentType() == null ? "" : e.contentType().split(";")[0].trim();
        if (!content.has(mediaType)) {
            problems.add(e.method() + " " + e.path() + " " + status + " content-type " + mediaType
                    + " is not one of " + iterable(content.fieldNames()));
            return problems;
        }
        if (!mediaType.contains("json")) {
            return problems; // images and other binary bodies: the media type is the contract
        }
        String pointer = responsePointer + "/content/" + escape(mediaType) + "/schema";
        JsonSchema schema = schemas.computeIfAbsent(pointer, p -> factory.getSchema(SchemaLocation.of(BASE + "#" + p)));
        for (ValidationMessage m : schema.validate(e.json())) {
            problems.add(e.method() + " " + e.path() + " " + status + ": " + m.getMessage());
        }
        return problems;
    }

    /** Operations no test has called yet. */
    public List<String> unexercised() {
        return operations.stream().map(o -> o.method() + " " + o.pathTemplate())
                .filter(k -> !exercised.contains(k)).sorted().toList();
    }

    private static String escape(String pointerPart) {
        return pointerPart.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
