package com.huiqi.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small client of the platform's HTTP API, as a mini-program would use it: log in, then call
 * routes with the ID token. Used by the demo seed and the test suites.
 */
public final class ApiClient {

    /**
     * One HTTP exchange: what was asked and what came back, for assertions and contract checks.
     * {@code body} is the answer as UTF-8 text, {@code bytes} exactly as received (images).
     */
    public record Exchange(String method, String path, int status, Map<String, String> headers, String contentType,
                           String body, JsonNode json, byte[] bytes) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = Json.newMapper();
    private final URI base;

    public ApiClient(String baseUrl) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    }

    /** Logs in through the local stack's login endpoint (Cognito USER_PASSWORD_AUTH); returns the ID token. */
    public String login(String username, String password) {
        Exchange e = send("POST", "/local/login", null, Map.of("username", username, "password", password));
        if (e.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + e.status() + " " + e.body());
        }
        return e.json().get("idToken").asText();
    }

    public Exchange get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Exchange post(String path, String token, Object body) {
        return send("POST", path, token, body);
    }

    public Exchange put(String path, String token, Object body) {
        return send("PUT", path, token, body);
    }

    public Exchange send(String method, String path, String token, Object body) {
        String raw = null;
        if (body != null) {
            try {
                raw = body instanceof String s ? s : mapper.writeValueAsString(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sendRaw(method, path, token, raw, raw == null ? null : "application/json");
    }

    /** Sends a body exactly as given, with the given content type: for malformed-input tests. */
    public Exchange sendRaw(String method, String path, String token, String body, String contentType) {
        return sendBytes(method, path, token, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    /** Sends bytes as they are, such as an image upload. */
    public Exchange sendBytes(String method, String path, String token, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String contentTypeOut = response.headers().firstValue("content-type").orElse(null);
            String text = new String(response.body(), StandardCharsets.UTF_8);
            JsonNode json = null;
            if (!text.isBlank() && contentTypeOut != null && contentTypeOut.contains("json")) {
                json = mapper.readTree(text);
            }
            Map<String, String> headers = new TreeMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            return new Exchange(method, path, response.statusCode(), headers, contentTypeOut, text, json, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
