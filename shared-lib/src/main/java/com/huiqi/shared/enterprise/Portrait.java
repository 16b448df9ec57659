package com.huiqi.shared.enterprise;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.shared.enterprise.EnterpriseFile.SizeAssessment;
import com.huiqi.shared.enterprise.SizeStandard.Figures;
import com.huiqi.shared.enterprise.SizeStandard.Measure;
import com.huiqi.shared.enterprise.Tag.Category;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Derives the enterprise portrait (企业画像, 000 §5.2.2) from a file's figures: the size class by
 * the SME standard and the attribute, business, behaviour and interest tags, each with its reason
 * and the fields it rests on. Pure: the same figures on the same day give the same portrait, so it
 * is recomputed on every change rather than patched.
 */
public final class Portrait {

    /** Behaviour counts look back this far. */
    public static final int BEHAVIOUR_DAYS = 90;
    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    /** 快速成长: revenue compound growth of at least 20% a year over the last two years. */
    private static final BigDecimal FAST_GROWTH_FACTOR = new BigDecimal("1.44");

    /**
     * Industry chains (产业链) by GB/T 4754-2017 prefix. The platform's default grouping of the
     * chains Chinese centers commonly promote, not a national standard; the longest prefix wins.
     */
    private static final Map<String, String> CHAINS = Map.ofEntries(
            Map.entry("C39", "电子信息产业链"), Map.entry("I63", "电子信息产业链"), Map.entry("I64", "数字经济产业链"),
            Map.entry("I65", "软件和信息技术服务产业链"), Map.entry("C27", "生物医药产业链"), Map.entry("C358", "生物医药产业链"),
            Map.entry("C34", "高端装备制造产业链"), Map.entry("C35", "高端装备制造产业链"), Map.entry("C37", "高端装备制造产业链"),
            Map.entry("C36", "汽车及零部件产业链"), Map.entry("C38", "电气机械和新能源产业链"),
            Map.entry("C26", "新材料产业链"), Map.entry("C29", "新材料产业链"), Map.entry("C30", "新材料产业链"),
            Map.entry("C31", "新材料产业链"), Map.entry("C32", "新材料产业链"), Map.entry("C40", "仪器仪表产业链"),
            Map.entry("C17", "纺织服装产业链"), Map.entry("C18", "纺织服装产业链"), Map.entry("C19", "鞋革产业链"),
            Map.entry("M73", "研发与科技服务产业链"), Map.entry("M75", "研发与科技服务产业链"));

    private Portrait() {
    }

    /** The derived part of a file: its size assessment and its tags. */
    public record Derived(SizeAssessment size, List<Tag> tags) {
    }

    public static Derived derive(Map<String, FieldState> facts, List<Activity> activities, SizeStandard standard,
                                 LocalDate today, Instant now) {
        SizeAssessment size = size(facts, standard);
        List<Tag> tags = new ArrayList<>();
        text(facts, "enterpriseType").ifPresent(t -> tags.add(new Tag(Category.ATTRIBUTE, t,
                "企业类型为" + t, List.of("enterpriseType"))));
        text(facts, "industryCode").flatMap(Portrait::chainOf).ifPresent(chain -> tags.add(new Tag(Category.ATTRIBUTE,
                chain, "所属行业 " + text(facts, "industryCode").orElseThrow() + " 属于" + chain, List.of("industryCode"))));
        stage(facts, today).ifPresent(tags::add);
        if (size.sizeClass() != null) {
            tags.add(new Tag(Category.ATTRIBUTE, size.sizeClass().labelZh() + "企业", size.reason(),
                    List.of("industryCode", "employees", "revenue", "totalAssets")));
        }
        for (String domain : set(facts, "techDomains")) {
            tags.add(new Tag(Category.ATTRIBUTE, domain, "技术领域属于国家重点支持的高新技术领域：" + domain,
                    List.of("techDomains")));
        }
        for (String q : set(facts, "qualifications")) {
            tags.add(new Tag(Category.BUSINESS, q, "已获资质认定：" + q, List.of("qualifications")));
        }
        for (String h : set(facts, "honours")) {
            tags.add(new Tag(Category.BUSINESS, h, "获得人才与荣誉：" + h, List.of("honours")));
        }
        for (String p : set(facts, "projects")) {
            tags.add(new Tag(Category.BUSINESS, p, "承担科技项目：" + p, List.of("projects")));
        }
        tags.addAll(behaviour(activities, now));
        for (String interest : set(facts, "interests")) {
            tags.add(new Tag(Category.INTEREST, interest, "企业申报的兴趣偏好：" + interest, List.of("interests")));
        }
        return new Derived(size, List.copyOf(tags));
    }

    static Optional<String> chainOf(String industryCode) {
        String best = null;
        for (String prefix : CHAINS.keySet()) {
            if (industryCode.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return Optional.ofNullable(best).map(CHAINS::get);
    }

    /** Size class from the latest fiscal year that has every figure the industry's row needs. */
    static SizeAssessment size(Map<String, FieldState> facts, SizeStandard standard) {
        Optional<String> industry = text(facts, "industryCode");
        if (industry.isEmpty()) {
            return new SizeAssessment(standard.id(), null, null, null, null, List.of("industryCode"));
        }
        SizeStandard.Row row = standard.rowFor(industry.get());
        TreeSet<Integer> years = new TreeSet<>();
        for (String key : facts.keySet()) {
            Integer y = FileFields.yearOfKey(key);
            if (y != null) {
                years.add(y);
            }
        }
        List<String> missing = new ArrayList<>();
        for (Integer year : years.descendingSet()) {
            Figures f = figures(facts, year);
            if (SizeStandard.missing(row, f).isEmpty()) {
                SizeClass c = standard.classify(row, f);
                return new SizeAssessment(standard.id(), row.industry(), year, c, reason(standard, row, year, f, c), List.of());
            }
        }
        for (Measure m : row.measures()) {
            missing.add(switch (m) {
                case EMPLOYEES -> "employees";
                case REVENUE -> "revenue";
                case TOTAL_ASSETS -> "totalAssets";
            });
        }
        return new SizeAssessment(standard.id(), row.industry(), null, null, null, missing);
    }

    private static Figures figures(Map<String, FieldState> facts, int year) {
        Long employees = yearly(facts, "employees", year).map(BigDecimal::longValueExact).orElse(null);
        return new Figures(employees, yearly(facts, "revenue", year).orElse(null),
                yearly(facts, "totalAssets", year).orElse(null));
    }

    private static String reason(SizeStandard standard, SizeStandard.Row row, int year, Figures f, SizeClass c) {
        List<String> parts = new ArrayList<>();
        for (Measure m : row.measures()) {
            parts.add(switch (m) {
                case EMPLOYEES -> "从业人员" + f.employees() + "人";
                case REVENUE -> "营业收入" + wan(f.revenueYuan()) + "万元";
                case TOTAL_ASSETS -> "资产总额" + wan(f.totalAssetsYuan()) + "万元";
            });
        }
        return "依据" + year + "年度" + String.join("、", parts) + "，按" + standard.id() + "划型标准（" + row.industry()
                + "）为" + c.labelZh() + "企业";
    }

    private static String wan(BigDecimal yuan) {
        return yuan.divide(WAN, 2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /**
     * 成长阶段, the platform's own definition from age and growth: under 3 years 初创期; revenue up at
     * least 20% a year over the last two years 快速成长期; 10 years or more 成熟期; otherwise 成长期.
     */
    static Optional<Tag> stage(Map<String, FieldState> facts, LocalDate today) {
        Optional<LocalDate> established = text(facts, "establishedOn").map(LocalDate::parse);
        if (established.isEmpty()) {
            return Optional.empty();
        }
        int age = Period.between(established.get(), today).getYears();
        List<String> basis = List.of("establishedOn", "revenue");
        if (age < 3) {
            return Optional.of(new Tag(Category.ATTRIBUTE, "初创期", "成立不足3年（" + established.get() + "成立）",
                    List.of("establishedOn")));
        }
        Optional<Integer> latest = facts.keySet().stream().filter(k -> k.startsWith("revenue@"))
                .map(FileFields::yearOfKey).max(Integer::compare);
        if (latest.isPresent()) {
            Optional<BigDecimal> last = yearly(facts, "revenue", latest.get());
            Optional<BigDecimal> first = yearly(facts, "revenue", latest.get() - 2);
            if (last.isPresent() && first.isPresent() && first.get().signum() > 0) {
                BigDecimal factor = last.get().divide(first.get(), MathContext.DECIMAL64);
                BigDecimal growth = factor.sqrt(MathContext.DECIMAL64).subtract(BigDecimal.ONE)
                        .multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
                String span = (latest.get() - 2) + "—" + latest.get() + "年营业收入年均增长" + growth.toPlainString() + "%";
                if (last.get().compareTo(first.get().multiply(FAST_GROWTH_FACTOR)) >= 0) {
                    return Optional.of(new Tag(Category.ATTRIBUTE, "快速成长期", span + "（不低于20%）", basis));
                }
                if (age >= 10) {
                    return Optional.of(new Tag(Category.ATTRIBUTE, "成熟期", "成立" + age + "年，" + span, basis));
                }
                return Optional.of(new Tag(Category.ATTRIBUTE, "成长期", "成立" + age + "年，" + span, basis));
            }
        }
        return Optional.of(new Tag(Category.ATTRIBUTE, age >= 10 ? "成熟期" : "成长期",
                "成立" + age + "年（缺少近三年营业收入，未计增长）", basis));
    }

    /**
     * When the portrait derived now stops being what {@link #derive} would give, though no figure
     * changes: the first moment an activity leaves the {@value #BEHAVIOUR_DAYS}-day window, or the
     * enterprise's next anniversary (its age is in the growth stage and its reason). Null when only a
     * change of the figures can change it. The file's portrait is recomputed then, on a schedule.
     */
    public static Instant nextChange(Map<String, FieldState> facts, List<Activity> activities, LocalDate today,
                                     Instant now, ZoneId zone) {
        Instant next = null;
        Instant since = now.minusSeconds(BEHAVIOUR_DAYS * 86_400L);
        for (Activity a : activities) {
            if (!a.occurredAt().isBefore(since) && !a.occurredAt().isAfter(now)) {
                next = earlier(next, a.occurredAt().plusSeconds(BEHAVIOUR_DAYS * 86_400L).plusMillis(1));
            }
        }
        Optional<LocalDate> established = text(facts, "establishedOn").map(LocalDate::parse);
        if (established.isPresent() && !established.get().isAfter(today)) {
            int age = Period.between(established.get(), today).getYears();
            next = earlier(next, established.get().plusYears(age + 1L).atStartOfDay(zone).toInstant());
        }
        return next;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    /** 近期咨询, 近期申报 and so on: one tag per kind of activity in the last {@value #BEHAVIOUR_DAYS} days. */
    static List<Tag> behaviour(List<Activity> activities, Instant now) {
        Instant since = now.minusSeconds(BEHAVIOUR_DAYS * 86_400L);
        Map<Activity.Kind, List<Activity>> recent = new LinkedHashMap<>();
        for (Activity a : activities) {
            if (!a.occurredAt().isBefore(since) && !a.occurredAt().isAfter(now)) {
                recent.computeIfAbsent(a.kind(), k -> new ArrayList<>()).add(a);
            }
        }
        List<Tag> tags = new ArrayList<>();
        for (Activity.Kind kind : Activity.Kind.values()) {
            List<Activity> list = recent.get(kind);
            if (list == null) {
                continue;
            }
            List<String> subjects = list.stream().map(Activity::subject).distinct().limit(3).toList();
            LocalDate last = list.stream().map(Activity::occurredAt).max(Instant::compareTo).orElseThrow()
                    .atOffset(ZoneOffset.UTC).toLocalDate();
            tags.add(new Tag(Category.BEHAVIOUR, "近期" + kind.labelZh(), "近" + BEHAVIOUR_DAYS + "天" + kind.labelZh()
                    + list.size() + "次，最近一次" + last + "（" + String.join("、", subjects) + "）", List.of("activities")));
        }
        return tags;
    }

    static Optional<String> text(Map<String, FieldState> facts, String key) {
        return Optional.ofNullable(facts.get(key)).flatMap(FieldState::value).map(JsonNode::asText);
    }

    static List<String> set(Map<String, FieldState> facts, String key) {
        List<String> out = new ArrayList<>();
        Optional.ofNullable(facts.get(key)).flatMap(FieldState::value).ifPresent(v -> v.forEach(e -> out.add(e.asText())));
        return out;
    }

    static Optional<BigDecimal> yearly(Map<String, FieldState> facts, String field, int year) {
        return Optional.ofNullable(facts.get(field + "@" + year)).flatMap(FieldState::value)
                .map(v -> new BigDecimal(v.asText()));
    }
}
