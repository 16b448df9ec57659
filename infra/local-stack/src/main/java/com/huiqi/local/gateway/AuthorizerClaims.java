package com.huiqi.local.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Claims as API Gateway hands them to the function in {@code requestContext.authorizer.jwt.claims}:
 * every value flattened to a string. Numbers become their decimal text, and arrays become
 * {@code [a b c]}, which is how {@code cognito:groups} arrives in Lambda.
 */
final class AuthorizerClaims {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuthorizerClaims() {
    }

    static Map<String, String> flatten(JWTClaimsSet claims) {
        Map<String, String> flat = new LinkedHashMap<>();
        // toJSONObject() keeps exp/iat/nbf as epoch seconds, as they were in the token.
        claims.toJSONObject().forEach((name, value) -> {
            if (value != null) {
                flat.put(name, flatten(value));
            }
        });
        return flat;
    }

    /** The {@code scope} claim of an access token, split; null when the token has none. */
    static List<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope");
        return scope instanceof String s && !s.isBlank() ? Arrays.asList(s.strip().split("\\s+")) : null;
    }

    private static String flatten(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(AuthorizerClaims::flatten).collect(Collectors.joining(" ", "[", "]"));
        }
        try {
            // Nested objects do not occur in Cognito tokens; JSON text at least keeps them readable.
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
