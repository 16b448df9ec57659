package com.huiqi.local.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the gateway sends back: status, headers (a name may repeat, e.g. set-cookie) and body. */
public record GatewayResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public static GatewayResponse json(int status, String json) {
        return new GatewayResponse(status, headersOf("content-type", "application/json"),
                json.getBytes(StandardCharsets.UTF_8));
    }

    /** API Gateway's own error bodies: {@code {"message":"Unauthorized"}} and friends. */
    public static GatewayResponse message(int status, String message) {
        return json(status, "{\"message\":\"" + message + "\"}");
    }

    static GatewayResponse unauthorized() {
        GatewayResponse response = message(401, "Unauthorized");
        response.headers().put("www-authenticate", List.of("Bearer"));
        return response;
    }

    private static Map<String, List<String>> headersOf(String name, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put(name, new ArrayList<>(List.of(value)));
        return headers;
    }
}
