package com.huiqi.shared.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * RFC 9457 problem details as served with {@code application/problem+json}. {@code title} is the
 * English summary, {@code detail} the Chinese one, so clients that only know RFC 9457 still show
 * something useful; {@code message} carries both explicitly.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        Message message,
        String field,
        List<?> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://huiqi.example/problems/";

    public record Message(String zh, String en) {
    }

    public static Problem of(int status, String code, String zh, String en, String field, String instance) {
        return of(status, code, zh, en, field, instance, null);
    }

    /** With {@code errors}: one entry per rejected part of the request, such as each bad row of an import. */
    public static Problem of(int status, String code, String zh, String en, String field, String instance,
                             List<?> errors) {
        return new Problem(TYPE_BASE + code.toLowerCase().replace('_', '-'), en, status, zh, instance,
                code, new Message(zh, en), field, errors == null || errors.isEmpty() ? null : List.copyOf(errors));
    }
}
