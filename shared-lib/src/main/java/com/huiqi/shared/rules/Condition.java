package com.huiqi.shared.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One application condition (申报条件): its original wording beside the machine rule, so a match
 * report can quote the policy and say why in plain words.
 *
 * @param id     optional, stable within the rule (lower-case letters, digits, hyphens; at most 32)
 * @param text   the condition as the policy words it
 * @param kind   hard (decides eligibility) or soft (adds to the match degree)
 * @param weight for a soft condition, its positive weight; {@code null} for a hard one
 * @param rule   the machine-checkable rule
 */
public record Condition(String id, String text, ConditionKind kind, BigDecimal weight, RuleExpr rule) {

    public Condition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A condition keeps its original wording");
        }
        if (kind == ConditionKind.SOFT && (weight == null || weight.signum() <= 0)) {
            throw new IllegalArgumentException("A soft condition needs a positive weight");
        }
        if (kind == ConditionKind.HARD && weight != null) {
            throw new IllegalArgumentException("A hard condition has no weight");
        }
        weight = weight == null ? null : Decimals.normalize(weight);
    }

    public static Condition hard(String id, String text, RuleExpr rule) {
        return new Condition(id, text, ConditionKind.HARD, null, rule);
    }

    public static Condition soft(String id, String text, BigDecimal weight, RuleExpr rule) {
        return new Condition(id, text, ConditionKind.SOFT, weight, rule);
    }
}
