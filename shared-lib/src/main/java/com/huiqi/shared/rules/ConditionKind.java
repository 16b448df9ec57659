package com.huiqi.shared.rules;

/** Whether a condition decides eligibility or only adds to the match degree. */
public enum ConditionKind {
    /** 硬性条件: all must hold for the enterprise to be eligible. */
    HARD("hard"),
    /** 加分条件: weighted; together they make the match degree (匹配度) 0–100. */
    SOFT("soft");

    private final String jsonName;

    ConditionKind(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
