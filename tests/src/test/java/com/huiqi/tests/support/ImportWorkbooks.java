package com.huiqi.tests.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Bulk-import workbooks for tests and the import benchmark: a realistic catalogue of any size in
 * the layout of {@code GET /catalogue-imports/template} (sheet names and field-name headers), so
 * that every row is one a center could have typed.
 */
public final class ImportWorkbooks {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final String[] THEMES = {"科技创新", "人才引进", "产业升级", "绿色发展", "数字经济", "金融支持", "外贸开放", "稳岗就业"};
    private static final String[] TYPES = {"认定类", "项目类", "资金类", "其他类"};
    private static final String[] LEVELS = {"国家", "省", "市", "区"};
    private static final String[] REGIONS = {"100000", "320000", "320500", "320571"};

    private ImportWorkbooks() {
    }

    /** Sheet name to rows; each row is field name to cell text, in column order. */
    public static final class Catalogue {
        private final Map<String, List<Map<String, String>>> sheets = new LinkedHashMap<>();

        public Catalogue add(String sheet, Map<String, String> row) {
            sheets.computeIfAbsent(sheet, s -> new ArrayList<>()).add(new LinkedHashMap<>(row));
            return this;
        }

        public List<Map<String, String>> rows(String sheet) {
            return sheets.getOrDefault(sheet, List.of());
        }

        public int size() {
            return sheets.values().stream().mapToInt(List::size).sum();
        }

        /** The workbook, written with POI's streaming writer. */
        public byte[] toXlsx() {
            try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                sheets.forEach((name, rows) -> {
                    Sheet sheet = workbook.createSheet(name);
                    Set<String> columns = new LinkedHashSet<>();
                    rows.forEach(r -> columns.addAll(r.keySet()));
                    List<String> order = new ArrayList<>(columns);
                    Row header = sheet.createRow(0);
                    for (int c = 0; c < order.size(); c++) {
                        header.createCell(c).setCellValue(order.get(c));
                    }
                    for (int r = 0; r < rows.size(); r++) {
                        Row row = sheet.createRow(r + 1);
                        for (int c = 0; c < order.size(); c++) {
                            String value = rows.get(r).get(order.get(c));
                            if (value != null) {
                                row.createCell(c).setCellValue(value);
                            }
                        }
                    }
                });
                workbook.write(out);
                workbook.dispose();
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A catalogue of {@code products} products, each offering one business item of its own, the
     * items grouped twenty to a variety, varieties two to a document, and a notice for every tenth
     * item; every code starts with {@code prefix}.
     */
    public static Catalogue catalogue(String prefix, int products) {
        Catalogue c = new Catalogue();
        int varieties = (products + 19) / 20;
        int documents = (varieties + 1) / 2;
        for (int d = 0; d < documents; d++) {
            c.add("政策文件", document(prefix + "-D" + pad(d, 4), "关于支持" + THEMES[d % THEMES.length] + "的若干政策措施（第" + (d + 1) + "号）",
                    "苏园管规〔2026〕" + (d + 1) + "号", LEVELS[d % LEVELS.length], REGIONS[d % REGIONS.length]));
        }
        for (int v = 0; v < varieties; v++) {
            c.add("业务品种", Map.of("code", prefix + "-S" + pad(v, 4), "name", THEMES[v % THEMES.length] + "扶持" + (v + 1),
                    "level", LEVELS[(v / 2) % LEVELS.length], "issuingRegion", REGIONS[(v / 2) % REGIONS.length],
                    "applicableRegions", "320571", "type", TYPES[v % TYPES.length], "department", "园区经济发展委员会",
                    "firstYear", "2020", "documentCodes", prefix + "-D" + pad(v / 2, 4)));
        }
        LocalDate opens = LocalDate.now().minusDays(10);
        for (int i = 0; i < products; i++) {
            String item = prefix + "-BZ" + pad(i, 5);
            String theme = THEMES[(i / 20) % THEMES.length];
            c.add("业务事项", Map.of("code", item, "name", theme + "项目申报" + (i + 1), "level", LEVELS[(i / 40) % LEVELS.length],
                    "issuingRegion", REGIONS[(i / 40) % REGIONS.length], "applicableRegions", "320571",
                    "kind", i % 7 == 0 ? "预征集类" : "政策申报类", "department", "园区经济发展委员会",
                    "varietyCode", prefix + "-S" + pad(i / 20, 4),
                    "conditions", "[{\"id\":\"registered-1y\",\"text\":\"企业在园区注册成立一年以上\","
                            + "\"rule\":{\"attribute\":\"establishedOn\",\"op\":\"lte\",\"value\":{\"ago\":\"P1Y\"}}},"
                            + "{\"id\":\"credit\",\"text\":\"近三年无严重失信行为\"}]"));
            c.add("政策产品", Map.of("code", prefix + "-P" + pad(i, 5), "name", theme + "专项支持" + (i + 1),
                    "description", "对符合条件的企业给予" + theme + "方面的资金、资质或服务支持，具体以申报通知为准。",
                    "domain", theme, "theme", theme, "region", "320571", "department", "园区经济发展委员会",
                    "itemCodes", item, "documentCodes", prefix + "-D" + pad(i / 40, 4), "automatic", i % 25 == 0 ? "是" : "否"));
            if (i % 10 == 0) {
                c.add("申报通知", Map.of("code", prefix + "-N" + pad(i / 10, 4), "itemCode", item,
                        "title", "关于组织申报2026年度" + theme + "项目的通知（" + (i / 10 + 1) + "）",
                        "opensAt", opens.format(DateTimeFormatter.ISO_LOCAL_DATE) + " 09:00",
                        "closesAt", opens.plusDays(20 + i % 30).format(DateTimeFormatter.ISO_LOCAL_DATE) + " 17:00",
                        "method", "登录园区企业服务平台在线申报",
                        "materials", "[{\"name\":\"项目申报书\",\"format\":\"PDF\",\"mandatory\":true},"
                                + "{\"name\":\"近三年财务审计报告\",\"format\":\"PDF\",\"mandatory\":false}]",
                        "contacts", "[{\"name\":\"陈敏\",\"phone\":\"0512-66681234\",\"department\":\"园区经济发展委员会\"}]",
                        "expertReview", i % 20 == 0 ? "是" : "否", "publicityDays", "7"));
            }
        }
        return c;
    }

    public static Map<String, String> document(String code, String name, String number, String level, String region) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("code", code);
        d.put("name", name);
        d.put("type", "措施");
        d.put("documentNumber", number);
        d.put("level", level);
        d.put("issuingRegion", region);
        d.put("applicableRegions", "320571；320500");
        d.put("fullText", "为进一步优化营商环境，支持企业高质量发展，结合本地实际，制定以下政策措施。第一条 ……");
        d.put("category", "产业政策");
        d.put("supportMethods", "资金；荣誉");
        d.put("competentDepartment", "园区经济发展委员会");
        d.put("issuingUnits", "苏州工业园区管理委员会");
        d.put("issuedOn", "2026-01-15");
        return d;
    }

    private static String pad(int n, int width) {
        return String.format("%0" + width + "d", n + 1);
    }
}
