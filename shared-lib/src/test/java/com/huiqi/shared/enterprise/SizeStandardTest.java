package com.huiqi.shared.enterprise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.huiqi.shared.enterprise.SizeStandard.Figures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The 2011 standard at every boundary of every industry row. The thresholds below are typed in
 * again from 《中小企业划型标准规定》 (工信部联企业〔2011〕300号) rather than read from the CSV, so the
 * test checks both the data file and how it is read: for each row, at each bound the higher class,
 * one person or one fen below it the lower one.
 */
class SizeStandardTest {

    private static final SizeStandard STANDARD = SizeStandard.of("MIIT-2011");

    /**
     * One row: a sample industry code, and the bounds (persons, or 万元) of 大型, 中型 and 小型 for
     * each measure the row uses: E employees, R revenue, A total assets.
     */
    record Expected(String industry, String code, Map<Character, long[]> bounds) {
    }

    private static Expected row(String industry, String code, Object... measureBounds) {
        Map<Character, long[]> bounds = new LinkedHashMap<>();
        for (int i = 0; i < measureBounds.length; i += 2) {
            bounds.put((Character) measureBounds[i], (long[]) measureBounds[i + 1]);
        }
        return new Expected(industry, code, bounds);
    }

    private static long[] b(long large, long medium, long small) {
        return new long[] {large, medium, small};
    }

    private static final List<Expected> ROWS = List.of(
            row("农、林、牧、渔业", "A0111", 'R', b(20000, 500, 50)),
            row("工业", "C3985", 'E', b(1000, 300, 20), 'R', b(40000, 2000, 300)),
            row("工业", "B0610", 'E', b(1000, 300, 20), 'R', b(40000, 2000, 300)),
            row("工业", "D4411", 'E', b(1000, 300, 20), 'R', b(40000, 2000, 300)),
            row("建筑业", "E4710", 'R', b(80000, 6000, 300), 'A', b(80000, 5000, 300)),
            row("批发业", "F5123", 'E', b(200, 20, 5), 'R', b(40000, 5000, 1000)),
            row("零售业", "F5211", 'E', b(300, 50, 10), 'R', b(20000, 500, 100)),
            row("交通运输业", "G5411", 'E', b(1000, 300, 20), 'R', b(30000, 3000, 200)),
            row("交通运输业", "G5821", 'E', b(1000, 300, 20), 'R', b(30000, 3000, 200)),
            row("仓储业", "G5920", 'E', b(200, 100, 20), 'R', b(30000, 1000, 100)),
            row("邮政业", "G6010", 'E', b(1000, 300, 20), 'R', b(30000, 2000, 100)),
            row("住宿业", "H6110", 'E', b(300, 100, 10), 'R', b(10000, 2000, 100)),
            row("餐饮业", "H6210", 'E', b(300, 100, 10), 'R', b(10000, 2000, 100)),
            row("信息传输业", "I6311", 'E', b(2000, 100, 10), 'R', b(100000, 1000, 100)),
            row("信息传输业", "I6410", 'E', b(2000, 100, 10), 'R', b(100000, 1000, 100)),
            row("软件和信息技术服务业", "I6513", 'E', b(300, 100, 10), 'R', b(10000, 1000, 50)),
            row("房地产开发经营", "K7010", 'R', b(200000, 1000, 100), 'A', b(10000, 5000, 2000)),
            row("物业管理", "K7020", 'E', b(1000, 300, 100), 'R', b(5000, 1000, 500)),
            row("租赁和商务服务业", "L7211", 'E', b(300, 100, 10), 'A', b(120000, 8000, 100)),
            row("其他未列明行业", "M7320", 'E', b(300, 100, 10)),
            // 铁路运输业 is excluded from 交通运输业 and so is "other"; so is 其他房地产业.
            row("其他未列明行业", "G5311", 'E', b(300, 100, 10)),
            row("其他未列明行业", "K7090", 'E', b(300, 100, 10)));

    @Test
    void everyRowOfTheStandardIsCoveredHere() {
        List<String> tested = ROWS.stream().map(Expected::industry).distinct().toList();
        assertEquals(STANDARD.rows().stream().map(SizeStandard.Row::industry).toList(), tested);
    }

    @TestFactory
    Stream<DynamicTest> everyBoundOfEveryRow() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Expected e : ROWS) {
            SizeStandard.Row row = STANDARD.rowFor(e.code());
            tests.add(DynamicTest.dynamicTest(e.code() + " is " + e.industry(), () -> assertEquals(e.industry(), row.industry())));
            SizeClass[] classes = {SizeClass.LARGE, SizeClass.MEDIUM, SizeClass.SMALL};
            SizeClass[] below = {SizeClass.MEDIUM, SizeClass.SMALL, SizeClass.MICRO};
            for (int level = 0; level < 3; level++) {
                int l = level;
                tests.add(DynamicTest.dynamicTest(e.code() + " every figure at the " + classes[l] + " bound", () ->
                        assertEquals(classes[l], STANDARD.classify(row, figures(e, l, null)))));
                for (char measure : e.bounds().keySet()) {
                    tests.add(DynamicTest.dynamicTest(e.code() + " " + measure + " just under the " + classes[l] + " bound", () ->
                            assertEquals(below[l], STANDARD.classify(row, figures(e, l, measure)))));
                }
            }
        }
        return tests.stream();
    }

    /** Every measure at its bound of {@code level}, and {@code under} one person or one fen below it. */
    private static Figures figures(Expected e, int level, Character under) {
        Long employees = null;
        BigDecimal revenue = null;
        BigDecimal assets = null;
        for (Map.Entry<Character, long[]> m : e.bounds().entrySet()) {
            long bound = m.getValue()[level];
            boolean minus = under != null && under == m.getKey();
            switch (m.getKey()) {
                case 'E' -> employees = minus ? bound - 1 : bound;
                case 'R' -> revenue = yuan(bound, minus);
                default -> assets = yuan(bound, minus);
            }
        }
        return new Figures(employees, revenue, assets);
    }

    private static BigDecimal yuan(long wan, boolean minusOneFen) {
        BigDecimal y = BigDecimal.valueOf(wan).multiply(BigDecimal.valueOf(10_000)).setScale(2);
        return minusOneFen ? y.subtract(new BigDecimal("0.01")) : y;
    }

    @Test
    void missingFiguresAreNamedNotGuessed() {
        SizeStandard.Row industry = STANDARD.rowFor("C3985");
        assertEquals(List.of(SizeStandard.Measure.REVENUE),
                SizeStandard.missing(industry, new Figures(50L, null, null)));
    }
}
