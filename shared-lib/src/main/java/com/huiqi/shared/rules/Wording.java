package com.huiqi.shared.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns evaluation findings into the plain-language reasons of a match report, in Chinese and
 * English: "2022-2024年研究开发费用占营业收入的比例 4.2%，要求不低于 5%" or "请补充：2023年研究开发费用".
 */
final class Wording {

    private Wording() {
    }

    static ConditionOutcome outcome(int index, Condition c, RuleEvaluator.Result r, LocalDate on) {
        int lastYear = on.getYear() - 1;
        List<Explanation> reasons = new ArrayList<>();
        Set<MissingFact> missing = new LinkedHashSet<>();
        for (RuleEvaluator.Finding f : r.findings()) {
            if (r.truth() != Truth.UNKNOWN) {
                reasons.add(render(f, on, lastYear));
            } else if (f.measure() instanceof Measure.Missing m) {
                missing.addAll(m.facts());
            } else if (f.measure() instanceof Measure.Unusable u) {
                reasons.add(new Explanation(u.zh(), u.en()));
            } else {
                // Known yet undecidable: a code coarser than the rule asks (320500 against 320571).
                Measure.Known k = (Measure.Known) f.measure();
                Attribute a = f.indicator().attribute();
                missing.add(MissingFact.of(a, null));
                reasons.add(new Explanation(
                        f.contextZh() + a.labelZh() + " " + showZh(k.figure(), f.indicator(), null) + " 不够具体，无法判断；请补充更精确的" + a.labelZh(),
                        f.contextEn() + capital(a.labelEn()) + " " + showEn(k.figure(), f.indicator(), null)
                                + " is too coarse to decide; please give a more precise " + a.labelEn()));
            }
        }
        if (!missing.isEmpty()) {
            reasons.add(0, new Explanation("请补充：" + supplyZh(missing), "Please provide: " + supplyEn(missing)));
        }
        return new ConditionOutcome(index, c.id(), c.text(), c.kind(), c.weight(), r.truth(), reasons,
                r.truth() == Truth.UNKNOWN ? List.copyOf(missing) : List.of());
    }

    static Explanation summary(Verdict verdict, int hardMet, int hardTotal, int unmet, int unknown) {
        return switch (verdict) {
            case ELIGIBLE -> new Explanation("符合申报条件（硬性条件 " + hardMet + "/" + hardTotal + " 项满足）",
                    "Eligible (" + hardMet + " of " + hardTotal + " hard conditions met)");
            case NOT_ELIGIBLE -> new Explanation("不符合申报条件（硬性条件满足 " + hardMet + "/" + hardTotal + " 项，"
                    + unmet + " 项条件未满足）", "Not eligible (" + hardMet + " of " + hardTotal
                    + " hard conditions met, " + unmet + " conditions not met)");
            case UNDETERMINED -> new Explanation("待补充资料后判断（硬性条件满足 " + hardMet + "/" + hardTotal + " 项，"
                    + unknown + " 项条件缺少数据）", "Undetermined until data is supplied (" + hardMet + " of " + hardTotal
                    + " hard conditions met, " + unknown + " conditions lack data)");
        };
    }

    // ------------------------------------------------------------ unusable figures

    static Measure.Unusable malformed(Attribute a) {
        return new Measure.Unusable("企业档案中“" + a.labelZh() + "”的数据格式有误，需核对后才能判断",
                "The file's " + a.labelEn() + " is malformed and must be checked before this can be decided");
    }

    static Measure.Unusable noGrowth(Attribute a, int firstYear, int lastYear) {
        return new Measure.Unusable(firstYear + "年" + a.labelZh() + "为零或负数（或" + lastYear + "年为负数），"
                + years(firstYear, lastYear) + a.labelZh() + "增长率无法计算，需人工核定",
                capital(a.labelEn()) + " for " + firstYear + " is zero or negative (or negative for " + lastYear
                        + "), so its growth cannot be computed; a person must decide");
    }

    static Measure.Unusable noRatio(Indicator.Ratio r, int lastYear) {
        String when = r.years() == null ? "" : years(lastYear - r.years() + 1, lastYear);
        return new Measure.Unusable(when + r.denominator().labelZh() + (r.years() == null ? "" : "合计")
                + "为零或负数，" + r.numerator().labelZh() + "占比无法计算，需人工核定",
                capital(r.denominator().labelEn()) + (r.years() == null ? "" : " over " + yearsEn(lastYear - r.years() + 1, lastYear))
                        + " is zero or negative, so the share cannot be computed; a person must decide");
    }

    // ------------------------------------------------------------ tiers

    static String[] tierContext(RuleExpr.Tiered tiered, int chosen, Object figure, int lastYear) {
        // Show the figure in the unit of the bound it is measured against: "1.2亿元" beside "不超过 2亿元".
        RuleExpr.Bound nearest = tiered.tiers().get(chosen).bound() != null
                ? tiered.tiers().get(chosen).bound() : tiered.tiers().get(chosen - 1).bound();
        Literal hint = nearest.value();
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        if (chosen > 0) {
            RuleExpr.Bound below = tiered.tiers().get(chosen - 1).bound();
            zh.add((below.inclusive() ? "超过 " : "不低于 ") + requiredZh(below.value(), tiered.by(), null));
            en.add((below.inclusive() ? "above " : "from ") + requiredEn(below.value(), tiered.by(), null));
        }
        RuleExpr.Bound upper = tiered.tiers().get(chosen).bound();
        if (upper != null) {
            zh.add((upper.inclusive() ? "不超过 " : "低于 ") + requiredZh(upper.value(), tiered.by(), null));
            en.add((upper.inclusive() ? "up to " : "below ") + requiredEn(upper.value(), tiered.by(), null));
        }
        return new String[] {
                labelZh(tiered.by(), lastYear) + " " + showZh(figure, tiered.by(), hint) + "，适用第" + (chosen + 1) + "档（"
                        + String.join("、", zh) + "）：",
                capital(labelEn(tiered.by(), lastYear)) + ": " + showEn(figure, tiered.by(), hint) + ", tier " + (chosen + 1)
                        + " (" + String.join(" and ", en) + ") applies: "};
    }

    static String[] anyTierContext(Indicator by, int lastYear) {
        return new String[] {"无论" + labelZh(by, lastYear) + "处于哪一档，", "Whichever tier " + labelEn(by, lastYear) + " falls in: "};
    }

    // ------------------------------------------------------------ one finding

    static Explanation render(RuleEvaluator.Finding f, LocalDate on, int lastYear) {
        Indicator ind = f.indicator();
        Object figure = ((Measure.Known) f.measure()).figure();
        String label = labelZh(ind, lastYear);
        String labelEn = capital(labelEn(ind, lastYear));
        RuleExpr leaf = f.leaf();
        if (leaf instanceof RuleExpr.Compare c) {
            CompareOp op = f.negated() ? c.op().negate() : c.op();
            return new Explanation(
                    f.contextZh() + label + " " + showZh(figure, ind, c.value()) + "，要求" + phraseZh(op, ind.type()) + " "
                            + requiredZh(c.value(), ind, on),
                    f.contextEn() + labelEn + ": " + showEn(figure, ind, c.value()) + ", required " + phraseEn(op, ind.type()) + " "
                            + requiredEn(c.value(), ind, on));
        }
        if (leaf instanceof RuleExpr.Between b) {
            return new Explanation(
                    f.contextZh() + label + " " + showZh(figure, ind, b.from()) + "，要求" + (f.negated() ? "不在 " : "在 ")
                            + requiredZh(b.from(), ind, on) + " 至 " + requiredZh(b.to(), ind, on) + " 之间（含两端）",
                    f.contextEn() + labelEn + ": " + showEn(figure, ind, b.from()) + ", required " + (f.negated() ? "outside " : "")
                            + requiredEn(b.from(), ind, on) + " to " + requiredEn(b.to(), ind, on) + " inclusive");
        }
        RuleExpr.Membership m = (RuleExpr.Membership) leaf;
        String values = String.join("、", m.values());
        String valuesEn = String.join(", ", m.values());
        boolean neg = f.negated();
        String zh;
        String en;
        switch (m.op()) {
            case IN, NOT_IN -> {
                boolean oneOf = (m.op() == SetOp.IN) != neg;
                zh = oneOf ? "要求为以下之一：" : "要求不为以下任何一项：";
                en = oneOf ? "required one of: " : "required none of: ";
            }
            case CONTAINS_ANY -> {
                zh = neg ? "要求均不具备：" : "要求至少具备其一：";
                en = neg ? "required none of: " : "required at least one of: ";
            }
            case CONTAINS_ALL -> {
                zh = neg ? "要求不全部具备：" : "要求全部具备：";
                en = neg ? "required not all of: " : "required all of: ";
                Collection<?> have = (Collection<?>) figure;
                List<String> lacking = m.values().stream().filter(v -> !have.contains(v)).toList();
                if (!neg && !lacking.isEmpty()) {
                    values += "（缺少：" + String.join("、", lacking) + "）";
                    valuesEn += " (lacking: " + String.join(", ", lacking) + ")";
                }
            }
            case WITHIN_REGION -> {
                zh = neg ? "要求不位于：" : "要求位于：";
                en = neg ? "required outside: " : "required within: ";
            }
            case WITHIN_INDUSTRY -> {
                zh = neg ? "要求不属于行业：" : "要求属于行业：";
                en = neg ? "required outside industries: " : "required within industries: ";
            }
            default -> throw new IllegalStateException("Unhandled operator " + m.op());
        }
        return new Explanation(f.contextZh() + label + " " + showZh(figure, ind, null) + "，" + zh + values,
                f.contextEn() + labelEn + ": " + showEn(figure, ind, null) + ", " + en + valuesEn);
    }

    // ------------------------------------------------------------ labels

    static String labelZh(Indicator indicator, int lastYear) {
        if (indicator instanceof Indicator.Aggregate g) {
            String name = g.attribute().labelZh();
            String window = years(lastYear - g.years() + 1, lastYear);
            return switch (g.fn()) {
                case LATEST -> lastYear + "年" + name;
                case SUM -> g.years() == 1 ? lastYear + "年" + name : window + name + "合计";
                case AVG -> window + "年均" + name;
                case MIN -> window + "各年" + name + "最低值";
                case MAX -> window + "各年" + name + "最高值";
                case GROWTH -> g.years() == 2 ? lastYear + "年" + name + "同比增长率" : window + name + "年均增长率";
            };
        }
        if (indicator instanceof Indicator.Ratio r) {
            String window = r.years() == null ? "" : r.years() == 1 ? lastYear + "年" : years(lastYear - r.years() + 1, lastYear);
            return window + r.numerator().labelZh() + "占" + r.denominator().labelZh() + "的比例";
        }
        return indicator.attribute().labelZh();
    }

    static String labelEn(Indicator indicator, int lastYear) {
        if (indicator instanceof Indicator.Aggregate g) {
            String name = g.attribute().labelEn();
            String window = yearsEn(lastYear - g.years() + 1, lastYear);
            return switch (g.fn()) {
                case LATEST -> name + " in " + lastYear;
                case SUM -> g.years() == 1 ? name + " in " + lastYear : "total " + name + " " + window;
                case AVG -> "average annual " + name + " " + window;
                case MIN -> "lowest annual " + name + " " + window;
                case MAX -> "highest annual " + name + " " + window;
                case GROWTH -> g.years() == 2 ? "year-on-year growth of " + name + " in " + lastYear
                        : "compound annual growth of " + name + " " + window;
            };
        }
        if (indicator instanceof Indicator.Ratio r) {
            String window = r.years() == null ? "" : " " + (r.years() == 1 ? "in " + lastYear : yearsEn(lastYear - r.years() + 1, lastYear));
            return r.numerator().labelEn() + " as a share of " + r.denominator().labelEn() + window;
        }
        return indicator.attribute().labelEn();
    }

    private static String years(int from, int to) {
        return from == to ? to + "年" : from + "-" + to + "年";
    }

    private static String yearsEn(int from, int to) {
        return from == to ? "in " + to : from + "–" + to;
    }

    // ------------------------------------------------------------ figures

    /** The enterprise's figure; money in the unit the requirement is written in, so the two compare at a glance. */
    static String showZh(Object figure, Indicator ind, Literal hint) {
        return switch (ind.type()) {
            case NUMBER -> Decimals.distinct(Measure.approximate(figure), hint instanceof Literal.Quantity q ? q.value() : null, 2)
                    + unit(ind);
            case MONEY -> {
                BigDecimal yuan = Measure.approximate(figure);
                MoneyUnit unit = hint instanceof Literal.Money m ? m.unit() : naturalUnit(yuan);
                BigDecimal limit = hint instanceof Literal.Money m ? m.amount() : null;
                yield Decimals.distinct(yuan.divide(unit.yuan()), limit, 2) + unit.symbol();
            }
            case PERCENT -> Decimals.distinct(Measure.approximate(figure).multiply(Decimals.HUNDRED),
                    hint instanceof Literal.Percent p ? p.percent() : null, 2) + "%";
            case TEXT_SET -> {
                List<String> sorted = ((Collection<?>) figure).stream().map(String::valueOf).sorted().toList();
                yield sorted.isEmpty() ? "无" : String.join("、", sorted);
            }
            case BOOLEAN -> (Boolean) figure ? "是" : "否";
            case INDUSTRY_CODE -> IndustryCodes.canonical((IndustryCodes.Code) figure);
            default -> String.valueOf(figure);
        };
    }

    static String showEn(Object figure, Indicator ind, Literal hint) {
        return switch (ind.type()) {
            case MONEY -> {
                BigDecimal limit = hint instanceof Literal.Money m ? m.yuan() : null;
                yield grouped(Decimals.distinct(Measure.approximate(figure), limit, 2)) + " yuan";
            }
            case TEXT_SET -> {
                List<String> sorted = ((Collection<?>) figure).stream().map(String::valueOf).sorted().toList();
                yield sorted.isEmpty() ? "none" : String.join(", ", sorted);
            }
            case BOOLEAN -> (Boolean) figure ? "yes" : "no";
            case NUMBER -> Decimals.distinct(Measure.approximate(figure), hint instanceof Literal.Quantity q ? q.value() : null, 2);
            default -> showZh(figure, ind, hint);
        };
    }

    private static String requiredZh(Literal value, Indicator ind, LocalDate on) {
        if (value instanceof Literal.Quantity q) {
            return q.value().toPlainString() + unit(ind);
        }
        if (value instanceof Literal.Money m) {
            return m.toString();
        }
        if (value instanceof Literal.Percent p) {
            return p.percent().toPlainString() + "%";
        }
        if (value instanceof Literal.Date d) {
            return d.date().toString();
        }
        if (value instanceof Literal.DateAgo a) {
            return (on == null ? "" : a.resolve(on) + "（") + "评估日前" + periodZh(a.period()) + (on == null ? "" : "）");
        }
        if (value instanceof Literal.Bool b) {
            return b.value() ? "是" : "否";
        }
        return ((Literal.Text) value).value();
    }

    private static String requiredEn(Literal value, Indicator ind, LocalDate on) {
        if (value instanceof Literal.Quantity q) {
            return q.value().toPlainString();
        }
        if (value instanceof Literal.Money m) {
            return grouped(m.yuan().toPlainString()) + " yuan";
        }
        if (value instanceof Literal.DateAgo a) {
            return (on == null ? "" : a.resolve(on) + " (") + periodEn(a.period()) + " before the evaluation date" + (on == null ? "" : ")");
        }
        if (value instanceof Literal.Bool b) {
            return b.value() ? "yes" : "no";
        }
        return requiredZh(value, ind, on);
    }

    private static String phraseZh(CompareOp op, ValueType type) {
        if (type == ValueType.DATE) {
            return switch (op) {
                case EQ -> "为";
                case NE -> "不为";
                case GT -> "晚于";
                case GTE -> "不早于";
                case LT -> "早于";
                case LTE -> "不晚于";
            };
        }
        if (!type.ordered()) {
            return op == CompareOp.EQ ? "为" : "不为";
        }
        return switch (op) {
            case EQ -> "等于";
            case NE -> "不等于";
            case GT -> "高于";
            case GTE -> "不低于";
            case LT -> "低于";
            case LTE -> "不高于";
        };
    }

    private static String phraseEn(CompareOp op, ValueType type) {
        if (type == ValueType.DATE) {
            return switch (op) {
                case EQ -> "on";
                case NE -> "not on";
                case GT -> "after";
                case GTE -> "on or after";
                case LT -> "before";
                case LTE -> "on or before";
            };
        }
        if (!type.ordered()) {
            return op == CompareOp.EQ ? "to be" : "not to be";
        }
        return switch (op) {
            case EQ -> "equal to";
            case NE -> "other than";
            case GT -> "more than";
            case GTE -> "at least";
            case LT -> "less than";
            case LTE -> "at most";
        };
    }

    private static String unit(Indicator ind) {
        String unit = ind.attribute().unit();
        return ind.type() == ValueType.NUMBER && unit != null ? unit : "";
    }

    private static MoneyUnit naturalUnit(BigDecimal yuan) {
        BigDecimal abs = yuan.abs();
        if (abs.compareTo(MoneyUnit.YI.yuan()) >= 0) {
            return MoneyUnit.YI;
        }
        return abs.compareTo(MoneyUnit.WAN.yuan()) >= 0 ? MoneyUnit.WAN : MoneyUnit.YUAN;
    }

    /** "46000000.5" → "46,000,000.5"; by hand because a DecimalFormat per reason costs more than the evaluation. */
    static String grouped(String plain) {
        int sign = plain.startsWith("-") ? 1 : 0;
        int point = plain.indexOf('.');
        int end = point < 0 ? plain.length() : point;
        StringBuilder s = new StringBuilder(plain.length() + 8).append(plain, 0, sign);
        for (int i = sign; i < end; i++) {
            if (i > sign && (end - i) % 3 == 0) {
                s.append(',');
            }
            s.append(plain.charAt(i));
        }
        return s.append(plain, end, plain.length()).toString();
    }

    private static String periodZh(Period p) {
        StringBuilder s = new StringBuilder();
        if (p.getYears() != 0) {
            s.append(p.getYears()).append("年");
        }
        if (p.getMonths() != 0) {
            s.append(p.getMonths()).append("个月");
        }
        if (p.getDays() != 0 || s.length() == 0) {
            s.append(p.getDays()).append("天");
        }
        return s.toString();
    }

    private static String periodEn(Period p) {
        List<String> parts = new ArrayList<>();
        if (p.getYears() != 0) {
            parts.add(p.getYears() + (p.getYears() == 1 ? " year" : " years"));
        }
        if (p.getMonths() != 0) {
            parts.add(p.getMonths() + (p.getMonths() == 1 ? " month" : " months"));
        }
        if (p.getDays() != 0 || parts.isEmpty()) {
            parts.add(p.getDays() + (p.getDays() == 1 ? " day" : " days"));
        }
        return String.join(" ", parts);
    }

    // ------------------------------------------------------------ what to supply

    /** "2023、2024年研究开发费用、成立日期": years of one attribute grouped. */
    private static String supplyZh(Collection<MissingFact> missing) {
        return group(missing).entrySet().stream().map(e -> {
            List<Integer> ys = e.getValue().stream().map(MissingFact::year).filter(java.util.Objects::nonNull).toList();
            MissingFact any = e.getValue().get(0);
            return ys.isEmpty() ? any.labelZh()
                    : ys.stream().map(String::valueOf).collect(Collectors.joining("、")) + "年" + any.labelZh().substring(any.labelZh().indexOf('年') + 1);
        }).collect(Collectors.joining("；"));
    }

    private static String supplyEn(Collection<MissingFact> missing) {
        return group(missing).entrySet().stream().map(e -> {
            List<Integer> ys = e.getValue().stream().map(MissingFact::year).filter(java.util.Objects::nonNull).toList();
            MissingFact any = e.getValue().get(0);
            return ys.isEmpty() ? any.labelEn()
                    : any.labelEn().substring(0, any.labelEn().lastIndexOf(" for ")) + " for "
                            + ys.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }).collect(Collectors.joining("; "));
    }

    private static Map<String, List<MissingFact>> group(Collection<MissingFact> missing) {
        Map<String, List<MissingFact>> byAttribute = new LinkedHashMap<>();
        for (MissingFact m : missing) {
            byAttribute.computeIfAbsent(m.attribute() + (m.year() == null ? "" : "#series"), k -> new ArrayList<>()).add(m);
        }
        return byAttribute;
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
