package com.huiqi.shared.http;

import java.util.Map;

/**
 * What an endpoint answers: a status, a body to serialise as JSON (or none, or {@link Binary}
 * bytes sent as they are) and extra headers.
 */
public record ApiResponse(int status, Object body, Map<String, String> headers) {

    /** A non-JSON body such as an image; API Gateway carries it base64-encoded. */
    public record Binary(String contentType, byte[] bytes) {
    }

    public static ApiResponse binary(String contentType, byte[] bytes, Map<String, String> headers) {
        return new ApiResponse(200, new Binary(contentType, bytes), headers);
    }

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, Map.of());
    }

    /** Accepted for asynchronous work; {@code location} is where to poll its progress. */
    public static ApiResponse accepted(Object body, String location) {
        return new ApiResponse(202, body, Map.of("location", location));
    }

    /** Done, nothing to say: a delete. */
    public static ApiResponse noContent() {
        return new ApiResponse(204, null, Map.of());
    }

    public static ApiResponse created(Object body, String location) {
        return new ApiResponse(201, body, Map.of("location", location));
    }
}
