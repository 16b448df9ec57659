package com.huiqi.shared.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.huiqi.shared.error.ApiException;
import java.util.stream.Collectors;

/**
 * Reads client JSON into a record, turning every Jackson failure into a 400 problem that names
 * the field (prefixed with where the JSON sits in the request), and letting checks thrown by a
 * record's constructor through as they are.
 */
public final class JsonInput {

    private JsonInput() {
    }

    public static <T> T read(ObjectMapper mapper, String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw problem(e, "");
        }
    }

    public static <T> T convert(ObjectMapper mapper, JsonNode json, Class<T> type, String fieldPrefix) {
        if (json == null || json.isNull() || !json.isObject()) {
            throw ApiException.validation(fieldPrefix, "“" + fieldPrefix + "”须为JSON对象", fieldPrefix + " must be a JSON object");
        }
        try {
            return mapper.treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw problem(e, fieldPrefix);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonProcessingException jpe) {
                throw problem(jpe, fieldPrefix);
            }
            throw e;
        }
    }

    private static ApiException problem(JsonProcessingException e, String prefix) {
        if (e instanceof ValueInstantiationException vie && vie.getCause() instanceof ApiException api) {
            return api;
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String field = join(prefix, fieldOf(u));
            return ApiException.badRequest("UNKNOWN_FIELD", "不支持的字段：" + field, "Unknown field: " + field, field);
        }
        if (e instanceof MismatchedInputException || e instanceof ValueInstantiationException) {
            String field = join(prefix, fieldOf((JsonMappingException) e));
            return ApiException.badRequest("INVALID_FIELD", "字段格式不正确" + (field == null ? "" : "：" + field),
                    "Invalid value" + (field == null ? "" : " for " + field), field);
        }
        return ApiException.badRequest("MALFORMED_JSON", "请求体不是有效的JSON", "The request body is not valid JSON", null);
    }

    private static String join(String prefix, String field) {
        if (prefix == null || prefix.isEmpty()) {
            return field;
        }
        return field == null ? prefix : prefix + (field.startsWith("[") ? "" : ".") + field;
    }

    private static String fieldOf(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? null : path;
    }
}
