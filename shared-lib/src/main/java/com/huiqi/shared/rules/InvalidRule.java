package com.huiqi.shared.rules;

import com.huiqi.shared.error.ApiException;

/** The 422 a malformed rule earns: code {@code INVALID_RULE}, the path of the offending node in {@code field}. */
public final class InvalidRule {

    public static final String CODE = "INVALID_RULE";

    private InvalidRule() {
    }

    /**
     * @param field JSON-pointer-like path such as {@code conditions[2].rule.all[1].attribute};
     *              {@code null} for the rule as a whole
     */
    public static ApiException at(String field, String zh, String en) {
        return new ApiException(422, CODE, zh, en, field == null || field.isEmpty() ? null : field);
    }
}
