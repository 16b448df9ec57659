package com.huiqi.local.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP API's JWT authorizer as configured for Cognito: the token comes as
 * {@code Authorization: Bearer <jwt>}, is signed with RS256 by a key of the issuer's JWKS
 * ({@code <issuer>/.well-known/jwks.json}), and its claims must pass API Gateway's checks:
 * {@code iss} is the issuer; {@code aud} names the app client, or, when a token has no {@code aud}
 * (Cognito access tokens), {@code client_id} does; {@code exp} is in the future; {@code nbf} and
 * {@code iat}, when present, are not.
 */
public final class JwtAuthorizer {

    private static final String BEARER = "Bearer ";

    private final String issuer;
    private final List<String> audiences;
    private final Clock clock;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public JwtAuthorizer(String issuer, List<String> audiences, Clock clock) {
        this.issuer = issuer;
        this.audiences = List.copyOf(audiences);
        this.clock = clock;
        JWKSource<SecurityContext> keys;
        try {
            // Cached and rate-limited like API Gateway's own key fetching.
            keys = JWKSourceBuilder.create(URI.create(issuer + "/.well-known/jwks.json").toURL()).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("bad issuer " + issuer, e);
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier((claims, context) -> check(claims));
    }

    /** The verified claims, or empty when API Gateway would answer 401. */
    public Optional<JWTClaimsSet> authorize(String authorizationHeader) {
        if (authorizationHeader == null) {
            return Optional.empty();
        }
        String value = authorizationHeader.strip();
        // API Gateway takes the token after "Bearer "; the scheme is matched case-insensitively.
        String token = value.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? value.substring(BEARER.length()).strip()
                : value;
        if (token.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(processor.process(token, null));
        } catch (Exception rejected) {
            // Bad signature, unknown key, malformed token or failed claim check: all are 401.
            return Optional.empty();
        }
    }

    public String issuer() {
        return issuer;
    }

    private void check(JWTClaimsSet claims) throws BadJWTException {
        if (!issuer.equals(claims.getIssuer())) {
            throw new BadJWTException("issuer");
        }
        List<String> audience = claims.getAudience();
        boolean audienceMatches = audience.isEmpty()
                ? audiences.contains(stringClaim(claims, "client_id"))
                : audience.stream().anyMatch(audiences::contains);
        if (!audienceMatches) {
            throw new BadJWTException("audience");
        }
        Date now = Date.from(clock.instant());
        if (claims.getExpirationTime() == null || !claims.getExpirationTime().after(now)) {
            throw new BadJWTException("expired");
        }
        if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().after(now)) {
            throw new BadJWTException("not yet valid");
        }
        if (claims.getIssueTime() != null && claims.getIssueTime().after(now)) {
            throw new BadJWTException("issued in the future");
        }
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s ? s : null;
    }
}
