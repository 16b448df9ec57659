package com.huiqi.shared.enterprise;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One figure to record: {@code value} null withdraws what the caller's own source said (the other
 * sources' values stay).
 *
 * @param year the fiscal year, for per-year fields only
 */
public record FactChange(String field, Integer year, JsonNode value) {

    public boolean withdraws() {
        return value == null || value.isNull();
    }
}
