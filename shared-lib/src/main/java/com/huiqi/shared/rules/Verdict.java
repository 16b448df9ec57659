package com.huiqi.shared.rules;

/** Whether the enterprise qualifies, decided by the hard conditions alone. */
public enum Verdict {
    /** 符合: every hard condition holds. */
    ELIGIBLE,
    /** 不符合: some hard condition fails. */
    NOT_ELIGIBLE,
    /** 待补充: none fails but some cannot be decided from the file. */
    UNDETERMINED;

    static Verdict of(Truth hardConditions) {
        return switch (hardConditions) {
            case TRUE -> ELIGIBLE;
            case FALSE -> NOT_ELIGIBLE;
            case UNKNOWN -> UNDETERMINED;
        };
    }
}
