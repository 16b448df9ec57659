package com.huiqi.shared.rules;

import java.util.Objects;

/**
 * A matching indicator (匹配指标): what a comparison measures about the enterprise — an attribute's
 * value, a per-year series summarised over the last N completed fiscal years, or the ratio of two
 * figures.
 */
public sealed interface Indicator {

    /** The type of the figure this indicator yields. */
    ValueType type();

    /** The attribute that names the indicator in messages and paths. */
    Attribute attribute();

    /** A scalar attribute as the enterprise file holds it. JSON: {@code {"attribute": "employees", ...}}. */
    record Value(Attribute attribute) implements Indicator {
        public Value {
            Objects.requireNonNull(attribute, "attribute");
            Fault.check(Typing.ofValue(attribute));
        }

        @Override
        public ValueType type() {
            return attribute.type().valueType();
        }
    }

    /**
     * A per-year series over the last {@code years} completed fiscal years.
     * JSON: {@code {"attribute": "revenue", "aggregate": "sum", "years": 3, ...}}; {@code latest} has no years.
     */
    record Aggregate(Attribute attribute, AggregateFn fn, int years) implements Indicator {
        public Aggregate {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(fn, "fn");
            Fault.check(Typing.ofAggregate(attribute, fn, years));
        }

        public static Aggregate latest(Attribute attribute) {
            return new Aggregate(attribute, AggregateFn.LATEST, 1);
        }

        @Override
        public ValueType type() {
            return fn == AggregateFn.GROWTH ? ValueType.PERCENT : attribute.type().valueType();
        }
    }

    /**
     * The ratio of two figures as a percentage. For series, the sum of the numerator over the last
     * {@code years} completed fiscal years divided by the sum of the denominator over the same years
     * (研究开发费用总额占同期销售收入总额的比例); for scalars ({@code years} null) the plain quotient
     * (科技人员占职工总数的比例). Undefined, hence unknown, when the denominator is zero or negative.
     * JSON: {@code {"attribute": "rdExpense", "aggregate": "ratio", "denominator": "revenue", "years": 3, ...}}.
     */
    record Ratio(Attribute numerator, Attribute denominator, Integer years) implements Indicator {
        public Ratio {
            Objects.requireNonNull(numerator, "numerator");
            Objects.requireNonNull(denominator, "denominator");
            Fault.check(Typing.ofRatio(numerator, denominator, years));
        }

        @Override
        public ValueType type() {
            return ValueType.PERCENT;
        }

        @Override
        public Attribute attribute() {
            return numerator;
        }
    }
}
