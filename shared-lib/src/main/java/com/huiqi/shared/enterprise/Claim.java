package com.huiqi.shared.enterprise;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One source's value of one figure, with when and by whom it was recorded.
 *
 * @param value      the canonical JSON value (see {@link FieldType})
 * @param sourceRef  what within the source: the import batch or the department, when known
 * @param recordedBy the user name of whoever recorded it (shown to the center, not to enterprises)
 */
public record Claim(JsonNode value, FactSource source, String sourceRef, Instant recordedAt, String recordedBy) {
}
