package com.huiqi.shared.rules;

/**
 * How a per-year series is summarised over the window of the last N completed fiscal years
 * (会计年度; in China the calendar year, so on 2025-06-15 the last three are 2022, 2023, 2024).
 * Every year of the window must be known, or the figure is unknown.
 */
public enum AggregateFn {
    /** The last completed year's figure (最近一年); the window is one year. */
    LATEST("latest"),
    /** Total over the window (合计). */
    SUM("sum"),
    /** Arithmetic mean of the yearly figures (年均). */
    AVG("avg"),
    /** Lowest yearly figure: "each of the last N years at least x" is {@code min gte x}. */
    MIN("min"),
    /** Highest yearly figure. */
    MAX("max"),
    /**
     * Compound annual growth rate (年均增长率) from the first to the last year of the window:
     * {@code (last / first)^(1 / (N - 1)) - 1}, with N ≥ 2 years, so N = 2 is year-on-year growth
     * (同比增长率). It is undefined, hence unknown, when the first year's figure is zero or negative
     * or the last is negative.
     */
    GROWTH("growth");

    private final String jsonName;

    AggregateFn(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
