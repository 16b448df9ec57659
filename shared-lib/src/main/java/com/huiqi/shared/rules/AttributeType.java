package com.huiqi.shared.rules;

/**
 * The type of an enterprise attribute as the enterprise file (一企一档) keeps it. A series is one
 * figure per fiscal year (会计年度, the calendar year in China), such as revenue per year.
 *
 * <p>What {@link EnterpriseFacts} must hand over for each type: NUMBER and MONEY a
 * {@link java.math.BigDecimal} (or an integral {@link Integer}/{@link Long}; never a double: money
 * in yuan must stay exact), DATE a {@link java.time.LocalDate}, TEXT, REGION_CODE and INDUSTRY_CODE
 * a {@link String}, TEXT_SET a {@link java.util.Set} of strings, BOOLEAN a {@link Boolean}; a series
 * answers per year through {@link EnterpriseFacts#yearValue}.
 */
public enum AttributeType {
    NUMBER("number", ValueType.NUMBER, false),
    MONEY("money", ValueType.MONEY, false),
    DATE("date", ValueType.DATE, false),
    TEXT("string", ValueType.TEXT, false),
    TEXT_SET("stringSet", ValueType.TEXT_SET, false),
    REGION_CODE("regionCode", ValueType.REGION_CODE, false),
    INDUSTRY_CODE("industryCode", ValueType.INDUSTRY_CODE, false),
    BOOLEAN("boolean", ValueType.BOOLEAN, false),
    NUMBER_SERIES("numberSeries", ValueType.NUMBER, true),
    MONEY_SERIES("moneySeries", ValueType.MONEY, true);

    private final String jsonName;
    private final ValueType valueType;
    private final boolean series;

    AttributeType(String jsonName, ValueType valueType, boolean series) {
        this.jsonName = jsonName;
        this.valueType = valueType;
        this.series = series;
    }

    /** The name used in the attribute catalogue the API publishes. */
    public String jsonName() {
        return jsonName;
    }

    /** For a scalar the value itself; for a series the type of each year's figure. */
    public ValueType valueType() {
        return valueType;
    }

    public boolean series() {
        return series;
    }

    /** Whether sums, averages and ratios of it are meaningful. */
    public boolean numeric() {
        return valueType == ValueType.NUMBER || valueType == ValueType.MONEY;
    }
}
