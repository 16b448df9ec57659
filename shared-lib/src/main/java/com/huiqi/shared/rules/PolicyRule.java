package com.huiqi.shared.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The application conditions of a policy product or business item decomposed into rules
 * (附录B 拆解申报条件、匹配指标和规则): hard conditions decide eligibility, weighted soft ones make
 * the match degree. JSON: {@code {"conditions": [ ... ]}}.
 */
public record PolicyRule(List<Condition> conditions) {

    public PolicyRule {
        conditions = List.copyOf(conditions);
        if (conditions.stream().noneMatch(c -> c.kind() == ConditionKind.HARD)) {
            throw new IllegalArgumentException("A rule needs at least one hard condition");
        }
        Set<String> ids = new HashSet<>();
        for (Condition c : conditions) {
            if (c.id() != null && !ids.add(c.id())) {
                throw new IllegalArgumentException("Condition id used twice: " + c.id());
            }
        }
    }
}
