package com.huiqi.local.gateway;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.huiqi.local.events.EventSourceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of template.yaml (AWS SAM) that define the HTTP API: each
 * {@code AWS::Serverless::Function} with its handler and code folder, its {@code HttpApi}
 * events, its {@code Schedule} and {@code DynamoDB} events, and the {@code CorsConfiguration} of the {@code AWS::Serverless::HttpApi}. Reading the template itself, rather than a second route list, is what keeps the local
 * gateway and the deployed API the same.
 *
 * <p>CloudFormation's short-form tags ({@code !Ref X}, {@code !GetAtt A.B}, {@code !Sub ...}) are
 * not standard YAML types; Jackson's YAML parser drops the tag and keeps the value (a string, or a
 * list for {@code !Sub [..]}), which is harmless for the properties read here.
 */
public final class SamTemplate {

    private static final String FUNCTION_TYPE = "AWS::Serverless::Function";
    private static final String HTTP_API_EVENT = "HttpApi";
    private static final String SCHEDULE_EVENT = "Schedule";
    private static final String DYNAMODB_EVENT = "DynamoDB";
    /** Lambda's default batch size for DynamoDB streams. */
    private static final int DEFAULT_STREAM_BATCH = 100;
    /**
     * Lambda retries a failing stream batch until the records expire (-1); locally a batch that
     * keeps failing is retried this many times and then skipped, with the error in the log.
     */
    private static final int LOCAL_STREAM_RETRIES = 2;
    /** SAM's defaults for a function that sets neither Timeout nor MemorySize. */
    private static final int DEFAULT_TIMEOUT_SECONDS = 3;
    private static final int DEFAULT_MEMORY_MB = 128;

    private static final String HTTP_API_TYPE = "AWS::Serverless::HttpApi";

    private final List<FunctionSpec> functions;
    private final List<HttpApiRoute> routes;
    private final List<EventSourceSpec> eventSources;
    private final CorsConfiguration cors;

    private SamTemplate(List<FunctionSpec> functions, List<HttpApiRoute> routes, List<EventSourceSpec> eventSources,
                        CorsConfiguration cors) {
        this.functions = List.copyOf(functions);
        this.routes = List.copyOf(routes);
        this.eventSources = List.copyOf(eventSources);
        this.cors = cors;
    }

    public static SamTemplate read(Path file) {
        try {
            // A key given twice (two resources of one name after a merge) is an error, not "the last one wins".
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            return parse(yaml.readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SAM template " + file, e);
        }
    }

    static SamTemplate parse(JsonNode root) {
        JsonNode globals = root.path("Globals").path("Function");
        List<FunctionSpec> functions = new ArrayList<>();
        List<HttpApiRoute> routes = new ArrayList<>();
        List<EventSourceSpec> eventSources = new ArrayList<>();
        CorsConfiguration cors = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            JsonNode corsConfiguration = resource.getValue().path("Properties").path("CorsConfiguration");
            if (HTTP_API_TYPE.equals(resource.getValue().path("Type").asText()) && corsConfiguration.isObject()) {
                cors = CorsConfiguration.from(corsConfiguration);
            }
            if (!FUNCTION_TYPE.equals(resource.getValue().path("Type").asText())) {
                continue;
            }
            String name = resource.getKey();
            JsonNode properties = resource.getValue().path("Properties");
            String handler = text(properties, globals, "Handler");
            String codeUri = text(properties, globals, "CodeUri");
            if (handler == null || codeUri == null) {
                throw new IllegalArgumentException("function " + name + " needs Handler and CodeUri in template.yaml");
            }
            functions.add(FunctionSpec.of(name, handler, codeUri,
                    number(properties, globals, "Timeout", DEFAULT_TIMEOUT_SECONDS),
                    number(properties, globals, "MemorySize", DEFAULT_MEMORY_MB)));
            for (Iterator<Map.Entry<String, JsonNode>> events = properties.path("Events").fields(); events.hasNext(); ) {
                Map.Entry<String, JsonNode> named = events.next();
                JsonNode event = named.getValue();
                JsonNode eventProperties = event.path("Properties");
                switch (event.path("Type").asText()) {
                    case HTTP_API_EVENT -> routes.add(route(name, eventProperties));
                    case SCHEDULE_EVENT -> eventSources.add(EventSourceSpec.Schedule.of(name, named.getKey(),
                            eventProperties.path("Schedule").asText(null)));
                    case DYNAMODB_EVENT -> eventSources.add(stream(name, named.getKey(), eventProperties));
                    default -> {
                        // other event types are not delivered locally
                    }
                }
            }
        }
        return new SamTemplate(functions, routes, eventSources, cors);
    }

    /**
     * {@code Stream: !GetAtt DataTable.StreamArn} reads as {@code "DataTable.StreamArn"} once the
     * tag is dropped; the filter patterns are JSON strings, as CloudFormation takes them.
     */
    private static EventSourceSpec.Stream stream(String function, String event, JsonNode properties) {
        String stream = properties.path("Stream").asText("");
        if (!stream.endsWith(".StreamArn")) {
            throw new IllegalArgumentException("event " + function + "." + event
                    + ": Stream must be !GetAtt <Table>.StreamArn, not " + stream);
        }
        List<JsonNode> patterns = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (JsonNode filter : properties.path("FilterCriteria").path("Filters")) {
            try {
                patterns.add(json.readTree(filter.path("Pattern").asText()));
            } catch (IOException e) {
                throw new IllegalArgumentException("event " + function + "." + event + ": filter pattern is not JSON", e);
            }
        }
        int retries = properties.path("MaximumRetryAttempts").asInt(-1);
        return new EventSourceSpec.Stream(function, event, stream.substring(0, stream.length() - ".StreamArn".length()),
                properties.path("BatchSize").asInt(DEFAULT_STREAM_BATCH),
                Duration.ofSeconds(properties.path("MaximumBatchingWindowInSeconds").asInt(0)), patterns,
                retries < 0 ? LOCAL_STREAM_RETRIES : retries);
    }

    public List<FunctionSpec> functions() {
        return functions;
    }

    public List<HttpApiRoute> routes() {
        return routes;
    }

    /** The schedules and streams that trigger functions. */
    public List<EventSourceSpec> eventSources() {
        return eventSources;
    }

    /** The HTTP API's CORS configuration, if it has one. */
    Optional<CorsConfiguration> cors() {
        return Optional.ofNullable(cors);
    }

    /** An HttpApi event without Path and Method is SAM's way of declaring the {@code $default} route. */
    private static HttpApiRoute route(String function, JsonNode event) {
        String path = event.path("Path").asText(HttpApiRoute.DEFAULT_ROUTE);
        String method = event.path("Method").asText(HttpApiRoute.ANY);
        boolean authorized = !"NONE".equals(event.path("Auth").path("Authorizer").asText());
        return new HttpApiRoute(method, path, function, authorized);
    }

    private static String text(JsonNode properties, JsonNode globals, String field) {
        JsonNode value = properties.hasNonNull(field) ? properties.get(field) : globals.get(field);
        return value == null || !value.isValueNode() ? null : value.asText();
    }

    private static int number(JsonNode properties, JsonNode globals, String field, int fallback) {
        JsonNode value = properties.hasNonNull(field) ? properties.get(field) : globals.get(field);
        return value != null && value.canConvertToInt() ? value.asInt() : fallback;
    }
}
