package com.huiqi.local.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns what a function returned into the HTTP response, as API Gateway does for payload format
 * 2.0: an object with {@code statusCode} gives status, headers, cookies and body (base64-decoded
 * when {@code isBase64Encoded}); any other JSON is sent as a 200 application/json body.
 */
final class LambdaResponses {

    private final ObjectMapper json;

    LambdaResponses(ObjectMapper json) {
        this.json = json;
    }

    GatewayResponse toHttp(String output) throws JsonProcessingException {
        JsonNode node = json.readTree(output);
        if (node == null || !node.isObject() || !node.has("statusCode")) {
            return GatewayResponse.json(200, output);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        node.path("headers").fields().forEachRemaining(header -> headers
                .computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(header.getValue().asText()));
        node.path("cookies").elements().forEachRemaining(cookie -> headers
                .computeIfAbsent("set-cookie", k -> new ArrayList<>()).add(cookie.asText()));
        byte[] body = new byte[0];
        JsonNode bodyNode = node.get("body");
        if (bodyNode != null && !bodyNode.isNull()) {
            String text = bodyNode.isTextual() ? bodyNode.asText() : bodyNode.toString();
            body = node.path("isBase64Encoded").asBoolean(false)
                    ? Base64.getDecoder().decode(text)
                    : text.getBytes(StandardCharsets.UTF_8);
        }
        return new GatewayResponse(node.get("statusCode").asInt(), headers, body);
    }
}
