package com.huiqi.local.gateway;

import java.util.List;
import java.util.Locale;

/**
 * One route of the HTTP API: an {@code HttpApi} event of a function in template.yaml.
 *
 * @param method     upper-case HTTP method, or {@code ANY}
 * @param path       the path template, e.g. {@code /platform/tenants/{tenantId}}; {@code $default}
 *                   for the catch-all route
 * @param function   the logical id of the function that serves it
 * @param authorized false when the event sets {@code Auth.Authorizer: NONE}
 */
public record HttpApiRoute(String method, String path, String function, boolean authorized) {

    public static final String ANY = "ANY";
    public static final String DEFAULT_ROUTE = "$default";

    public HttpApiRoute {
        method = method.toUpperCase(Locale.ROOT);
    }

    /** API Gateway's route key as it appears in the event, e.g. {@code GET /me}. */
    public String routeKey() {
        return isDefault() ? DEFAULT_ROUTE : method + " " + path;
    }

    public boolean isDefault() {
        return DEFAULT_ROUTE.equals(path);
    }

    /** The path split at "/", without the empty segment before the leading slash. */
    List<String> segments() {
        return PathSegments.split(path);
    }
}
