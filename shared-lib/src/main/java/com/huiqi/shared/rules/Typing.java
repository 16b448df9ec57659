package com.huiqi.shared.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one place that knows which operators, aggregates and values fit which attribute. Each check
 * returns {@code null} when all is well or the {@link Fault}, so the parser (which knows the JSON
 * path) and the AST constructors (which do not) share the same rules and the same words.
 */
final class Typing {

    static final int MAX_YEARS = 10;
    static final int MAX_VALUES = 200;
    static final int MAX_TIERS = 20;

    private Typing() {
    }

    static Fault ofValue(Attribute a) {
        if (a.series()) {
            return new Fault("aggregate",
                    name(a) + "是按年度的数据，须指定汇总方式 aggregate：latest、sum、avg、min、max、growth 或 ratio",
                    a.name() + " is a per-year series: give an aggregate (latest, sum, avg, min, max, growth or ratio)");
        }
        return null;
    }

    static Fault ofAggregate(Attribute a, AggregateFn fn, int years) {
        if (!a.series()) {
            return new Fault("aggregate", name(a) + "不是按年度的数据，不能使用汇总方式 " + fn.jsonName(),
                    a.name() + " is not a per-year series, so aggregate '" + fn.jsonName() + "' does not apply");
        }
        if (fn == AggregateFn.LATEST) {
            return years == 1 ? null : new Fault("years", "latest 取最近一个完整会计年度，不能指定年数",
                    "'latest' takes the last completed fiscal year and has no 'years'");
        }
        Fault range = ofYears(years);
        if (range != null) {
            return range;
        }
        if (fn == AggregateFn.GROWTH && years < 2) {
            return new Fault("years", "增长率至少需要2个年度", "'growth' needs at least 2 years");
        }
        return null;
    }

    static Fault ofRatio(Attribute numerator, Attribute denominator, Integer years) {
        if (!numerator.type().numeric()) {
            return new Fault("attribute", name(numerator) + "不是数值或金额，不能求比例",
                    numerator.name() + " is neither a number nor money, so it cannot be a ratio's numerator");
        }
        if (!denominator.type().numeric()) {
            return new Fault("denominator", name(denominator) + "不是数值或金额，不能作分母",
                    denominator.name() + " is neither a number nor money, so it cannot be a denominator");
        }
        if (numerator.series() != denominator.series()) {
            return new Fault("denominator", "比例的分子与分母须同为按年度的数据，或同为单一数值",
                    "A ratio's numerator and denominator must both be per-year series or both single figures");
        }
        if (numerator.series()) {
            return years == null
                    ? new Fault("years", "按年度的数据求比例须指定年数 years", "A ratio of per-year series needs 'years'")
                    : ofYears(years);
        }
        return years == null ? null : new Fault("years", "单一数值求比例不能指定年数",
                "A ratio of single figures has no 'years'");
    }

    private static Fault ofYears(int years) {
        if (years < 1 || years > MAX_YEARS) {
            return new Fault("years", "年数须在1至" + MAX_YEARS + "之间", "'years' must be 1 to " + MAX_YEARS);
        }
        return null;
    }

    static Fault ofCompare(Indicator indicator, CompareOp op) {
        ValueType type = indicator.type();
        if (type == ValueType.TEXT_SET) {
            return new Fault("op", name(indicator.attribute()) + "是集合，请用 containsAny 或 containsAll",
                    indicator.attribute().name() + " is a set: use containsAny or containsAll");
        }
        if (!type.ordered() && op != CompareOp.EQ && op != CompareOp.NE) {
            return new Fault("op", name(indicator.attribute()) + "为" + type.labelZh() + "，只能用 eq 或 ne 比较，不能用 "
                    + op.jsonName(), indicator.attribute().name() + " is " + type.labelEn()
                    + ": compare it with eq or ne, not " + op.jsonName());
        }
        return null;
    }

    static Fault ofLiteral(Indicator indicator, Literal value) {
        ValueType type = indicator.type();
        boolean fits = switch (type) {
            case NUMBER -> value instanceof Literal.Quantity;
            case MONEY -> value instanceof Literal.Money;
            case PERCENT -> value instanceof Literal.Percent;
            case DATE -> value instanceof Literal.Date || value instanceof Literal.DateAgo;
            case TEXT, REGION_CODE, INDUSTRY_CODE -> value instanceof Literal.Text;
            case BOOLEAN -> value instanceof Literal.Bool;
            case TEXT_SET -> false;
        };
        if (!fits) {
            return mismatch(indicator);
        }
        return value instanceof Literal.Text text ? ofMember(indicator, text.value(), "") : null;
    }

    /** The value given does not fit the indicator's type. */
    static Fault mismatch(Indicator indicator) {
        ValueType type = indicator.type();
        return new Fault("", describe(indicator) + "为" + type.labelZh() + "，比较值须为" + expectedZh(type),
                describe(indicator) + " is " + type.labelEn() + ": compare it with " + expectedEn(type));
    }

    static Fault ofSetOp(Indicator indicator, SetOp op) {
        ValueType type = indicator.type();
        boolean fits = switch (op) {
            case IN, NOT_IN -> type == ValueType.TEXT || type == ValueType.REGION_CODE || type == ValueType.INDUSTRY_CODE;
            case CONTAINS_ANY, CONTAINS_ALL -> type == ValueType.TEXT_SET;
            case WITHIN_REGION -> type == ValueType.REGION_CODE;
            case WITHIN_INDUSTRY -> type == ValueType.INDUSTRY_CODE;
        };
        if (!fits) {
            return new Fault("op", "运算符 " + op.jsonName() + " 不适用于" + describe(indicator) + "（" + type.labelZh() + "）",
                    "Operator '" + op.jsonName() + "' does not apply to " + describe(indicator) + " (" + type.labelEn() + ")");
        }
        return null;
    }

    static Fault ofMembers(Indicator indicator, SetOp op, List<String> values) {
        if (values.isEmpty()) {
            return new Fault("", op.jsonName() + " 的取值列表不能为空", "'" + op.jsonName() + "' needs at least one value");
        }
        if (values.size() > MAX_VALUES) {
            return new Fault("", "取值最多" + MAX_VALUES + "个", "At most " + MAX_VALUES + " values");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            Fault f = ofMember(indicator, v, "[" + i + "]");
            if (f != null) {
                return f;
            }
            if (!seen.add(v)) {
                return new Fault("[" + i + "]", "取值重复：" + v, "Value listed twice: " + v);
            }
        }
        return null;
    }

    /** A single text value for a text, set, region or industry indicator. */
    static Fault ofMember(Indicator indicator, String value, String field) {
        Attribute a = indicator.attribute();
        if (value == null || value.isBlank()) {
            return new Fault(field, "取值不能为空", "A value cannot be blank");
        }
        return switch (indicator.type()) {
            case REGION_CODE -> RegionCodes.valid(value) ? null : new Fault(field,
                    "行政区划代码须为6位数字（GB/T 2260），如 \"320500\"，而不是 \"" + value + "\"",
                    "A region is a 6-digit GB/T 2260 code such as \"320500\", not \"" + value + "\"");
            case INDUSTRY_CODE -> IndustryCodes.parse(value) != null ? null : new Fault(field,
                    "行业代码须为 GB/T 4754-2017 的门类字母或2至4位数字，如 \"C\"、\"C39\"、\"3911\"，而不是 \"" + value + "\"",
                    "An industry is a GB/T 4754-2017 section letter or 2 to 4 digits, such as \"C\", \"C39\" or \"3911\", not \""
                            + value + "\"");
            default -> a.allowedValues().isEmpty() || a.allowedValues().contains(value) ? null : new Fault(field,
                    name(a) + "只能取：" + String.join("、", a.allowedValues()) + "，而不是 “" + value + "”",
                    a.name() + " takes only " + String.join(", ", a.allowedValues()) + ", not \"" + value + "\"");
        };
    }

    static Fault ofBetween(Indicator indicator, Literal from, Literal to) {
        if (!indicator.type().ordered()) {
            return new Fault("op", "between 只适用于数值、金额、百分比和日期，不适用于" + describe(indicator),
                    "'between' applies to numbers, money, percentages and dates, not to " + describe(indicator));
        }
        Fault f = ofLiteral(indicator, from);
        if (f != null) {
            return new Fault("[0]", f.zh(), f.en());
        }
        f = ofLiteral(indicator, to);
        if (f != null) {
            return new Fault("[1]", f.zh(), f.en());
        }
        Integer order = compareStatic(from, to);
        if (order != null && order > 0) {
            return new Fault("", "between 的下限不能大于上限", "The lower end of 'between' cannot exceed the upper end");
        }
        return null;
    }

    /** Checks a tiered condition; faults are relative to the {@code tiered} object. */
    static Fault ofTiers(Indicator by, List<RuleExpr.Tier> tiers) {
        if (!by.type().ordered()) {
            return new Fault("by", "分档依据须为数值、金额、百分比或日期，不能是" + describe(by),
                    "Tiers must be chosen by a number, money, percentage or date, not by " + describe(by));
        }
        if (tiers.size() < 2 || tiers.size() > MAX_TIERS) {
            return new Fault("tiers", "分档条件须有2至" + MAX_TIERS + "档", "A tiered condition has 2 to " + MAX_TIERS + " tiers");
        }
        Literal previous = null;
        for (int i = 0; i < tiers.size(); i++) {
            RuleExpr.Bound bound = tiers.get(i).bound();
            String at = "tiers[" + i + "]";
            boolean last = i == tiers.size() - 1;
            if (last && bound != null) {
                return new Fault(at, "最后一档不设上限，适用于其余所有情形", "The last tier has no bound: it covers everything above");
            }
            if (last) {
                break;
            }
            if (bound == null) {
                return new Fault(at, "除最后一档外，每档须设上限 upTo（含）或 below（不含）",
                        "Every tier but the last has a bound: upTo (inclusive) or below (exclusive)");
            }
            String field = at + (bound.inclusive() ? ".upTo" : ".below");
            if (bound.value() instanceof Literal.DateAgo) {
                return new Fault(field, "分档上限须为确定的值，不能是相对日期", "A tier bound is a fixed value, not a relative date");
            }
            Fault f = ofLiteral(by, bound.value());
            if (f != null) {
                return new Fault(field, f.zh(), f.en());
            }
            if (previous != null && compareStatic(previous, bound.value()) >= 0) {
                return new Fault(field, "各档上限须严格递增", "Tier bounds must increase strictly");
            }
            previous = bound.value();
        }
        return null;
    }

    /** Order of two literals of the same kind when it does not depend on the evaluation date, else null. */
    static Integer compareStatic(Literal a, Literal b) {
        BigDecimal x = staticNumber(a);
        BigDecimal y = staticNumber(b);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        if (a instanceof Literal.Date da && b instanceof Literal.Date db) {
            LocalDate p = da.date();
            return p.compareTo(db.date());
        }
        return null;
    }

    private static BigDecimal staticNumber(Literal literal) {
        if (literal instanceof Literal.Quantity q) {
            return q.value();
        }
        if (literal instanceof Literal.Money m) {
            return m.yuan();
        }
        return literal instanceof Literal.Percent p ? p.percent() : null;
    }

    static String name(Attribute a) {
        return "“" + a.labelZh() + "”（" + a.name() + "）";
    }

    private static String describe(Indicator indicator) {
        if (indicator instanceof Indicator.Aggregate g) {
            return g.fn().jsonName() + "(" + g.attribute().name() + ")";
        }
        if (indicator instanceof Indicator.Ratio r) {
            return "ratio(" + r.numerator().name() + "/" + r.denominator().name() + ")";
        }
        return indicator.attribute().name();
    }

    private static String expectedZh(ValueType type) {
        return switch (type) {
            case NUMBER -> "数字，如 10";
            case MONEY -> "带单位的金额字符串，如 \"5000万元\"、\"2亿元\"、\"300000元\"";
            case PERCENT -> "百分比字符串，如 \"5%\"";
            case DATE -> "日期 \"2020-01-01\" 或相对评估日的 {\"ago\": \"P1Y\"}";
            case TEXT, TEXT_SET -> "文本";
            case REGION_CODE -> "6位行政区划代码，如 \"320500\"";
            case INDUSTRY_CODE -> "行业代码，如 \"C39\"";
            case BOOLEAN -> "true 或 false";
        };
    }

    private static String expectedEn(ValueType type) {
        return switch (type) {
            case NUMBER -> "a number such as 10";
            case MONEY -> "an amount with its unit such as \"5000万元\", \"2亿元\" or \"300000元\"";
            case PERCENT -> "a percentage such as \"5%\"";
            case DATE -> "a date \"2020-01-01\" or {\"ago\": \"P1Y\"} back from the evaluation date";
            case TEXT, TEXT_SET -> "a text";
            case REGION_CODE -> "a 6-digit region code such as \"320500\"";
            case INDUSTRY_CODE -> "an industry code such as \"C39\"";
            case BOOLEAN -> "true or false";
        };
    }
}
