package com.huiqi.shared.rules;

import java.util.List;
import java.util.Objects;

/**
 * A machine-checkable application condition (申报条件的机器可判定规则), evaluated in three-valued logic
 * (see {@link Truth}). Instances are immutable and type-checked on construction, so an ill-formed rule
 * cannot exist in memory; {@link RuleParser} reports the same faults with their JSON path.
 */
public sealed interface RuleExpr {

    /** Every operand holds (并且). JSON: {@code {"all": [ ... ]}}. */
    record All(List<RuleExpr> operands) implements RuleExpr {
        public All {
            operands = nonEmpty(operands, "all");
        }
    }

    /** At least one operand holds (或者). JSON: {@code {"any": [ ... ]}}. */
    record Any(List<RuleExpr> operands) implements RuleExpr {
        public Any {
            operands = nonEmpty(operands, "any");
        }
    }

    /** The operand does not hold; unknown stays unknown. JSON: {@code {"not": { ... }}}. */
    record Not(RuleExpr operand) implements RuleExpr {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /** JSON: {@code {"attribute": "employees", "op": "gte", "value": 10}} (plus the indicator's aggregate fields). */
    record Compare(Indicator indicator, CompareOp op, Literal value) implements RuleExpr {
        public Compare {
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
            Fault.check(Typing.ofCompare(indicator, op));
            Fault.check(Typing.ofLiteral(indicator, value));
        }
    }

    /** {@code from ≤ figure ≤ to}, both ends included. JSON: {@code {"attribute": ..., "op": "between", "value": [from, to]}}. */
    record Between(Indicator indicator, Literal from, Literal to) implements RuleExpr {
        public Between {
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Fault.check(Typing.ofBetween(indicator, from, to));
        }
    }

    /** JSON: {@code {"attribute": "qualifications", "op": "containsAny", "value": ["高新技术企业", ...]}}. */
    record Membership(Indicator indicator, SetOp op, List<String> values) implements RuleExpr {
        public Membership {
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(op, "op");
            values = List.copyOf(values);
            Fault.check(Typing.ofSetOp(indicator, op));
            Fault.check(Typing.ofMembers(indicator, op, values));
        }
    }

    /**
     * Tiered thresholds (分档条件): the tier is chosen by the figure {@code by}; tiers are tried in order
     * and the first whose bound admits the figure applies, the last tier having no bound. For the
     * national high-tech enterprise rule the R&D share required depends on the latest year's revenue.
     *
     * <p>When {@code by} is unknown the result is still known if every tier gives the same answer:
     * exactly one tier applies whatever the missing figure is, so that answer is the answer.
     *
     * <p>JSON: {@code {"tiered": {"by": {"attribute": "revenue", "aggregate": "latest"},
     * "tiers": [{"upTo": "5000万元", "rule": ...}, {"upTo": "2亿元", "rule": ...}, {"rule": ...}]}}}.
     */
    record Tiered(Indicator by, List<Tier> tiers) implements RuleExpr {
        public Tiered {
            Objects.requireNonNull(by, "by");
            tiers = List.copyOf(tiers);
            Fault.check(Typing.ofTiers(by, tiers));
        }
    }

    /** One tier: applies up to {@code bound}; the last tier's bound is {@code null} (everything above). */
    record Tier(Bound bound, RuleExpr rule) {
        public Tier {
            Objects.requireNonNull(rule, "rule");
        }
    }

    /**
     * Upper bound of a tier: {@code inclusive} is "up to and including" (JSON {@code upTo}, 含), otherwise
     * "below" (JSON {@code below}, 不含).
     */
    record Bound(Literal value, boolean inclusive) {
        public Bound {
            Objects.requireNonNull(value, "value");
        }
    }

    private static List<RuleExpr> nonEmpty(List<RuleExpr> operands, String what) {
        List<RuleExpr> copy = List.copyOf(operands);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("'" + what + "' needs at least one operand");
        }
        return copy;
    }
}
