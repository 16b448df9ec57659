package com.huiqi.shared.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates rules against an enterprise's facts on an evaluation date, in three-valued logic: a
 * condition whose data is missing is {@link Truth#UNKNOWN} and says what to supply, never FALSE.
 *
 * <p>Fiscal years are calendar years; "the last N years" are the last N completed before the
 * evaluation date (on 2025-06-15: 2022, 2023, 2024). Stateless and thread-safe.
 */
public final class RuleEvaluator {

    private static final Result TRUE = new Result(Truth.TRUE, List.of());
    private static final Result FALSE = new Result(Truth.FALSE, List.of());
    private static final Result UNKNOWN = new Result(Truth.UNKNOWN, List.of());

    /** The whole report for one enterprise: verdict, match degree and per-condition reasons. */
    public RuleOutcome evaluate(PolicyRule rule, EnterpriseFacts facts, LocalDate evaluationDate) {
        Ctx ctx = new Ctx(facts, evaluationDate, true);
        List<Condition> conditions = rule.conditions();
        Truth[] truths = new Truth[conditions.size()];
        List<ConditionOutcome> outcomes = new ArrayList<>();
        List<ConditionOutcome> unmet = new ArrayList<>();
        List<ConditionOutcome> unknown = new ArrayList<>();
        Set<MissingFact> missing = new LinkedHashSet<>();
        for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            Result r = eval(c.rule(), ctx);
            truths[i] = r.truth();
            ConditionOutcome outcome = Wording.outcome(i, c, r, ctx.evaluationDate());
            outcomes.add(outcome);
            if (r.truth() == Truth.FALSE) {
                unmet.add(outcome);
            } else if (r.truth() == Truth.UNKNOWN) {
                unknown.add(outcome);
                missing.addAll(outcome.missing());
            }
        }
        Score s = score(conditions, truths);
        return new RuleOutcome(evaluationDate, s.verdict(), s.degree(), s.upper(), s.hardMet(), s.hardTotal(),
                outcomes, unmet, unknown, List.copyOf(missing),
                Wording.summary(s.verdict(), s.hardMet(), s.hardTotal(), unmet.size(), unknown.size()));
    }

    /**
     * Verdict and match degree only, for scanning many enterprises. It skips the reasons, stops an
     * {@code all} at its first FALSE operand and an {@code any} at its first TRUE one, and stops
     * evaluating hard conditions once one fails: Kleene's connectives make those answers final, and the
     * tests check that this equals {@link #evaluate}.
     */
    public Decision decide(PolicyRule rule, EnterpriseFacts facts, LocalDate evaluationDate) {
        Ctx ctx = new Ctx(facts, evaluationDate, false);
        List<Condition> conditions = rule.conditions();
        Truth[] truths = new Truth[conditions.size()];
        boolean hardFailed = false;
        for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            if (c.kind() == ConditionKind.HARD && hardFailed) {
                truths[i] = Truth.UNKNOWN; // does not matter: the verdict is already NOT_ELIGIBLE
                continue;
            }
            truths[i] = eval(c.rule(), ctx).truth();
            hardFailed |= c.kind() == ConditionKind.HARD && truths[i] == Truth.FALSE;
        }
        Score s = score(conditions, truths);
        return new Decision(hardFailed ? Verdict.NOT_ELIGIBLE : s.verdict(), s.degree(), s.upper());
    }

    /** The truth of one expression. */
    public Truth truth(RuleExpr expr, EnterpriseFacts facts, LocalDate evaluationDate) {
        return eval(expr, new Ctx(facts, evaluationDate, false)).truth();
    }

    private record Score(Verdict verdict, int degree, int upper, int hardMet, int hardTotal) {
    }

    private static Score score(List<Condition> conditions, Truth[] truths) {
        Truth hard = Truth.TRUE;
        int hardMet = 0;
        int hardTotal = 0;
        BigDecimal weight = BigDecimal.ZERO;
        BigDecimal met = BigDecimal.ZERO;
        BigDecimal open = BigDecimal.ZERO;
        for (int i = 0; i < truths.length; i++) {
            Condition c = conditions.get(i);
            if (c.kind() == ConditionKind.HARD) {
                hardTotal++;
                hardMet += truths[i] == Truth.TRUE ? 1 : 0;
                hard = hard.and(truths[i]);
            } else {
                weight = weight.add(c.weight());
                if (truths[i] == Truth.TRUE) {
                    met = met.add(c.weight());
                } else if (truths[i] == Truth.UNKNOWN) {
                    open = open.add(c.weight());
                }
            }
        }
        return new Score(Verdict.of(hard), percent(met, weight), percent(met.add(open), weight), hardMet, hardTotal);
    }

    /** Rounded down, so "100" is only ever shown when everything holds. */
    private static int percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return 100;
        }
        return part.multiply(Decimals.HUNDRED).divide(whole, 0, RoundingMode.FLOOR).intValueExact();
    }

    // ---------------------------------------------------------------- evaluation

    /** The evaluation of one node: its truth and, when explaining, the leaves that decided it. */
    record Result(Truth truth, List<Finding> findings) {
    }

    /**
     * A leaf's contribution to the reasons. Its {@code truth} is the leaf's truth after any
     * enclosing {@code not}s; {@code negated} says the requirement is to be worded the other way.
     */
    record Finding(Truth truth, Indicator indicator, RuleExpr leaf, Measure measure, boolean negated,
                   String contextZh, String contextEn) {

        Finding negate() {
            return new Finding(truth.not(), indicator, leaf, measure, !negated, contextZh, contextEn);
        }

        Finding within(String zh, String en) {
            return new Finding(truth, indicator, leaf, measure, negated, zh + contextZh, en + contextEn);
        }
    }

    private record Ctx(EnterpriseFacts facts, LocalDate evaluationDate, int lastYear, boolean explain) {
        Ctx(EnterpriseFacts facts, LocalDate evaluationDate, boolean explain) {
            this(facts, evaluationDate, evaluationDate.getYear() - 1, explain);
        }
    }

    private Result eval(RuleExpr expr, Ctx ctx) {
        if (expr instanceof RuleExpr.All all) {
            return junction(all.operands(), true, ctx);
        }
        if (expr instanceof RuleExpr.Any any) {
            return junction(any.operands(), false, ctx);
        }
        if (expr instanceof RuleExpr.Not not) {
            Result inner = eval(not.operand(), ctx);
            if (!ctx.explain()) {
                return constant(inner.truth().not());
            }
            return new Result(inner.truth().not(), inner.findings().stream().map(Finding::negate).toList());
        }
        if (expr instanceof RuleExpr.Tiered tiered) {
            return tiered(tiered, ctx);
        }
        Indicator indicator = indicatorOf(expr);
        Measure measure = measure(indicator, ctx);
        Truth truth = measure instanceof Measure.Known known ? leaf(expr, known.figure(), ctx) : Truth.UNKNOWN;
        if (!ctx.explain()) {
            return constant(truth);
        }
        return new Result(truth, List.of(new Finding(truth, indicator, expr, measure, false, "", "")));
    }

    /**
     * {@code all} (conjunction) or {@code any}. The reasons kept are those that decided the result:
     * for a failed {@code all} its failed operands, for a met {@code any} its met ones, for an
     * unknown result the unknown operands (they say what to supply), otherwise all.
     */
    private Result junction(List<RuleExpr> operands, boolean conjunction, Ctx ctx) {
        Truth decisive = conjunction ? Truth.FALSE : Truth.TRUE;
        Truth truth = conjunction ? Truth.TRUE : Truth.FALSE;
        if (!ctx.explain()) {
            for (RuleExpr operand : operands) {
                Truth t = eval(operand, ctx).truth();
                if (t == decisive) {
                    return constant(decisive);
                }
                truth = conjunction ? truth.and(t) : truth.or(t);
            }
            return constant(truth);
        }
        List<Result> results = new ArrayList<>(operands.size());
        for (RuleExpr operand : operands) {
            Result r = eval(operand, ctx);
            results.add(r);
            truth = conjunction ? truth.and(r.truth()) : truth.or(r.truth());
        }
        boolean everyOperandCounts = truth != decisive && truth != Truth.UNKNOWN;
        List<Finding> findings = new ArrayList<>();
        for (Result r : results) {
            if (everyOperandCounts || r.truth() == truth) {
                findings.addAll(r.findings());
            }
        }
        return new Result(truth, findings);
    }

    private Result tiered(RuleExpr.Tiered tiered, Ctx ctx) {
        Measure measure = measure(tiered.by(), ctx);
        List<RuleExpr.Tier> tiers = tiered.tiers();
        if (measure instanceof Measure.Known known) {
            int chosen = tiers.size() - 1;
            for (int i = 0; i < tiers.size() - 1; i++) {
                RuleExpr.Bound bound = tiers.get(i).bound();
                int cmp = order(known.figure(), bound.value(), ctx.evaluationDate());
                if (bound.inclusive() ? cmp <= 0 : cmp < 0) {
                    chosen = i;
                    break;
                }
            }
            Result r = eval(tiers.get(chosen).rule(), ctx);
            if (!ctx.explain()) {
                return r;
            }
            String[] context = Wording.tierContext(tiered, chosen, known.figure(), ctx.lastYear());
            return new Result(r.truth(), r.findings().stream().map(f -> f.within(context[0], context[1])).toList());
        }
        // The selector is unknown, yet exactly one tier applies whatever it is: if every tier gives
        // the same known answer, that is the answer; otherwise it stays unknown.
        List<Result> results = new ArrayList<>(tiers.size());
        Truth first = null;
        boolean unanimous = true;
        for (RuleExpr.Tier tier : tiers) {
            Result r = eval(tier.rule(), ctx);
            results.add(r);
            first = first == null ? r.truth() : first;
            unanimous &= r.truth() == first && first.isKnown();
        }
        Truth truth = unanimous ? first : Truth.UNKNOWN;
        if (!ctx.explain()) {
            return constant(truth);
        }
        List<Finding> findings = new ArrayList<>();
        if (!unanimous) {
            findings.add(new Finding(Truth.UNKNOWN, tiered.by(), null, measure, false, "", ""));
        }
        String[] context = Wording.anyTierContext(tiered.by(), ctx.lastYear());
        for (Result r : results) {
            for (Finding f : r.findings()) {
                if (unanimous) {
                    findings.add(f.within(context[0], context[1]));
                } else if (r.truth() == Truth.UNKNOWN) {
                    findings.add(f);
                }
            }
        }
        return new Result(truth, findings);
    }

    private static Result constant(Truth truth) {
        return switch (truth) {
            case TRUE -> TRUE;
            case FALSE -> FALSE;
            case UNKNOWN -> UNKNOWN;
        };
    }

    static Indicator indicatorOf(RuleExpr leaf) {
        if (leaf instanceof RuleExpr.Compare c) {
            return c.indicator();
        }
        if (leaf instanceof RuleExpr.Between b) {
            return b.indicator();
        }
        return ((RuleExpr.Membership) leaf).indicator();
    }

    /** The truth of a comparison whose figure is known. */
    private static Truth leaf(RuleExpr leaf, Object figure, Ctx ctx) {
        if (leaf instanceof RuleExpr.Compare c) {
            ValueType type = c.indicator().type();
            if (type.ordered()) {
                return Truth.of(c.op().holds(order(figure, c.value(), ctx.evaluationDate())));
            }
            Truth same = same(type, figure, c.value());
            return c.op() == CompareOp.NE ? same.not() : same;
        }
        if (leaf instanceof RuleExpr.Between b) {
            LocalDate on = ctx.evaluationDate();
            return Truth.of(order(figure, b.from(), on) >= 0 && order(figure, b.to(), on) <= 0);
        }
        RuleExpr.Membership m = (RuleExpr.Membership) leaf;
        ValueType type = m.indicator().type();
        switch (m.op()) {
            case IN, NOT_IN -> {
                Truth in = Truth.FALSE;
                for (String v : m.values()) {
                    in = in.or(same(type, figure, new Literal.Text(v)));
                }
                return m.op() == SetOp.IN ? in : in.not();
            }
            case CONTAINS_ANY -> {
                Collection<?> set = (Collection<?>) figure;
                return Truth.of(m.values().stream().anyMatch(set::contains));
            }
            case CONTAINS_ALL -> {
                Collection<?> set = (Collection<?>) figure;
                return Truth.of(set.containsAll(m.values()));
            }
            case WITHIN_REGION -> {
                Truth within = Truth.FALSE;
                for (String v : m.values()) {
                    within = within.or(RegionCodes.within((String) figure, v));
                }
                return within;
            }
            case WITHIN_INDUSTRY -> {
                Truth within = Truth.FALSE;
                for (String v : m.values()) {
                    within = within.or(IndustryCodes.within((IndustryCodes.Code) figure, IndustryCodes.parse(v)));
                }
                return within;
            }
            default -> throw new IllegalStateException("Unhandled operator " + m.op());
        }
    }

    /** Equality of a known text, code or yes/no figure with a value; codes coarser than the value are unknown. */
    private static Truth same(ValueType type, Object figure, Literal value) {
        return switch (type) {
            case REGION_CODE -> RegionCodes.same((String) figure, ((Literal.Text) value).value());
            case INDUSTRY_CODE -> IndustryCodes.same((IndustryCodes.Code) figure, IndustryCodes.parse(((Literal.Text) value).value()));
            case BOOLEAN -> Truth.of(figure.equals(((Literal.Bool) value).value()));
            default -> Truth.of(figure.equals(((Literal.Text) value).value()));
        };
    }

    /** Exact order of a known ordered figure against a value; relative dates resolve against the evaluation date. */
    static int order(Object figure, Literal value, LocalDate evaluationDate) {
        if (figure instanceof LocalDate date) {
            LocalDate other = value instanceof Literal.DateAgo ago ? ago.resolve(evaluationDate) : ((Literal.Date) value).date();
            return date.compareTo(other);
        }
        return Measure.compare(figure, threshold(value));
    }

    /** A numeric value in the figure's unit: yuan for money, a fraction for a percentage. */
    static BigDecimal threshold(Literal value) {
        if (value instanceof Literal.Money m) {
            return m.yuan();
        }
        if (value instanceof Literal.Percent p) {
            return p.fraction();
        }
        return ((Literal.Quantity) value).value();
    }

    // ---------------------------------------------------------------- measuring

    private static Measure measure(Indicator indicator, Ctx ctx) {
        if (indicator instanceof Indicator.Value v) {
            return scalar(v.attribute(), ctx);
        }
        if (indicator instanceof Indicator.Aggregate g) {
            return aggregate(g, ctx);
        }
        return ratio((Indicator.Ratio) indicator, ctx);
    }

    private static Measure scalar(Attribute a, Ctx ctx) {
        Optional<Object> raw = ctx.facts().value(a.name());
        if (raw.isEmpty()) {
            return new Measure.Missing(List.of(MissingFact.of(a, null)));
        }
        Object figure = coerce(a.type(), raw.get());
        return figure == null ? Wording.malformed(a) : new Measure.Known(figure);
    }

    /** The fact in the form the evaluator compares, or null when the file holds something unusable. */
    private static Object coerce(AttributeType type, Object value) {
        switch (type) {
            case NUMBER, MONEY -> {
                if (value instanceof BigDecimal d) {
                    return d;
                }
                if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                    return BigDecimal.valueOf(((Number) value).longValue());
                }
                return value instanceof java.math.BigInteger i ? new BigDecimal(i) : null;
            }
            case DATE -> {
                return value instanceof LocalDate ? value : null;
            }
            case TEXT -> {
                return value instanceof String s && !s.isBlank() ? s : null;
            }
            case TEXT_SET -> {
                if (value instanceof Collection<?> c) {
                    for (Object o : c) {
                        if (!(o instanceof String)) {
                            return null;
                        }
                    }
                    return value instanceof Set ? value : Set.copyOf(c);
                }
                return null;
            }
            case REGION_CODE -> {
                return value instanceof String s && RegionCodes.valid(s) ? s : null;
            }
            case INDUSTRY_CODE -> {
                return value instanceof String s ? IndustryCodes.parse(s) : null;
            }
            case BOOLEAN -> {
                return value instanceof Boolean ? value : null;
            }
            default -> {
                return null;
            }
        }
    }

    private static Measure aggregate(Indicator.Aggregate g, Ctx ctx) {
        int n = g.years();
        int firstYear = ctx.lastYear() - n + 1;
        BigDecimal[] figures = new BigDecimal[n];
        List<MissingFact> missing = yearly(g.attribute(), firstYear, n, figures, ctx, null);
        if (missing != null) {
            return new Measure.Missing(missing);
        }
        switch (g.fn()) {
            case LATEST, SUM -> {
                return new Measure.Known(sum(figures));
            }
            case AVG -> {
                return new Measure.Known(new Measure.Quotient(sum(figures), BigDecimal.valueOf(n)));
            }
            case MIN, MAX -> {
                BigDecimal pick = figures[0];
                for (BigDecimal f : figures) {
                    pick = g.fn() == AggregateFn.MIN ? pick.min(f) : pick.max(f);
                }
                return new Measure.Known(pick);
            }
            case GROWTH -> {
                BigDecimal first = figures[0];
                BigDecimal last = figures[n - 1];
                if (first.signum() <= 0 || last.signum() < 0) {
                    return Wording.noGrowth(g.attribute(), firstYear, ctx.lastYear());
                }
                return new Measure.Known(new Measure.Growth(first, last, n - 1));
            }
            default -> throw new IllegalStateException("Unhandled aggregate " + g.fn());
        }
    }

    private static Measure ratio(Indicator.Ratio r, Ctx ctx) {
        BigDecimal numerator;
        BigDecimal denominator;
        List<MissingFact> missing = new ArrayList<>();
        if (r.years() == null) {
            Measure num = scalar(r.numerator(), ctx);
            Measure den = scalar(r.denominator(), ctx);
            for (Measure m : List.of(num, den)) {
                if (m instanceof Measure.Missing mf) {
                    missing.addAll(mf.facts());
                } else if (m instanceof Measure.Unusable) {
                    return m;
                }
            }
            if (!missing.isEmpty()) {
                return new Measure.Missing(missing);
            }
            numerator = (BigDecimal) ((Measure.Known) num).figure();
            denominator = (BigDecimal) ((Measure.Known) den).figure();
        } else {
            int n = r.years();
            int firstYear = ctx.lastYear() - n + 1;
            BigDecimal[] nums = new BigDecimal[n];
            BigDecimal[] dens = new BigDecimal[n];
            List<MissingFact> m1 = yearly(r.numerator(), firstYear, n, nums, ctx, null);
            List<MissingFact> m2 = yearly(r.denominator(), firstYear, n, dens, ctx, m1);
            if (m2 != null) {
                return new Measure.Missing(m2);
            }
            numerator = sum(nums);
            denominator = sum(dens);
        }
        if (denominator.signum() <= 0) {
            return Wording.noRatio(r, ctx.lastYear());
        }
        return new Measure.Known(new Measure.Quotient(numerator, denominator));
    }

    /** Fills {@code into} with the window's figures; returns the missing years added to {@code missing}, or null if none. */
    private static List<MissingFact> yearly(Attribute a, int firstYear, int n, BigDecimal[] into, Ctx ctx,
                                            List<MissingFact> missing) {
        for (int i = 0; i < n; i++) {
            Optional<BigDecimal> v = ctx.facts().yearValue(a.name(), firstYear + i);
            if (v.isPresent()) {
                into[i] = v.get();
            } else {
                missing = missing == null ? new ArrayList<>() : missing;
                missing.add(MissingFact.of(a, firstYear + i));
            }
        }
        return missing;
    }

    private static BigDecimal sum(BigDecimal[] figures) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal f : figures) {
            total = total.add(f);
        }
        return total;
    }
}
