package com.huiqi.shared.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random rules and enterprise facts for the property tests, from a fixed seed so a failure repeats.
 * Values are drawn from small domains on purpose: thresholds and facts collide often, so equality
 * edges (exactly 5%, exactly one year) are exercised, not just the easy middle.
 */
final class RuleGen {

    static final AttributeCatalog CATALOG = AttributeCatalog.standard();
    static final List<String> QUALIFICATIONS = List.of("高新技术企业", "专精特新中小企业", "科技型中小企业", "瞪羚企业");
    static final List<String> REGIONS = List.of("320000", "320500", "320571", "320505", "320100", "320102", "110000", "110105");
    static final List<String> PRECISE_REGIONS = List.of("320571", "320505", "320102", "110105", "330106");
    static final List<String> INDUSTRIES = List.of("C", "C39", "C391", "C3911", "I", "I65", "I6510", "M73");
    static final List<String> PRECISE_INDUSTRIES = List.of("C3911", "C3921", "C2710", "I6510", "I6420", "M7320", "F5191");
    static final List<String> SIZES = List.of("大型", "中型", "小型", "微型");
    static final List<String> RATINGS = List.of("A", "B", "M", "C", "D");
    static final int FIRST_YEAR = 2018;
    static final int LAST_YEAR = 2025;

    private final Random random;

    RuleGen(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    LocalDate evaluationDate() {
        return LocalDate.of(2024 + random.nextInt(2), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    // ------------------------------------------------------------------ rules

    PolicyRule rule() {
        int n = 1 + random.nextInt(5);
        List<Condition> conditions = new ArrayList<>();
        conditions.add(Condition.hard("c0", "条件0", expr(0)));
        for (int i = 1; i < n; i++) {
            conditions.add(random.nextBoolean()
                    ? Condition.hard("c" + i, "条件" + i, expr(0))
                    : Condition.soft(random.nextBoolean() ? "c" + i : null, "加分条件" + i,
                            BigDecimal.valueOf(1 + random.nextInt(40)), expr(0)));
        }
        return new PolicyRule(conditions);
    }

    RuleExpr expr(int depth) {
        int pick = random.nextInt(10);
        if (depth >= 3 || pick < 5) {
            return leaf();
        }
        return switch (pick) {
            case 5, 6 -> new RuleExpr.All(operands(depth));
            case 7, 8 -> new RuleExpr.Any(operands(depth));
            default -> random.nextBoolean() ? new RuleExpr.Not(expr(depth + 1)) : tiered(depth);
        };
    }

    private List<RuleExpr> operands(int depth) {
        List<RuleExpr> list = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            list.add(expr(depth + 1));
        }
        return list;
    }

    RuleExpr.Tiered tiered(int depth) {
        int n = 2 + random.nextInt(2);
        List<RuleExpr.Tier> tiers = new ArrayList<>();
        int bound = 0;
        for (int i = 0; i < n; i++) {
            bound += 1000 + 1000 * random.nextInt(3);
            RuleExpr.Bound b = i == n - 1 ? null
                    : new RuleExpr.Bound(new Literal.Money(BigDecimal.valueOf(bound), MoneyUnit.WAN), random.nextBoolean());
            tiers.add(new RuleExpr.Tier(b, depth >= 2 ? leaf() : expr(depth + 1)));
        }
        return new RuleExpr.Tiered(Indicator.Aggregate.latest(attr("revenue")), tiers);
    }

    RuleExpr leaf() {
        switch (random.nextInt(16)) {
            case 0: {
                String name = pickOf("employees", "rdPersonnel", "patents.invention", "softwareCopyrights");
                return new RuleExpr.Compare(new Indicator.Value(attr(name)), compareOp(), quantity(0, 20));
            }
            case 1: {
                AggregateFn fn = pickOf(AggregateFn.LATEST, AggregateFn.SUM, AggregateFn.AVG, AggregateFn.MIN, AggregateFn.MAX);
                int years = fn == AggregateFn.LATEST ? 1 : 1 + random.nextInt(3);
                Indicator ind = new Indicator.Aggregate(attr(pickOf("revenue", "rdExpense", "taxPaid", "netProfit")), fn, years);
                return new RuleExpr.Compare(ind, compareOp(), money());
            }
            case 2: {
                Indicator ind = new Indicator.Aggregate(attr(pickOf("revenue", "netProfit", "insuredEmployees")), AggregateFn.GROWTH,
                        2 + random.nextInt(2));
                return new RuleExpr.Compare(ind, compareOp(), percent(-20, 40, 5));
            }
            case 3: {
                Indicator ind = new Indicator.Ratio(attr("rdExpense"), attr("revenue"), 1 + random.nextInt(3));
                return new RuleExpr.Compare(ind, compareOp(), percent(0, 10, 1));
            }
            case 4: {
                Indicator ind = new Indicator.Ratio(attr("rdPersonnel"), attr("employees"), null);
                return new RuleExpr.Compare(ind, compareOp(), percent(0, 40, 10));
            }
            case 5: {
                Literal when = random.nextBoolean()
                        ? new Literal.DateAgo(Period.ofYears(random.nextInt(4)).plusMonths(random.nextInt(2) * 6))
                        : new Literal.Date(LocalDate.of(2018 + random.nextInt(6), 1 + random.nextInt(12), 1));
                return new RuleExpr.Compare(new Indicator.Value(attr("establishedOn")), compareOp(), when);
            }
            case 6: {
                int lo = random.nextInt(15);
                return new RuleExpr.Between(new Indicator.Value(attr("employees")), new Literal.Quantity(BigDecimal.valueOf(lo)),
                        new Literal.Quantity(BigDecimal.valueOf(lo + random.nextInt(10))));
            }
            case 7: {
                String name = random.nextBoolean() ? "sizeClass" : "creditRating";
                List<String> vocabulary = name.equals("sizeClass") ? SIZES : RATINGS;
                return new RuleExpr.Compare(new Indicator.Value(attr(name)), random.nextBoolean() ? CompareOp.EQ : CompareOp.NE,
                        new Literal.Text(pick(vocabulary)));
            }
            case 8:
                return new RuleExpr.Membership(new Indicator.Value(attr("sizeClass")), random.nextBoolean() ? SetOp.IN : SetOp.NOT_IN,
                        subset(SIZES));
            case 9:
                return new RuleExpr.Compare(new Indicator.Value(attr(pickOf("dishonest", "seriousViolation"))),
                        random.nextBoolean() ? CompareOp.EQ : CompareOp.NE, new Literal.Bool(random.nextBoolean()));
            case 10:
                return new RuleExpr.Membership(new Indicator.Value(attr(pickOf("qualifications", "tags"))),
                        random.nextBoolean() ? SetOp.CONTAINS_ANY : SetOp.CONTAINS_ALL, subset(QUALIFICATIONS));
            case 11:
                return new RuleExpr.Membership(new Indicator.Value(attr("registeredRegion")), SetOp.WITHIN_REGION, subset(REGIONS));
            case 12:
                return new RuleExpr.Membership(new Indicator.Value(attr("industryCode")), SetOp.WITHIN_INDUSTRY, subset(INDUSTRIES));
            case 13:
                if (random.nextBoolean()) {
                    return new RuleExpr.Membership(new Indicator.Value(attr("industryCode")),
                            random.nextBoolean() ? SetOp.IN : SetOp.NOT_IN, subset(INDUSTRIES));
                }
                return new RuleExpr.Membership(new Indicator.Value(attr("registeredRegion")),
                        random.nextBoolean() ? SetOp.IN : SetOp.NOT_IN, subset(REGIONS));
            case 14: {
                Indicator ind = new Indicator.Aggregate(attr("revenue"), AggregateFn.SUM, 1 + random.nextInt(3));
                BigDecimal lo = BigDecimal.valueOf(1000L * random.nextInt(6));
                return new RuleExpr.Between(ind, new Literal.Money(lo, MoneyUnit.WAN),
                        new Literal.Money(lo.add(BigDecimal.valueOf(1000L * random.nextInt(6))), MoneyUnit.WAN));
            }
            default: {
                boolean region = random.nextBoolean();
                return new RuleExpr.Compare(new Indicator.Value(attr(region ? "registeredRegion" : "industryCode")),
                        random.nextBoolean() ? CompareOp.EQ : CompareOp.NE, new Literal.Text(pick(region ? REGIONS : INDUSTRIES)));
            }
        }
    }

    private CompareOp compareOp() {
        return CompareOp.values()[random.nextInt(CompareOp.values().length)];
    }

    private Literal quantity(int lo, int hi) {
        return new Literal.Quantity(BigDecimal.valueOf(lo + random.nextInt(hi - lo + 1)));
    }

    private Literal money() {
        return random.nextInt(4) == 0
                ? new Literal.Money(BigDecimal.valueOf(random.nextInt(3)).movePointLeft(random.nextInt(2)), MoneyUnit.YI)
                : new Literal.Money(BigDecimal.valueOf(500L * random.nextInt(12) - 500), MoneyUnit.WAN);
    }

    private Literal percent(int lo, int hi, int step) {
        return new Literal.Percent(BigDecimal.valueOf(lo + step * random.nextInt((hi - lo) / step + 1)));
    }

    private List<String> subset(List<String> from) {
        List<String> out = new ArrayList<>();
        for (String s : from) {
            if (random.nextInt(3) == 0) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            out.add(pick(from));
        }
        return out;
    }

    // ------------------------------------------------------------------ facts

    /** A complete file: every attribute and every year known, codes at their finest. */
    FactSheet fullFacts() {
        FactSheet.Builder b = FactSheet.builder()
                .text("registeredRegion", pick(PRECISE_REGIONS))
                .text("industryCode", pick(PRECISE_INDUSTRIES))
                .date("establishedOn", LocalDate.of(2017 + random.nextInt(9), 1 + random.nextInt(12), 1 + random.nextInt(28)))
                .text("sizeClass", pick(SIZES))
                .text("creditRating", pick(RATINGS))
                .number("employees", 1 + random.nextInt(20))
                .number("rdPersonnel", random.nextInt(6))
                .number("patents.invention", random.nextInt(6))
                .number("patents.utilityModel", random.nextInt(6))
                .number("softwareCopyrights", random.nextInt(6))
                .flag("dishonest", random.nextInt(5) == 0)
                .flag("seriousViolation", random.nextInt(5) == 0);
        Set<String> quals = new HashSet<>();
        for (String q : QUALIFICATIONS) {
            if (random.nextBoolean()) {
                quals.add(q);
            }
        }
        b.texts("qualifications", quals).texts("tags", random.nextBoolean() ? Set.of() : Set.of(pick(QUALIFICATIONS)));
        for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
            long revenue = 500L * random.nextInt(12);
            b.year("revenue", y, BigDecimal.valueOf(revenue).movePointRight(4));
            b.year("rdExpense", y, BigDecimal.valueOf(random.nextInt(4) * 25L).movePointRight(4));
            b.year("taxPaid", y, BigDecimal.valueOf(500L * random.nextInt(4)).movePointRight(4));
            b.year("netProfit", y, BigDecimal.valueOf(500L * (random.nextInt(5) - 1)).movePointRight(4));
            b.year("insuredEmployees", y, BigDecimal.valueOf(random.nextInt(5) * 10L));
        }
        return b.build();
    }

    /** The same file with some facts dropped and some codes made coarser: strictly less information. */
    FactSheet partial(FactSheet full) {
        FactSheet.Builder b = full.toBuilder();
        // Sorted: FactSheet's maps are immutable maps, whose iteration order changes from one JVM to
        // the next, and the draws below must land on the same attributes in every run.
        for (String name : new java.util.TreeSet<>(full.values().keySet())) {
            int r = random.nextInt(10);
            if (r < 3) {
                b.without(name);
            } else if (r < 5 && name.equals("registeredRegion")) {
                String code = (String) full.values().get(name);
                b.text(name, random.nextBoolean() ? code.substring(0, 4) + "00" : code.substring(0, 2) + "0000");
            } else if (r < 5 && name.equals("industryCode")) {
                String code = (String) full.values().get(name);
                b.text(name, code.substring(0, List.of(1, 3, 4).get(random.nextInt(3))));
            }
        }
        for (String name : new java.util.TreeSet<>(full.series().keySet())) {
            if (random.nextInt(10) == 0) {
                b.without(name);
                continue;
            }
            for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
                if (random.nextInt(7) == 0) {
                    b.withoutYear(name, y);
                }
            }
        }
        return b.build();
    }

    // ------------------------------------------------------------------ helpers

    private static Attribute attr(String name) {
        return CATALOG.require(name);
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    @SafeVarargs
    private <T> T pickOf(T... from) {
        return from[random.nextInt(from.length)];
    }
}
