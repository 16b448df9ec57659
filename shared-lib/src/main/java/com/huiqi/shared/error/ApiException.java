package com.huiqi.shared.error;

import java.util.List;

/**
 * A failure a client can cause or must be told about. It carries everything an RFC 9457 problem
 * needs, so handlers throw it and the HTTP layer renders it; nothing is written when it is thrown
 * before a transaction commits.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String messageZh;
    private final String messageEn;
    private final String field;
    private final List<?> errors;

    public ApiException(int status, String code, String messageZh, String messageEn, String field) {
        this(status, code, messageZh, messageEn, field, null);
    }

    /** With {@code errors}: the problem's list of every rejected part, e.g. each bad row of an import. */
    public ApiException(int status, String code, String messageZh, String messageEn, String field, List<?> errors) {
        super(code + ": " + messageEn);
        this.status = status;
        this.code = code;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
        this.field = field;
        this.errors = errors;
    }

    public ApiException(int status, String code, String messageZh, String messageEn) {
        this(status, code, messageZh, messageEn, null);
    }

    public static ApiException badRequest(String code, String zh, String en, String field) {
        return new ApiException(400, code, zh, en, field);
    }

    public static ApiException validation(String field, String zh, String en) {
        return new ApiException(422, "VALIDATION_FAILED", zh, en, field);
    }

    /** Used for anything the caller may not see, including other tenants' data: never 403, which would leak existence. */
    public static ApiException notFound(String whatZh, String whatEn) {
        return new ApiException(404, "NOT_FOUND", "未找到" + whatZh, whatEn + " not found");
    }

    public static ApiException forbidden(String zh, String en) {
        return new ApiException(403, "FORBIDDEN", zh, en);
    }

    public static ApiException conflict(String code, String zh, String en) {
        return new ApiException(409, code, zh, en);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }

    public String field() {
        return field;
    }

    public Problem toProblem(String instance) {
        return Problem.of(status, code, messageZh, messageEn, field, instance, errors);
    }
}
