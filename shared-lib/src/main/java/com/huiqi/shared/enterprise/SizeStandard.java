package com.huiqi.shared.enterprise;

import com.huiqi.shared.rules.IndustryCodes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SME size standard (中小企业划型标准): for each industry, the bound of the SME scope and the
 * conditions of 中型, 小型 and 微型, read from {@code /enterprise/size-standards/<id>.csv} exactly as
 * the standard words them ("从业人员>=300人 且 营业收入>=2000万元"). Versioned by id so a revised
 * standard can replace the 2011 one while old classifications still say which one they used.
 */
public final class SizeStandard {

    /** The standards the platform carries; the first is the default. */
    public static final List<String> KNOWN = List.of("MIIT-2011");

    // The patterns come first: static fields initialise in order, and loading below uses them.
    private static final Pattern TERM = Pattern.compile("(从业人员|营业收入|资产总额)(<|>=)(\\d+)(人|万元)");
    private static final Pattern RANGE = Pattern.compile("([A-T])(\\d{2})-([A-T])(\\d{2})");
    private static final Pattern EXCLUDED = Pattern.compile("不含[^A-T)]*([A-T]\\d{2,4})");
    private static final Pattern PREFIX = Pattern.compile("[A-T](\\d{2,4})?");

    private static final Map<String, SizeStandard> LOADED = Map.of("MIIT-2011", load("MIIT-2011"));

    /** A figure a threshold is stated in. */
    public enum Measure {
        EMPLOYEES("从业人员", "人", BigDecimal.ONE),
        REVENUE("营业收入", "万元", BigDecimal.valueOf(10_000)),
        TOTAL_ASSETS("资产总额", "万元", BigDecimal.valueOf(10_000));

        final String word;
        final String unit;
        /** Base units (persons, yuan) per unit of the standard's text. */
        final BigDecimal scale;

        Measure(String word, String unit, BigDecimal scale) {
            this.word = word;
            this.unit = unit;
            this.scale = scale;
        }

        public String word() {
            return word;
        }
    }

    /** One comparison, in base units: persons or yuan. */
    public record Term(Measure measure, boolean atLeast, BigDecimal threshold) {
        boolean holds(Figures f) {
            int c = f.of(measure).compareTo(threshold);
            return atLeast ? c >= 0 : c < 0;
        }
    }

    /** Terms joined by 且 (all) or 或 (any), as the standard writes each condition. */
    public record Clause(List<Term> terms, boolean all, String text) {
        boolean holds(Figures f) {
            return all ? terms.stream().allMatch(t -> t.holds(f)) : terms.stream().anyMatch(t -> t.holds(f));
        }
    }

    /** What a standard needs of an enterprise: figures in base units, null when unknown. */
    public record Figures(Long employees, BigDecimal revenueYuan, BigDecimal totalAssetsYuan) {
        BigDecimal of(Measure m) {
            return switch (m) {
                case EMPLOYEES -> BigDecimal.valueOf(employees);
                case REVENUE -> revenueYuan;
                case TOTAL_ASSETS -> totalAssetsYuan;
            };
        }

        boolean has(Measure m) {
            return switch (m) {
                case EMPLOYEES -> employees != null;
                case REVENUE -> revenueYuan != null;
                case TOTAL_ASSETS -> totalAssetsYuan != null;
            };
        }
    }

    /**
     * One industry row.
     *
     * @param prefixes the canonical GB/T 4754 code prefixes it covers ("C", "F51"); empty for the
     *                 catch-all row 其他未列明行业
     */
    public record Row(String industry, List<String> prefixes, Clause scope, Clause medium, Clause small, Clause micro) {
        public Set<Measure> measures() {
            Set<Measure> m = EnumSet.noneOf(Measure.class);
            for (Clause c : List.of(scope, medium, small, micro)) {
                c.terms().forEach(t -> m.add(t.measure()));
            }
            return m;
        }
    }

    private final String id;
    private final List<Row> rows;
    private final Row other;

    private SizeStandard(String id, List<Row> rows) {
        this.id = id;
        this.rows = List.copyOf(rows);
        this.other = rows.stream().filter(r -> r.prefixes().isEmpty()).findFirst()
                .orElseThrow(() -> new IllegalStateException(id + " has no row for other industries"));
    }

    public static SizeStandard of(String id) {
        SizeStandard s = LOADED.get(id);
        if (s == null) {
            throw new IllegalArgumentException("unknown size standard " + id);
        }
        return s;
    }

    public static SizeStandard defaultStandard() {
        return of(KNOWN.get(0));
    }

    public String id() {
        return id;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The row of an industry: the one whose prefix matches the canonical code longest, else 其他未列明行业. */
    public Row rowFor(String industryCode) {
        IndustryCodes.Code code = IndustryCodes.parse(industryCode);
        String canonical = code == null ? "" : IndustryCodes.canonical(code);
        Row best = other;
        int bestLength = 0;
        for (Row row : rows) {
            for (String prefix : row.prefixes()) {
                if (canonical.startsWith(prefix) && prefix.length() > bestLength) {
                    best = row;
                    bestLength = prefix.length();
                }
            }
        }
        return best;
    }

    /** The class for figures that hold every measure the row needs. */
    public SizeClass classify(Row row, Figures f) {
        if (!row.scope().holds(f)) {
            return SizeClass.LARGE;
        }
        if (row.medium().holds(f)) {
            return SizeClass.MEDIUM;
        }
        if (row.small().holds(f)) {
            return SizeClass.SMALL;
        }
        if (row.micro().holds(f)) {
            return SizeClass.MICRO;
        }
        throw new IllegalStateException(id + " " + row.industry() + ": figures fit no class");
    }

    /** The measures of {@code row} that {@code f} lacks. */
    public static List<Measure> missing(Row row, Figures f) {
        return row.measures().stream().filter(m -> !f.has(m)).toList();
    }

    // ---------------------------------------------------------------- loading

    static SizeStandard load(String id) {
        String resource = "/enterprise/size-standards/" + id + ".csv";
        try (InputStream in = SizeStandard.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            if (!"industry,gbt4754_sections,scope_upper_bound,medium,small,micro".equals(header)) {
                throw new IllegalStateException(resource + ": unexpected header " + header);
            }
            List<Row> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != 6) {
                    throw new IllegalStateException(resource + ": expected 6 cells in " + line);
                }
                rows.add(new Row(cells[0], prefixes(cells[1]), clause(cells[2]), clause(cells[3]), clause(cells[4]),
                        clause(cells[5])));
            }
            return new SizeStandard(id, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> prefixes(String cell) {
        if (cell.equals("other")) {
            return List.of();
        }
        List<String> excluded = new ArrayList<>();
        Matcher ex = EXCLUDED.matcher(cell);
        while (ex.find()) {
            excluded.add(ex.group(1));
        }
        String codes = cell.replaceAll("\\(.*\\)", "").strip();
        List<String> out = new ArrayList<>();
        for (String part : codes.split(";")) {
            String p = part.strip();
            Matcher range = RANGE.matcher(p);
            if (range.matches()) {
                if (!range.group(1).equals(range.group(3))) {
                    throw new IllegalStateException("a range must stay in one section: " + p);
                }
                for (int d = Integer.parseInt(range.group(2)); d <= Integer.parseInt(range.group(4)); d++) {
                    out.add(range.group(1) + String.format("%02d", d));
                }
            } else if (PREFIX.matcher(p).matches()) {
                out.add(p);
            } else {
                throw new IllegalStateException("not a GB/T 4754 section or code: " + p);
            }
        }
        out.removeAll(excluded);
        return List.copyOf(out);
    }

    static Clause clause(String text) {
        String t = text.strip();
        boolean and = t.contains(" 且 ");
        boolean or = t.contains(" 或 ");
        if (and && or) {
            throw new IllegalStateException("a condition mixes 且 and 或: " + t);
        }
        List<Term> terms = new ArrayList<>();
        for (String part : t.split(and ? " 且 " : " 或 ")) {
            Matcher m = TERM.matcher(part.strip());
            if (!m.matches()) {
                throw new IllegalStateException("cannot read condition " + part);
            }
            Measure measure = switch (m.group(1)) {
                case "从业人员" -> Measure.EMPLOYEES;
                case "营业收入" -> Measure.REVENUE;
                default -> Measure.TOTAL_ASSETS;
            };
            if (!measure.unit.equals(m.group(4))) {
                throw new IllegalStateException("unexpected unit in " + part);
            }
            terms.add(new Term(measure, m.group(2).equals(">="), new BigDecimal(m.group(3)).multiply(measure.scale)));
        }
        return new Clause(terms, !or, t);
    }
}
