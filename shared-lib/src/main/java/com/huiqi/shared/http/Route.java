package com.huiqi.shared.http;

import com.huiqi.shared.identity.Role;
import java.util.Set;

/**
 * One HTTP API route, keyed as API Gateway keys it ({@code "POST /platform/tenants"}), with the
 * roles allowed to call it. Declaring roles next to the route keeps the role matrix in one place,
 * where the tests read it too.
 */
public record Route(String routeKey, Set<Role> allowed, Endpoint endpoint) {

    public Route {
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("route " + routeKey + " allows no role");
        }
        allowed = Set.copyOf(allowed);
    }
}
