package com.huiqi.shared.storage;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.tenancy.Keys;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque paging cursors: the last evaluated key, base64url-encoded. A cursor is checked against the
 * caller's tenant on the way back in, so a cursor can never be used to start reading another
 * tenant's partition.
 */
final class Cursor {

    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    private Cursor() {
    }

    static String encode(Map<String, AttributeValue> lastKey, ObjectMapper mapper) {
        if (lastKey == null || lastKey.isEmpty()) {
            return null;
        }
        Map<String, String> plain = new LinkedHashMap<>();
        lastKey.forEach((k, v) -> plain.put(k, v.s()));
        try {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mapper.writeValueAsBytes(plain));
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode cursor", e);
        }
    }

    static Map<String, AttributeValue> decode(String cursor, Keys keys, ObjectMapper mapper) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        Map<String, String> plain;
        try {
            plain = mapper.readValue(Base64.getUrlDecoder().decode(cursor), MAP);
        } catch (Exception e) {
            throw invalid();
        }
        if (plain == null || !keys.owns(plain.get(TableDefinition.PK))) {
            throw invalid();
        }
        for (Map.Entry<String, String> e : plain.entrySet()) {
            if (e.getKey().endsWith("pk") && !keys.owns(e.getValue())) {
                throw invalid();
            }
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        plain.forEach((k, v) -> key.put(k, AttributeValue.fromS(v)));
        return key;
    }

    private static ApiException invalid() {
        return ApiException.badRequest("INVALID_CURSOR", "分页游标无效", "The paging cursor is invalid", "cursor");
    }
}
