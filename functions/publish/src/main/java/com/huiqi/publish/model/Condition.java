package com.huiqi.publish.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.validation.Fields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One application condition (申报条件) of a business item: its original wording beside the
 * machine-checkable rule over enterprise attributes (Annex B: 拆解申报条件、匹配指标和规则).
 *
 * @param id     stable within the item, so a match report can name the condition
 * @param text   the condition as the policy words it
 * @param kind   {@code hard} decides eligibility; {@code soft} only raises the match degree
 * @param weight a soft condition's weight (positive); absent for hard ones
 * @param rule   the rule in the platform's rule language (absent while not yet decomposed)
 */
public record Condition(String id, String text, String kind, Integer weight, JsonNode rule) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    /**
     * Checks a list of conditions as a business item holds them, using {@code ruleCheck} for each
     * rule (it rejects malformed rules and unknown attributes and returns the canonical form);
     * errors name the field as {@code conditions[i]...}. Trying conditions while authoring them
     * checks them the same way.
     */
    public static List<Condition> checkAll(List<Condition> conditions, UnaryOperator<JsonNode> ruleCheck) {
        List<Condition> checked = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<Condition> given = conditions == null ? List.of() : conditions;
        if (given.size() > 100) {
            throw ApiException.validation("conditions", "申报条件最多100条", "At most 100 conditions");
        }
        for (int i = 0; i < given.size(); i++) {
            Condition c = given.get(i);
            String field = "conditions[" + i + "]";
            if (c == null) {
                throw ApiException.validation(field, "申报条件不能为空", "A condition cannot be null");
            }
            if (c.id() == null || !ID.matcher(c.id()).matches() || !ids.add(c.id())) {
                throw ApiException.validation(field + ".id", "条件编号须唯一，为小写字母、数字或连字符",
                        "Condition ids are unique lower-case letters, digits or hyphens");
            }
            String text = Fields.text(field + ".text", c.text(), 2, 500);
            String kind = c.kind() == null ? "hard" : c.kind();
            if (!kind.equals("hard") && !kind.equals("soft")) {
                throw ApiException.validation(field + ".kind", "条件类型须为 hard（硬性）或 soft（加分）",
                        "kind must be hard or soft");
            }
            if (kind.equals("soft") != (c.weight() != null)) {
                throw ApiException.validation(field + ".weight", "加分条件须有权重，硬性条件不设权重",
                        "A soft condition has a weight and a hard one has none");
            }
            if (c.weight() != null && (c.weight() < 1 || c.weight() > 100)) {
                throw ApiException.validation(field + ".weight", "权重须为1至100", "weight must be 1 to 100");
            }
            checked.add(new Condition(c.id(), text, kind, c.weight(), c.rule() == null || c.rule().isNull() ? null
                    : RuleField.check(field + ".rule", c.rule(), ruleCheck)));
        }
        return List.copyOf(checked);
    }
}
