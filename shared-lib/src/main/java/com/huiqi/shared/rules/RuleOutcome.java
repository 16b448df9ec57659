package com.huiqi.shared.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * The result of matching one enterprise against one rule (政策计算器的一条结果).
 *
 * @param verdict               decided by the hard conditions (Kleene conjunction)
 * @param matchDegree           0–100: the weight of the soft conditions that hold over the weight of
 *                              all soft ones, rounded down; unknown soft conditions count as 0 and
 *                              are listed in {@code unknown}. 100 when the rule has no soft condition.
 * @param matchDegreeUpperBound what the degree would be if every unknown soft condition held: the
 *                              most that supplying the missing facts can bring
 * @param hardMet               how many hard conditions hold, of {@code hardTotal}, to rank near misses
 * @param unmet                 the conditions that fail, hard and soft
 * @param unknown               the conditions that cannot be decided from the file
 * @param missing               every fact to supply, over all unknown conditions, without repeats
 * @param summary               one line for the report
 */
public record RuleOutcome(LocalDate evaluatedOn, Verdict verdict, int matchDegree, int matchDegreeUpperBound,
                          int hardMet, int hardTotal, List<ConditionOutcome> conditions,
                          List<ConditionOutcome> unmet, List<ConditionOutcome> unknown, List<MissingFact> missing,
                          Explanation summary) {

    public RuleOutcome {
        conditions = List.copyOf(conditions);
        unmet = List.copyOf(unmet);
        unknown = List.copyOf(unknown);
        missing = List.copyOf(missing);
    }

    public Decision decision() {
        return new Decision(verdict, matchDegree, matchDegreeUpperBound);
    }
}
