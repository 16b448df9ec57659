package com.huiqi.shared.rules;

/**
 * Three-valued truth (Kleene's strong logic). {@link #UNKNOWN} means "the enterprise's file does not
 * tell": missing data must never read as {@link #FALSE}, or a real benefit is silently dropped.
 *
 * <p>Every connective is monotone in information: replacing an {@code UNKNOWN} input with
 * {@code TRUE} or {@code FALSE} can only turn an {@code UNKNOWN} result into a known one, never
 * change a known result. That is what lets a match report say "eligible" before the file is
 * complete.
 */
public enum Truth {
    TRUE, FALSE, UNKNOWN;

    public static Truth of(boolean value) {
        return value ? TRUE : FALSE;
    }

    public Truth and(Truth other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : TRUE;
    }

    public Truth or(Truth other) {
        if (this == TRUE || other == TRUE) {
            return TRUE;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : FALSE;
    }

    public Truth not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }

    public boolean isKnown() {
        return this != UNKNOWN;
    }
}
