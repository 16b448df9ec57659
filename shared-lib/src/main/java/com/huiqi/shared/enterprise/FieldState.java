package com.huiqi.shared.enterprise;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every source's current value of one figure. The file's value is the claim of the source with the
 * highest precedence; the other claims are kept, not overwritten, so a reader can tell where the
 * figure came from and what else was said about it.
 */
public record FieldState(Map<FactSource, Claim> claims) {

    public FieldState {
        claims = claims.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(claims));
    }

    public static FieldState of(Claim claim) {
        return new FieldState(Map.of(claim.source(), claim));
    }

    public Optional<Claim> effective() {
        return claims.values().stream().max(Comparator.comparingInt(c -> c.source().precedence()));
    }

    public Optional<JsonNode> value() {
        return effective().map(Claim::value);
    }

    public Optional<Claim> claimOf(FactSource source) {
        return Optional.ofNullable(claims.get(source));
    }

    public FieldState with(Claim claim) {
        EnumMap<FactSource, Claim> next = new EnumMap<>(FactSource.class);
        next.putAll(claims);
        next.put(claim.source(), claim);
        return new FieldState(next);
    }

    public FieldState without(FactSource source) {
        EnumMap<FactSource, Claim> next = new EnumMap<>(FactSource.class);
        next.putAll(claims);
        next.remove(source);
        return new FieldState(next);
    }

    public boolean isEmpty() {
        return claims.isEmpty();
    }
}
