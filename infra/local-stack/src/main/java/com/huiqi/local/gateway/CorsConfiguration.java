package com.huiqi.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The HTTP API's {@code CorsConfiguration}, applied as API Gateway does: it answers preflight
 * requests ({@code OPTIONS} with {@code Access-Control-Request-Method}) itself, whatever the
 * routes, and puts the CORS headers on every response to an allowed origin, replacing any the
 * function set.
 */
record CorsConfiguration(List<String> allowOrigins, List<String> allowHeaders, List<String> allowMethods,
                         List<String> exposeHeaders, Integer maxAge, boolean allowCredentials) {

    static CorsConfiguration from(JsonNode cors) {
        return new CorsConfiguration(texts(cors.path("AllowOrigins")), texts(cors.path("AllowHeaders")),
                texts(cors.path("AllowMethods")), texts(cors.path("ExposeHeaders")),
                cors.path("MaxAge").canConvertToInt() ? cors.path("MaxAge").asInt() : null,
                cors.path("AllowCredentials").asBoolean(false));
    }

    static boolean isPreflight(GatewayRequest request) {
        return "OPTIONS".equals(request.method()) && request.header("origin") != null
                && request.header("access-control-request-method") != null;
    }

    GatewayResponse preflight(GatewayRequest request) {
        GatewayResponse response = new GatewayResponse(204, new java.util.LinkedHashMap<>(), new byte[0]);
        String origin = allowedOrigin(request.header("origin"));
        if (origin != null) {
            set(response, "access-control-allow-origin", origin);
            if (!allowMethods.isEmpty()) {
                set(response, "access-control-allow-methods", String.join(",", allowMethods));
            }
            if (!allowHeaders.isEmpty()) {
                set(response, "access-control-allow-headers", String.join(",", allowHeaders));
            }
            if (maxAge != null) {
                set(response, "access-control-max-age", String.valueOf(maxAge));
            }
            if (allowCredentials) {
                set(response, "access-control-allow-credentials", "true");
            }
        }
        return response;
    }

    void decorate(GatewayRequest request, GatewayResponse response) {
        response.headers().keySet().removeIf(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"));
        String origin = allowedOrigin(request.header("origin"));
        if (origin == null) {
            return;
        }
        set(response, "access-control-allow-origin", origin);
        if (!exposeHeaders.isEmpty()) {
            set(response, "access-control-expose-headers", String.join(",", exposeHeaders));
        }
        if (allowCredentials) {
            set(response, "access-control-allow-credentials", "true");
        }
    }

    /** The value of Access-Control-Allow-Origin for this origin, or null when it is not allowed. */
    private String allowedOrigin(String origin) {
        if (origin == null) {
            return null;
        }
        if (allowOrigins.contains("*")) {
            return "*";
        }
        return allowOrigins.stream().anyMatch(o -> o.equalsIgnoreCase(origin)) ? origin : null;
    }

    private static void set(GatewayResponse response, String name, String value) {
        response.headers().put(name, new ArrayList<>(List.of(value)));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(v -> values.add(v.asText()));
        } else if (array.isValueNode()) {
            values.add(array.asText());
        }
        return values;
    }
}
