package com.huiqi.local.gateway;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request as it reached the gateway, independent of the HTTP server that received it.
 *
 * @param headers header names as received (any case), each with its values in order
 */
public record GatewayRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                             byte[] body, InetSocketAddress remote, String protocol) {

    /** The first value of a header, its name compared case-insensitively. */
    public String header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst().orElse(null);
    }
}
