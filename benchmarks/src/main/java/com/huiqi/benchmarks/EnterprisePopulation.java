package com.huiqi.benchmarks;

import com.huiqi.shared.rules.FactSheet;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A varied, reproducible population of enterprise files for benchmarking matching: mostly Suzhou
 * companies of every size and age, some elsewhere, some with gaps in their files (a missing year, a
 * district-less region, no credit flags), so every branch of the evaluator is taken, including UNKNOWN.
 */
public final class EnterprisePopulation {

    private static final List<String> SUZHOU = List.of("320571", "320505", "320506", "320507", "320508", "320509",
            "320581", "320582", "320583", "320585");
    private static final List<String> ELSEWHERE = List.of("320102", "320211", "320412", "310115", "330106", "440305");
    private static final List<String> INDUSTRIES = List.of("C3911", "C3921", "C3562", "C2710", "C3841", "I6513", "I6511",
            "I6420", "M7320", "F5191", "L7212", "K7010", "E4813");
    private static final List<String> QUALIFICATIONS = List.of("高新技术企业", "科技型中小企业", "专精特新中小企业", "瞪羚企业");
    private static final List<String> RATINGS = List.of("A", "B", "M", "C", "D");

    private EnterprisePopulation() {
    }

    public static List<FactSheet> generate(int size, long seed, int lastYear) {
        Random random = new Random(seed);
        List<FactSheet> files = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            files.add(one(random, lastYear));
        }
        return files;
    }

    private static FactSheet one(Random r, int lastYear) {
        FactSheet.Builder b = FactSheet.builder();
        int where = r.nextInt(100);
        String region = where < 75 ? pick(r, SUZHOU) : pick(r, ELSEWHERE);
        b.text("registeredRegion", where < 5 ? "320500" : region);
        String industry = pick(r, INDUSTRIES);
        b.text("industryCode", r.nextInt(20) == 0 ? industry.substring(0, 3) : industry);
        int age = 1 + r.nextInt(20);
        b.date("establishedOn", LocalDate.of(lastYear + 1 - age, 1 + r.nextInt(12), 1 + r.nextInt(28)));

        // Revenue log-uniform from 2百万 to 5亿 yuan, growing -10%..+40% a year, kept in fen.
        double latest = Math.pow(10, 6.3 + r.nextDouble() * 2.4);
        double growth = -0.10 + r.nextDouble() * 0.50;
        double rdShare = 0.005 + r.nextDouble() * 0.085;
        int employees = (int) Math.max(5, latest / 400_000 * (0.5 + r.nextDouble()));
        b.number("employees", employees);
        b.number("rdPersonnel", (long) (employees * (0.02 + r.nextDouble() * 0.3)));
        b.text("sizeClass", employees >= 1000 ? "大型" : employees >= 300 ? "中型" : employees >= 20 ? "小型" : "微型");
        int missingRdYear = r.nextInt(10) == 0 ? lastYear - r.nextInt(3) : -1;
        for (int y = lastYear - 5; y <= lastYear; y++) {
            if (y < lastYear + 1 - age) {
                continue; // no figures before the company existed
            }
            double revenue = latest / Math.pow(1 + growth, lastYear - y);
            b.year("revenue", y, yuan(revenue));
            if (y != missingRdYear) {
                b.year("rdExpense", y, yuan(revenue * rdShare * (0.8 + r.nextDouble() * 0.4)));
            }
            b.year("taxPaid", y, yuan(revenue * (0.02 + r.nextDouble() * 0.04)));
            b.year("totalAssets", y, yuan(revenue * (0.6 + r.nextDouble())));
        }
        b.number("patents.invention", r.nextInt(4) == 0 ? 0 : r.nextInt(12));
        b.number("softwareCopyrights", r.nextInt(20));
        Set<String> quals = new HashSet<>();
        for (String q : QUALIFICATIONS) {
            if (r.nextInt(3) == 0) {
                quals.add(q);
            }
        }
        b.texts("qualifications", quals);
        if (r.nextInt(10) != 0) {
            b.flag("dishonest", r.nextInt(50) == 0);
            b.flag("seriousViolation", r.nextInt(50) == 0);
        }
        b.text("creditRating", pick(r, RATINGS));
        return b.build();
    }

    /** Exact to the fen: the double only shapes the random figure, the fact itself is a decimal. */
    private static BigDecimal yuan(double amount) {
        return BigDecimal.valueOf(Math.round(amount * 100), 2);
    }

    private static <T> T pick(Random r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }
}
