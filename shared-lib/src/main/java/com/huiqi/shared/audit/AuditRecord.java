package com.huiqi.shared.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One entry of the append-only audit trail (GB/T 22239 level 3: who did what, when, to what, and
 * what it was before and after).
 *
 * @param tenant     the tenant whose data changed ({@code platform} for the tenant registry)
 * @param actor      the Cognito user name of the caller
 * @param actorRoles the caller's roles at the time
 * @param action     a stable verb such as {@code tenant.suspend}
 * @param before     the entity before the change, absent for a creation
 * @param after      the entity after the change, absent for a deletion
 */
public record AuditRecord(
        String id,
        Instant at,
        String tenant,
        String actor,
        List<String> actorRoles,
        String action,
        String entityType,
        String entityId,
        JsonNode before,
        JsonNode after,
        String requestId) {
}
