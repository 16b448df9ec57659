package com.huiqi.shared.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An immutable, in-memory {@link EnterpriseFacts}: attribute name to value, per-year series as
 * year to figure. Built with {@link #builder()}.
 */
public record FactSheet(Map<String, Object> values, Map<String, Map<Integer, BigDecimal>> series)
        implements EnterpriseFacts {

    public FactSheet {
        values = Map.copyOf(values);
        Map<String, Map<Integer, BigDecimal>> copy = new HashMap<>();
        series.forEach((name, years) -> copy.put(name, Map.copyOf(years)));
        series = Map.copyOf(copy);
    }

    public static FactSheet empty() {
        return new FactSheet(Map.of(), Map.of());
    }

    @Override
    public Optional<Object> value(String attribute) {
        return Optional.ofNullable(values.get(attribute));
    }

    @Override
    public Optional<BigDecimal> yearValue(String attribute, int year) {
        Map<Integer, BigDecimal> years = series.get(attribute);
        return years == null ? Optional.empty() : Optional.ofNullable(years.get(year));
    }

    /** A builder holding the same facts, to add or remove some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.values.putAll(values);
        series.forEach((name, years) -> b.series.put(name, new TreeMap<>(years)));
        return b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects facts; money is given in yuan as a decimal string or BigDecimal, never as a double. */
    public static final class Builder {
        private final Map<String, Object> values = new HashMap<>();
        private final Map<String, Map<Integer, BigDecimal>> series = new HashMap<>();

        public Builder number(String attribute, long value) {
            values.put(attribute, BigDecimal.valueOf(value));
            return this;
        }

        public Builder number(String attribute, BigDecimal value) {
            values.put(attribute, value);
            return this;
        }

        public Builder date(String attribute, LocalDate value) {
            values.put(attribute, value);
            return this;
        }

        public Builder text(String attribute, String value) {
            values.put(attribute, value);
            return this;
        }

        public Builder texts(String attribute, Collection<String> value) {
            values.put(attribute, Set.copyOf(new LinkedHashSet<>(value)));
            return this;
        }

        public Builder texts(String attribute, String... value) {
            return texts(attribute, Set.of(value));
        }

        public Builder flag(String attribute, boolean value) {
            values.put(attribute, value);
            return this;
        }

        /** Any value as {@link AttributeType} prescribes; used by import code that already has it typed. */
        public Builder value(String attribute, Object value) {
            values.put(attribute, value);
            return this;
        }

        /** One year's figure of a series; money in yuan, such as {@code "35000000.00"}. */
        public Builder year(String attribute, int year, String figure) {
            return year(attribute, year, new BigDecimal(figure));
        }

        public Builder year(String attribute, int year, BigDecimal figure) {
            series.computeIfAbsent(attribute, k -> new TreeMap<>()).put(year, figure);
            return this;
        }

        public Builder without(String attribute) {
            values.remove(attribute);
            series.remove(attribute);
            return this;
        }

        public Builder withoutYear(String attribute, int year) {
            Map<Integer, BigDecimal> years = series.get(attribute);
            if (years != null) {
                years.remove(year);
            }
            return this;
        }

        public FactSheet build() {
            return new FactSheet(values, series);
        }
    }
}
