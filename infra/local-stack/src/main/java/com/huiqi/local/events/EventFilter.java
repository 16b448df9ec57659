package com.huiqi.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Lambda's event filtering for a stream record: a pattern is a JSON object whose leaves are
 * arrays of accepted values; a record matches when every field named by the pattern matches.
 * Supported leaf forms, the ones the template uses: exact strings or numbers,
 * {@code {"prefix": "..."}} and {@code {"exists": true|false}}. Anything else is refused when
 * the stack starts rather than matched wrongly.
 */
final class EventFilter {

    private EventFilter() {
    }

    static boolean matches(JsonNode pattern, JsonNode record) {
        for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode expected = field.getValue();
            JsonNode actual = record == null ? null : record.get(field.getKey());
            boolean ok = expected.isObject() ? actual != null && actual.isObject() && matches(expected, actual)
                    : leafMatches(expected, actual);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Fails on a pattern form this filter does not implement. */
    static void check(JsonNode pattern) {
        for (JsonNode value : pattern) {
            if (value.isObject()) {
                check(value);
            } else if (value.isArray()) {
                for (JsonNode accepted : value) {
                    if (accepted.isObject() && !(accepted.has("prefix") || accepted.has("exists"))) {
                        throw new IllegalArgumentException("unsupported filter pattern " + accepted);
                    }
                }
            } else {
                throw new IllegalArgumentException("a filter pattern's leaves are arrays, not " + value);
            }
        }
    }

    private static boolean leafMatches(JsonNode accepted, JsonNode actual) {
        for (JsonNode option : accepted) {
            if (option.has("exists")) {
                if (option.get("exists").asBoolean() == (actual != null)) {
                    return true;
                }
            } else if (actual != null && actual.isValueNode()) {
                if (option.has("prefix") ? actual.asText().startsWith(option.get("prefix").asText())
                        : option.isNumber() ? actual.isNumber() && actual.decimalValue().compareTo(option.decimalValue()) == 0
                        : option.asText().equals(actual.asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
