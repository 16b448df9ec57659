package com.huiqi.shared.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value a rule compares with. Which kind fits is decided by the indicator: a money attribute only
 * takes {@link Money} (so "5000" can never mean 5000 元 to one author and 5000 万元 to another), a
 * share or growth rate only {@link Percent}, a date {@link Date} or {@link DateAgo}.
 */
public sealed interface Literal {

    /** A plain number, such as 10 employees. JSON: a number. */
    record Quantity(BigDecimal value) implements Literal {
        public Quantity {
            value = Decimals.normalize(Objects.requireNonNull(value, "value"));
        }
    }

    /**
     * An amount as the policy words it, {@code "5000万元"}; compared in yuan.
     * JSON: a string of a decimal number followed by 元, 万元 or 亿元.
     */
    record Money(BigDecimal amount, MoneyUnit unit) implements Literal {

        private static final Pattern WRITTEN = Pattern.compile("(-?\\d{1,15}(?:\\.\\d{1,8})?)(元|万元|亿元)");

        /**
         * An amount as written in a rule or a sample fact sheet, {@code "4600万元"}; empty when the text
         * is not a decimal number followed by 元, 万元 or 亿元 (a bare number has no unit and is refused).
         */
        public static Optional<Money> parse(String written) {
            Matcher m = written == null ? null : WRITTEN.matcher(written);
            return m != null && m.matches()
                    ? Optional.of(new Money(new BigDecimal(m.group(1)), MoneyUnit.ofSymbol(m.group(2))))
                    : Optional.empty();
        }

        public Money {
            amount = Decimals.normalize(Objects.requireNonNull(amount, "amount"));
            Objects.requireNonNull(unit, "unit");
        }

        public BigDecimal yuan() {
            return amount.multiply(unit.yuan());
        }

        @Override
        public String toString() {
            return amount.toPlainString() + unit.symbol();
        }
    }

    /** A percentage, {@code "5%"}; {@link #percent()} is 5, {@link #fraction()} 0.05. JSON: a string ending in %. */
    record Percent(BigDecimal percent) implements Literal {
        public Percent {
            percent = Decimals.normalize(Objects.requireNonNull(percent, "percent"));
        }

        public BigDecimal fraction() {
            return percent.movePointLeft(2);
        }
    }

    /** A calendar date. JSON: {@code "2020-01-01"}. */
    record Date(LocalDate date) implements Literal {
        public Date {
            Objects.requireNonNull(date, "date");
        }
    }

    /**
     * The evaluation date minus a period (ISO 8601, such as {@code P1Y}): "established at least one
     * year" is {@code establishedOn lte {"ago": "P1Y"}}. JSON: {@code {"ago": "P1Y"}}.
     */
    record DateAgo(Period period) implements Literal {
        public DateAgo {
            Objects.requireNonNull(period, "period");
            if (period.isNegative()) {
                throw new IllegalArgumentException("A period back from the evaluation date cannot be negative: " + period);
            }
        }

        public LocalDate resolve(LocalDate evaluationDate) {
            return evaluationDate.minus(period);
        }
    }

    /** A text: a size class, a qualification, a region or industry code. JSON: a string. */
    record Text(String value) implements Literal {
        public Text {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("A text value cannot be blank");
            }
        }
    }

    /** Yes or no. JSON: {@code true} or {@code false}. */
    record Bool(boolean value) implements Literal {
    }
}
