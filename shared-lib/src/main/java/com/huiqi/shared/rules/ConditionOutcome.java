package com.huiqi.shared.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * How one condition came out for one enterprise, and why.
 *
 * @param index   position of the condition in the rule
 * @param text    the condition's original wording
 * @param reasons for a met or failed condition the figures that decided it (actual against
 *                required); for an unknown one what to supply, and anything that needs a person
 * @param missing the facts to supply to decide it (empty unless {@code truth} is UNKNOWN)
 */
public record ConditionOutcome(int index, String id, String text, ConditionKind kind, BigDecimal weight,
                               Truth truth, List<Explanation> reasons, List<MissingFact> missing) {

    public ConditionOutcome {
        reasons = List.copyOf(reasons);
        missing = List.copyOf(missing);
    }
}
