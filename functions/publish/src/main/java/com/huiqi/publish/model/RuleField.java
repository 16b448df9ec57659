package com.huiqi.publish.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.shared.error.ApiException;
import java.util.function.UnaryOperator;

/** Runs a rule check and prefixes the field of any error with where the rule sits in the item. */
final class RuleField {

    private RuleField() {
    }

    static JsonNode check(String field, JsonNode rule, UnaryOperator<JsonNode> ruleCheck) {
        try {
            return ruleCheck.apply(rule);
        } catch (ApiException e) {
            String inner = e.field() == null || e.field().isEmpty() ? "" : (e.field().startsWith("[") ? "" : ".") + e.field();
            throw new ApiException(e.status(), e.code(), e.messageZh(), e.messageEn(), field + inner);
        }
    }
}
