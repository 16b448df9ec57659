package com.huiqi.tests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.local.demo.ApiClient.Exchange;
import java.util.ArrayList;
import java.util.List;

/** Today's audit trail as an auditor reads it, every page: for tests that prove what changed, or that nothing did. */
public final class AuditTrail {

    private AuditTrail() {
    }

    /** Every record of today's trail at {@code path} ({@code /audit} or {@code /platform/audit}). */
    public static List<JsonNode> records(String path, String token) {
        TestStack stack = TestStack.get();
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            Exchange e = stack.call("GET", path + "?limit=100" + (cursor == null ? "" : "&cursor=" + cursor), token, null);
            if (e.status() != 200) {
                throw new AssertionError("GET " + path + " answered " + e.status() + ": " + e.body());
            }
            e.json().get("items").forEach(all::add);
            cursor = e.json().hasNonNull("nextCursor") ? e.json().get("nextCursor").asText() : null;
        } while (cursor != null);
        return all;
    }

    /** How many records the tenant of {@code auditor} has today. */
    public static int size(String auditor) {
        return records("/audit", TestStack.get().token(auditor)).size();
    }

    /** The tenant's records today of {@code action} on {@code entityId}. */
    public static List<JsonNode> of(String auditor, String action, String entityId) {
        return records("/audit", TestStack.get().token(auditor)).stream()
                .filter(r -> r.get("action").asText().equals(action) && r.get("entityId").asText().equals(entityId))
                .toList();
    }
}
