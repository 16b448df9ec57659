package com.huiqi.shared.identity;

import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.tenancy.TenantId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a {@link Caller} from the claims that the HTTP API's JWT authorizer puts in
 * {@code requestContext.authorizer.jwt.claims}. The authorizer has already checked signature,
 * issuer, audience and expiry; here we only refuse tokens that lack what our model requires.
 * API Gateway flattens array claims to strings such as {@code "[staff center-admin]"}.
 */
public final class TokenClaims {

    public static final String TENANT = "custom:tenant_id";
    public static final String ENTERPRISE = "custom:enterprise_code";
    public static final String GROUPS = "cognito:groups";
    public static final String USERNAME = "cognito:username";

    private TokenClaims() {
    }

    public static Caller toCaller(Map<String, String> claims) {
        if (claims == null || claims.get("sub") == null) {
            throw unauthorized();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : splitGroups(claims.get(GROUPS))) {
            Role.fromGroup(group).ifPresent(roles::add);
        }
        String tenantClaim = claims.get(TENANT);
        TenantId tenant;
        if (roles.contains(Role.PLATFORM_OPERATOR)) {
            tenant = TenantId.PLATFORM;
        } else if (tenantClaim == null || tenantClaim.isBlank()) {
            throw ApiException.forbidden("令牌未绑定租户", "The token is not bound to a tenant");
        } else {
            try {
                tenant = TenantId.of(tenantClaim);
            } catch (ApiException e) {
                throw ApiException.forbidden("令牌中的租户无效", "The token names an invalid tenant");
            }
        }
        Optional<String> enterprise = Optional.ofNullable(claims.get(ENTERPRISE)).filter(s -> !s.isBlank());
        String username = Optional.ofNullable(claims.get(USERNAME)).orElse(claims.get("username"));
        return new Caller(claims.get("sub"), username, tenant, roles, enterprise);
    }

    static Set<String> splitGroups(String raw) {
        if (raw == null || raw.isBlank()) {
            return Set.of();
        }
        String trimmed = raw.strip();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        return Arrays.stream(trimmed.replace(",", " ").split("\\s+"))
                .filter(s -> !s.isBlank())
                .collect(Collectors.toSet());
    }

    private static ApiException unauthorized() {
        return new ApiException(401, "UNAUTHENTICATED", "未登录或令牌无效", "Missing or invalid token");
    }
}
