package com.huiqi.shared.rules;

/** Comparison operators. Numbers, money, percentages and dates take all six; texts and yes/no only eq and ne. */
public enum CompareOp {
    EQ("eq"), NE("ne"), GT("gt"), GTE("gte"), LT("lt"), LTE("lte");

    private final String jsonName;

    CompareOp(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    /** Whether {@code actual.compareTo(required)} yielding {@code cmp} satisfies the operator. */
    boolean holds(int cmp) {
        return switch (this) {
            case EQ -> cmp == 0;
            case NE -> cmp != 0;
            case GT -> cmp > 0;
            case GTE -> cmp >= 0;
            case LT -> cmp < 0;
            case LTE -> cmp <= 0;
        };
    }

    /** The operator that holds exactly when this one does not; used to word a negated requirement. */
    CompareOp negate() {
        return switch (this) {
            case EQ -> NE;
            case NE -> EQ;
            case GT -> LTE;
            case GTE -> LT;
            case LT -> GTE;
            case LTE -> GT;
        };
    }
}
