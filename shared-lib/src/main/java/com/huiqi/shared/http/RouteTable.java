package com.huiqi.shared.http;

import com.huiqi.shared.identity.Role;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The routes one function serves. */
public final class RouteTable {

    private final Map<String, Route> routes = new LinkedHashMap<>();

    public RouteTable add(String method, String path, Endpoint endpoint, Role first, Role... more) {
        return add(method, path, endpoint, EnumSet.of(first, more));
    }

    public RouteTable add(String method, String path, Endpoint endpoint, Set<Role> allowed) {
        Route route = new Route(method + " " + path, allowed, endpoint);
        if (routes.putIfAbsent(route.routeKey(), route) != null) {
            throw new IllegalArgumentException("duplicate route " + route.routeKey());
        }
        return this;
    }

    public Optional<Route> find(String routeKey) {
        return Optional.ofNullable(routes.get(routeKey));
    }

    public Map<String, Route> all() {
        return Collections.unmodifiableMap(routes);
    }
}
