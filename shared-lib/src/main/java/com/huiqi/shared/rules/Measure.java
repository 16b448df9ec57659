package com.huiqi.shared.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * What measuring an indicator on one enterprise gave: a figure, the facts that are missing, or a
 * figure that exists but cannot be used (a growth rate from a zero base year). Package-private:
 * reports show it through {@link Explanation}s.
 */
sealed interface Measure {

    /**
     * A figure: a {@link BigDecimal} (number or yuan), a {@link Quotient} (average, share), a
     * {@link Growth}, a {@link java.time.LocalDate}, a String, a Set of strings, a Boolean or an
     * {@link IndustryCodes.Code}.
     */
    record Known(Object figure) implements Measure {
    }

    record Missing(List<MissingFact> facts) implements Measure {
    }

    record Unusable(String zh, String en) implements Measure {
    }

    /**
     * {@code numerator / denominator} with a positive denominator, kept as a pair so comparisons are
     * exact: "share ≥ 5%" is decided as {@code numerator ≥ 0.05 × denominator}, never on a rounded
     * quotient.
     */
    record Quotient(BigDecimal numerator, BigDecimal denominator) {
    }

    /**
     * Compound growth from {@code first} (positive) to {@code last} (not negative) over
     * {@code periods} years; "growth ≥ r" is decided as {@code last ≥ first × (1 + r)^periods}.
     */
    record Growth(BigDecimal first, BigDecimal last, int periods) {
    }

    /**
     * Exact order of a numeric figure against a threshold in the same unit (yuan, a plain number, or
     * a fraction for percentages).
     */
    static int compare(Object figure, BigDecimal threshold) {
        if (figure instanceof BigDecimal amount) {
            return amount.compareTo(threshold);
        }
        if (figure instanceof Quotient q) {
            return q.numerator().compareTo(threshold.multiply(q.denominator()));
        }
        Growth g = (Growth) figure;
        BigDecimal factor = BigDecimal.ONE.add(threshold);
        if (factor.signum() < 0) {
            // Growth is never below -100%, so it exceeds any threshold below that.
            return 1;
        }
        return g.last().compareTo(g.first().multiply(factor.pow(g.periods())));
    }

    /** The figure as one decimal, for display only (a share or growth as a fraction). */
    static BigDecimal approximate(Object figure) {
        if (figure instanceof BigDecimal amount) {
            return amount;
        }
        if (figure instanceof Quotient q) {
            return q.numerator().divide(q.denominator(), MathContext.DECIMAL64);
        }
        Growth g = (Growth) figure;
        return Decimals.root(g.last().divide(g.first(), MathContext.DECIMAL64), g.periods()).subtract(BigDecimal.ONE);
    }
}
