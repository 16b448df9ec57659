package com.huiqi.publish.trial;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.publish.catalogue.RuleCheck;
import com.huiqi.publish.model.Condition;
import com.huiqi.publish.model.RuleField;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.rules.AttributeCatalog;
import com.huiqi.shared.rules.ConditionKind;
import com.huiqi.shared.rules.ConditionOutcome;
import com.huiqi.shared.rules.Explanation;
import com.huiqi.shared.rules.FactSheet;
import com.huiqi.shared.rules.FactSheetReader;
import com.huiqi.shared.rules.MissingFact;
import com.huiqi.shared.rules.PolicyRule;
import com.huiqi.shared.rules.RuleEvaluator;
import com.huiqi.shared.rules.RuleOutcome;
import com.huiqi.shared.rules.Truth;
import com.huiqi.shared.rules.Verdict;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * 规则试算: tries a condition's rule, or a business item's conditions, against sample enterprise
 * facts while staff author them, and answers what the match report will say: the verdict, the match
 * degree and each condition's reasons exactly as the evaluator words them. The rules are checked by
 * the same {@link RuleCheck} as on save, so what can be tried can be saved and the reverse. A pure
 * computation: nothing is stored, so nothing is audited.
 */
@Singleton
public class RuleTrial {

    /**
     * What to try. Exactly one of {@code rule} (one condition's rule, tried as a single hard
     * condition) and {@code conditions} (as on a business item).
     *
     * @param asOf the evaluation date; "the last N fiscal years" are the N completed before it.
     *             Absent: today in the center's time zone.
     */
    public record Request(JsonNode rule, List<Condition> conditions, JsonNode facts, LocalDate asOf) {
    }

    /**
     * The answer.
     *
     * @param matchDegree           0–100 over the soft conditions that hold (100 when there are none)
     * @param matchDegreeUpperBound what the degree would be if every unknown soft condition held
     * @param missing               every fact to supply, over all unknown conditions, without repeats
     */
    public record Outcome(LocalDate asOf, Verdict verdict, int matchDegree, int matchDegreeUpperBound, int hardMet,
                          int hardTotal, Explanation summary, List<ConditionResult> conditions, List<MissingFact> missing) {
    }

    /**
     * How one condition came out: TRUE (met), FALSE (unmet, with the figure against the requirement)
     * or UNKNOWN (with what to supply, "请补充：…"). {@code id} and {@code text} are absent when a
     * lone rule was tried.
     */
    public record ConditionResult(String id, String text, String kind, BigDecimal weight, Truth truth,
                                  List<Explanation> reasons, List<MissingFact> missing) {
    }

    private final RuleCheck rules;
    private final RuleEvaluator evaluator = new RuleEvaluator();
    private final FactSheetReader facts = new FactSheetReader(AttributeCatalog.standard());

    public RuleTrial(RuleCheck rules) {
        this.rules = rules;
    }

    /** @param zone the center's zone: without {@code asOf}, the trial is as of today there */
    public Outcome trial(ZoneId zone, Request request) {
        boolean lone = present(request.rule());
        if (lone == (request.conditions() != null)) {
            throw ApiException.validation(lone ? "conditions" : "rule", "请给出 rule（一条规则）或 conditions（事项的申报条件）之一",
                    "Give either 'rule' (one rule) or 'conditions' (a business item's conditions), not both");
        }
        PolicyRule rule = lone ? loneRule(request.rule()) : itemRule(request.conditions());
        if (!present(request.facts())) {
            throw ApiException.validation("facts", "缺少试算用的企业数据 facts（可为空对象 {}）",
                    "The sample facts are required ('facts'; {} for none)");
        }
        FactSheet sheet = RuleField.within("facts", () -> facts.read(request.facts()));
        LocalDate asOf = request.asOf() != null ? request.asOf() : LocalDate.now(zone);
        RuleOutcome outcome = evaluator.evaluate(rule, sheet, asOf);
        List<ConditionResult> results = new ArrayList<>();
        for (ConditionOutcome c : outcome.conditions()) {
            results.add(new ConditionResult(lone ? null : c.id(), lone ? null : c.text(), c.kind().jsonName(), c.weight(),
                    c.truth(), c.reasons(), c.missing()));
        }
        return new Outcome(asOf, outcome.verdict(), outcome.matchDegree(), outcome.matchDegreeUpperBound(),
                outcome.hardMet(), outcome.hardTotal(), outcome.summary(), results, outcome.missing());
    }

    private PolicyRule loneRule(JsonNode rule) {
        // The evaluator words reasons per condition; the condition's own wording never reaches the answer.
        return new PolicyRule(List.of(com.huiqi.shared.rules.Condition.hard(null, "试算规则",
                RuleField.within("rule", () -> rules.parse(rule)))));
    }

    private PolicyRule itemRule(List<Condition> given) {
        List<Condition> checked = Condition.checkAll(given, rules::check);
        if (checked.isEmpty()) {
            throw ApiException.validation("conditions", "请至少给出一条申报条件", "Give at least one condition");
        }
        List<com.huiqi.shared.rules.Condition> conditions = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            Condition c = checked.get(i);
            if (c.rule() == null) {
                throw ApiException.validation("conditions[" + i + "].rule", "条件“" + c.id() + "”尚未拆解为规则，无法试算",
                        "Condition " + c.id() + " has no rule yet, so it cannot be tried");
            }
            boolean soft = c.kind().equals("soft");
            conditions.add(new com.huiqi.shared.rules.Condition(c.id(), c.text(), soft ? ConditionKind.SOFT : ConditionKind.HARD,
                    soft ? BigDecimal.valueOf(c.weight()) : null, rules.parse(c.rule())));
        }
        if (conditions.stream().noneMatch(c -> c.kind() == ConditionKind.HARD)) {
            throw ApiException.validation("conditions", "至少需要一条硬性条件：是否符合由硬性条件决定",
                    "At least one condition must be hard: hard conditions decide eligibility");
        }
        return new PolicyRule(conditions);
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }
}
