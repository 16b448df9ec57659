package com.huiqi.shared.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Decimal helpers: rules never use double, so money and thresholds compare exactly. */
final class Decimals {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Decimals() {
    }

    /**
     * One representation per value ({@code 5000.0} and {@code 5000} become {@code 5000}), so equal
     * rules are equal records and the canonical JSON does not depend on how an author typed a number.
     */
    static BigDecimal normalize(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0, RoundingMode.UNNECESSARY) : v;
    }

    /** For display only: at most {@code decimals} places, no trailing zeros. */
    static String plain(BigDecimal value, int decimals) {
        return normalize(value.setScale(decimals, RoundingMode.HALF_UP)).toPlainString();
    }

    /**
     * A display value that cannot be mistaken for the threshold: 4.9996% must not show as "5%" beside
     * "要求不低于 5%", so places are added until the two read differently.
     */
    static String distinct(BigDecimal value, BigDecimal threshold, int decimals) {
        String shown = plain(value, decimals);
        if (threshold == null || value.compareTo(threshold) == 0) {
            return shown;
        }
        String limit = plain(threshold, decimals);
        for (int places = decimals + 1; shown.equals(limit) && places <= decimals + 8; places++) {
            shown = plain(value, places);
            limit = plain(threshold, places);
        }
        return shown;
    }

    /** The k-th root for displaying a compound growth rate; decisions never depend on it. */
    static BigDecimal root(BigDecimal x, int k) {
        if (k == 1 || x.signum() == 0) {
            return x;
        }
        MathContext mc = MathContext.DECIMAL64;
        BigDecimal y = new BigDecimal(Math.pow(x.doubleValue(), 1.0 / k), mc);
        if (y.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal kk = BigDecimal.valueOf(k);
        // The double seed is good to ~15 digits and Newton doubles them each step: two steps reach DECIMAL64.
        for (int i = 0; i < 2; i++) {
            y = y.multiply(kk.subtract(BigDecimal.ONE)).add(x.divide(y.pow(k - 1, mc), mc)).divide(kk, mc);
        }
        return y;
    }
}
