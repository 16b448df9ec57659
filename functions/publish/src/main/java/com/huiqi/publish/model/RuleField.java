package com.huiqi.publish.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.shared.error.ApiException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Runs a rule check and prefixes the field of any error with where the rule sits in the item. */
public final class RuleField {

    private RuleField() {
    }

    static JsonNode check(String field, JsonNode rule, UnaryOperator<JsonNode> ruleCheck) {
        return within(field, () -> ruleCheck.apply(rule));
    }

    /** Runs {@code check}; an error it raises names its field below {@code field} (rule.all[1].attribute). */
    public static <T> T within(String field, Supplier<T> check) {
        try {
            return check.get();
        } catch (ApiException e) {
            String inner = e.field() == null || e.field().isEmpty() ? "" : (e.field().startsWith("[") ? "" : ".") + e.field();
            throw new ApiException(e.status(), e.code(), e.messageZh(), e.messageEn(), field + inner);
        }
    }
}
