package com.huiqi.local.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the route for a request the way API Gateway HTTP APIs do: the most specific route
 * wins. A route without a greedy {@code {name+}} variable beats one with it; then, segment by
 * segment from the left, a literal beats {@code {name}}, which beats {@code {name+}}; a longer
 * greedy prefix beats a shorter one; a named method beats {@code ANY}; {@code $default} is last.
 */
public final class RouteMatcher {

    /** A chosen route and the values of its path variables. */
    public record Match(HttpApiRoute route, Map<String, String> pathParameters) {
    }

    private static final int LITERAL = 2;
    private static final int VARIABLE = 1;
    private static final int GREEDY = 0;

    private final List<HttpApiRoute> routes;

    public RouteMatcher(List<HttpApiRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    public Optional<Match> match(String method, String rawPath) {
        List<String> requestSegments = PathSegments.split(rawPath);
        return routes.stream()
                .filter(route -> !route.isDefault())
                .filter(route -> route.method().equals(HttpApiRoute.ANY) || route.method().equalsIgnoreCase(method))
                .filter(route -> matches(route.segments(), requestSegments))
                .max(SPECIFICITY)
                .map(route -> new Match(route, pathParameters(route.segments(), requestSegments)))
                .or(() -> routes.stream().filter(HttpApiRoute::isDefault).findFirst()
                        .map(route -> new Match(route, Map.of())));
    }

    private static boolean matches(List<String> template, List<String> request) {
        for (int i = 0; i < template.size(); i++) {
            String segment = template.get(i);
            if (PathSegments.isGreedy(segment)) {
                // Greedy is last and takes one or more segments.
                return i == template.size() - 1 && request.size() > i;
            }
            if (i >= request.size()) {
                return false;
            }
            if (PathSegments.isVariable(segment)) {
                if (request.get(i).isEmpty()) {
                    return false;
                }
            } else if (!segment.equals(request.get(i))) {
                return false;
            }
        }
        return template.size() == request.size();
    }

    private static Map<String, String> pathParameters(List<String> template, List<String> request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String segment = template.get(i);
            if (PathSegments.isGreedy(segment)) {
                parameters.put(PathSegments.variableName(segment),
                        decode(String.join("/", request.subList(i, request.size()))));
            } else if (PathSegments.isVariable(segment)) {
                parameters.put(PathSegments.variableName(segment), decode(request.get(i)));
            }
        }
        return parameters;
    }

    /** Percent-decoding only: a "+" in a path is a plus, not a space. */
    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static final Comparator<HttpApiRoute> SPECIFICITY = Comparator
            .comparing((HttpApiRoute route) -> !hasGreedy(route))
            .thenComparing(RouteMatcher::segmentKinds, RouteMatcher::compareKinds)
            .thenComparing(route -> !route.method().equals(HttpApiRoute.ANY));

    private static boolean hasGreedy(HttpApiRoute route) {
        return route.segments().stream().anyMatch(PathSegments::isGreedy);
    }

    private static int[] segmentKinds(HttpApiRoute route) {
        return route.segments().stream()
                .mapToInt(s -> PathSegments.isGreedy(s) ? GREEDY : PathSegments.isVariable(s) ? VARIABLE : LITERAL)
                .toArray();
    }

    /** Left to right, the more literal route wins; of two equal prefixes the longer one. */
    private static int compareKinds(int[] a, int[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return Integer.compare(a.length, b.length);
    }
}
