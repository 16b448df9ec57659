package com.huiqi.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Route selection as API Gateway HTTP APIs document it ("Routing API requests"). */
class RouteMatcherTest {

    private static HttpApiRoute route(String method, String path) {
        return new HttpApiRoute(method, path, "Fn " + method + " " + path, true);
    }

    /** The example of the API Gateway guide, plus a few of ours. */
    private final RouteMatcher matcher = new RouteMatcher(List.of(
            route("GET", "/pets/dog/1"),
            route("GET", "/pets/dog/{id}"),
            route("GET", "/pets/{proxy+}"),
            route("ANY", "/{proxy+}"),
            route("GET", "/me"),
            route("POST", "/platform/tenants"),
            route("GET", "/platform/tenants/{tenantId}"),
            route("ANY", "/platform/tenants/{tenantId}"),
            route("GET", "/platform/tenants/{tenantId}/users/{username}")));

    private String chosen(String method, String path) {
        return matcher.match(method, path).map(m -> m.route().routeKey()).orElse("404");
    }

    @Test
    void literalBeatsVariableBeatsGreedy() {
        assertEquals("GET /pets/dog/1", chosen("GET", "/pets/dog/1"));
        assertEquals("GET /pets/dog/{id}", chosen("GET", "/pets/dog/2"));
        assertEquals("GET /pets/{proxy+}", chosen("GET", "/pets/cat/1"));
        assertEquals("ANY /{proxy+}", chosen("POST", "/pets/dog/1"));
    }

    @Test
    void namedMethodBeatsAny() {
        assertEquals("GET /platform/tenants/{tenantId}", chosen("GET", "/platform/tenants/sip"));
        assertEquals("ANY /platform/tenants/{tenantId}", chosen("DELETE", "/platform/tenants/sip"));
    }

    @Test
    void pathParametersAreDecodedAndGreedyTakesTheRest() {
        RouteMatcher.Match match = matcher.match("GET", "/platform/tenants/sip/users/%E5%91%A8%20m+n").orElseThrow();
        assertEquals(Map.of("tenantId", "sip", "username", "周 m+n"), match.pathParameters());
        assertEquals(Map.of("proxy", "cat/1/photos"), matcher.match("GET", "/pets/cat/1/photos").orElseThrow()
                .pathParameters());
    }

    @Test
    void variablesMatchExactlyOneNonEmptySegment() {
        RouteMatcher strict = new RouteMatcher(List.of(route("GET", "/platform/tenants/{tenantId}")));
        assertTrue(strict.match("GET", "/platform/tenants/").isEmpty());
        assertTrue(strict.match("GET", "/platform/tenants/a/b").isEmpty());
        assertTrue(strict.match("GET", "/platform/tenants").isEmpty());
    }

    @Test
    void greedyNeedsAtLeastOneSegment() {
        RouteMatcher greedy = new RouteMatcher(List.of(route("GET", "/files/{path+}")));
        assertTrue(greedy.match("GET", "/files").isEmpty());
        assertEquals("a", greedy.match("GET", "/files/a").orElseThrow().pathParameters().get("path"));
    }

    @Test
    void noMatchIsEmptyAndMethodsMatter() {
        RouteMatcher exact = new RouteMatcher(List.of(route("GET", "/me"), route("POST", "/platform/tenants")));
        assertEquals(Optional.empty(), exact.match("POST", "/me"));
        assertEquals(Optional.empty(), exact.match("GET", "/platform/tenants"));
        assertEquals(Optional.empty(), exact.match("GET", "/ME"));
        assertEquals(Optional.empty(), exact.match("GET", "/me/"));
        assertEquals("GET /me", exact.match("get", "/me").orElseThrow().route().routeKey());
    }

    @Test
    void defaultRouteCatchesWhatNothingElseMatches() {
        RouteMatcher withDefault = new RouteMatcher(List.of(route("GET", "/me"),
                new HttpApiRoute("ANY", HttpApiRoute.DEFAULT_ROUTE, "Fallback", true)));
        assertEquals("$default", withDefault.match("PUT", "/anything/at/all").orElseThrow().route().routeKey());
        assertEquals("GET /me", withDefault.match("GET", "/me").orElseThrow().route().routeKey());
    }
}
