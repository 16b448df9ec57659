package com.huiqi.shared.error;

import com.fasterxml.jackson.annotation.JsonInclude;

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
        String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://huiqi.example/problems/";

    public record Message(String zh, String en) {
    }

    public static Problem of(int status, String code, String zh, String en, String field, String instance) {
        return new Problem(TYPE_BASE + code.toLowerCase().replace('_', '-'), en, status, zh, instance,
                code, new Message(zh, en), field);
    }
}
