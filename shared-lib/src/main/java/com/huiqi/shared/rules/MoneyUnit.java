package com.huiqi.shared.rules;

import java.math.BigDecimal;

/**
 * The unit a rule author wrote an amount in. Policies speak in 万元 and 亿元, enterprise figures are
 * in 元; every amount is converted to yuan exactly before it is compared.
 */
public enum MoneyUnit {
    YUAN("元", "yuan", BigDecimal.ONE),
    WAN("万元", "× 10,000 yuan", BigDecimal.valueOf(10_000)),
    YI("亿元", "× 100 million yuan", BigDecimal.valueOf(100_000_000));

    private final String symbol;
    private final String english;
    private final BigDecimal yuan;

    MoneyUnit(String symbol, String english, BigDecimal yuan) {
        this.symbol = symbol;
        this.english = english;
        this.yuan = yuan;
    }

    /** How the unit is written in a rule and in Chinese messages: 元, 万元 or 亿元. */
    public String symbol() {
        return symbol;
    }

    public String english() {
        return english;
    }

    /** Yuan per unit. */
    public BigDecimal yuan() {
        return yuan;
    }

    public static MoneyUnit ofSymbol(String symbol) {
        for (MoneyUnit u : values()) {
            if (u.symbol.equals(symbol)) {
                return u;
            }
        }
        throw new IllegalArgumentException("Unknown money unit: " + symbol);
    }
}
