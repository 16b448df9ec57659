package com.huiqi.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.local.demo.ApiClient.Exchange;
import com.huiqi.shared.json.Json;
import com.huiqi.tests.support.CatalogueSamples;
import com.huiqi.tests.support.TestStack;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Policy compilations (政策汇编) over HTTP: the spreadsheet opens with POI and holds the published
 * demo catalogue, filters narrow it, the printable page escapes catalogue text and its QR codes
 * scan to the public links, drafts and closed calls never appear, and another center's
 * compilation holds nothing of this one's.
 */
class CompilationTest {

    private static final TestStack STACK = TestStack.get();
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The theme of this test's own products, so that other tests' entries stay out of the exact assertions. */
    private static final String THEME = "汇编测试";
    private static final Pattern QR = Pattern.compile(
            "<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"[^>]*><figcaption><a href=\"([^\"]+)\">");

    private static final String AUTHOR = STACK.token("sip-staff");
    private static final String REVIEWER = STACK.token("sip-window");
    private static final String ENTERPRISE = STACK.token("sip-ent");

    /**
     * This test's catalogue: a district funding item and a national recognition item, two products
     * of {@link #THEME} offering them, notices open, upcoming, closed and unpublished, a draft
     * product, and a published product whose pending revision renames it.
     */
    @BeforeAll
    static void publishTheTestCatalogue() {
        Instant now = Instant.now();
        Duration day = Duration.ofDays(1);
        create("documents", "D-T-CMP", CatalogueSamples.document("汇编测试资助办法"));
        publish("documents", "D-T-CMP");
        create("varieties", "S-T-CMP-F", Map.of("name", "园区汇编测试资助", "level", "DISTRICT", "issuingRegion", "320571",
                "applicableRegions", List.of("320571"), "type", "FUNDING", "department", "园区经发委",
                "documentCodes", List.of("D-T-CMP")));
        create("varieties", "S-T-CMP-R", CatalogueSamples.variety("D-T-CMP"));
        publish("varieties", "S-T-CMP-F");
        publish("varieties", "S-T-CMP-R");
        Map<String, Object> district = new LinkedHashMap<>(CatalogueSamples.item("S-T-CMP-F"));
        district.put("name", "汇编测试资助申报");
        district.put("level", "DISTRICT");
        district.put("issuingRegion", "320571");
        district.put("applicableRegions", List.of("320571"));
        district.put("conditions", List.of(Map.of("id", "output", "text", "上年度产值不低于2000万元（含）"),
                Map.of("id", "patent", "text", "拥有发明专利者优先", "kind", "soft", "weight", 10)));
        create("items", "BZ-T-CMP-D", district);
        create("items", "BZ-T-CMP-N", CatalogueSamples.item("S-T-CMP-R"));
        publish("items", "BZ-T-CMP-D");
        publish("items", "BZ-T-CMP-N");
        create("products", "P-T-CMP-1", product("汇编测试产品一", "科技奖补", List.of("BZ-T-CMP-D", "BZ-T-CMP-N")));
        create("products", "P-T-CMP-2", product("汇编测试产品二", "另一领域", List.of("BZ-T-CMP-N")));
        create("products", "P-T-CMP-DRAFT", product("汇编测试草稿产品", "科技奖补", List.of("BZ-T-CMP-N")));
        publish("products", "P-T-CMP-1");
        publish("products", "P-T-CMP-2");
        long v = STACK.call("GET", "/catalogue/products/P-T-CMP-2", AUTHOR, null).json().get("version").asLong();
        assertEquals(200, STACK.call("PUT", "/catalogue/products/P-T-CMP-2/draft", AUTHOR, Map.of("version", v,
                "content", product("修订中的产品名称", "另一领域", List.of("BZ-T-CMP-N")))).status());
        create("notices", "N-T-CMP-OPEN", notice("BZ-T-CMP-D", "汇编测试申报中的通知", now.minus(day), now.plus(day.multipliedBy(10))));
        create("notices", "N-T-CMP-SOON", notice("BZ-T-CMP-D", "汇编测试尚未开始的通知", now.plus(day.multipliedBy(2)),
                now.plus(day.multipliedBy(20))));
        create("notices", "N-T-CMP-PAST", notice("BZ-T-CMP-D", "汇编测试已截止的通知", now.minus(day.multipliedBy(10)),
                now.minus(day.multipliedBy(5))));
        create("notices", "N-T-CMP-DRAFT", notice("BZ-T-CMP-D", "汇编测试未发布的通知", now.minus(day), now.plus(day)));
        publish("notices", "N-T-CMP-OPEN");
        publish("notices", "N-T-CMP-SOON");
        publish("notices", "N-T-CMP-PAST");
    }

    @Test
    void theSpreadsheetHoldsThePublishedDemoCatalogue() throws IOException {
        Exchange d = STACK.download("/catalogue/compilation?format=xlsx", ENTERPRISE);
        assertEquals(200, d.status(), d.body());
        assertEquals(XLSX, d.contentType());
        assertTrue(d.headers().get("content-disposition").startsWith("attachment; filename=\"compilation-sip-"),
                d.headers().get("content-disposition"));
        JsonNode seed = demoSeed("sip");
        Instant now = Instant.now();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(d.bytes()))) {
            assertEquals("苏州工业园区企业服务中心政策汇编", workbook.getProperties().getCoreProperties().getTitle());
            Map<String, Row> products = byColumn(workbook.getSheet("政策产品"), 0);
            List<String> itemRows = rows(workbook.getSheet("业务事项"), 0, 2);
            List<String> noticeCodes = column(workbook.getSheet("申报通知"), 0);
            List<String> documentNumbers = column(workbook.getSheet("政策文件"), 2);
            int demoProducts = 0;
            for (JsonNode entry : seed.get("entries")) {
                JsonNode content = entry.get("content");
                String code = entry.get("code").asText();
                switch (entry.get("kind").asText()) {
                    case "products" -> {
                        demoProducts++;
                        Row row = products.get(code);
                        assertTrue(row != null, "demo product " + code + " is in the compilation");
                        assertEquals(content.get("name").asText(), row.getCell(1).getStringCellValue());
                        assertTrue(row.getCell(10).getHyperlink().getAddress().endsWith("/t/sip/products/" + code));
                        content.get("itemCodes").forEach(i -> assertTrue(itemRows.contains(code + " " + i.asText()),
                                code + " offers " + i.asText()));
                    }
                    case "notices" -> assertEquals(Instant.parse(content.get("closesAt").asText()).isAfter(now),
                            noticeCodes.contains(code), code + " is listed exactly while it has not closed");
                    case "documents" -> assertTrue(documentNumbers.contains(content.get("documentNumber").asText()));
                    default -> {
                    }
                }
            }
            assertEquals(12, demoProducts, "the demo seed publishes 高新技术企业认定 and eleven more products");
            assertEquals("国家级", workbook.getSheet("业务事项").getRow(itemRows.indexOf("P3205IP00145 BZ000000000080") + 1)
                    .getCell(4).getStringCellValue());

            // The high-tech item's conditions, one row each, in their original wording and order.
            List<String> wording = new ArrayList<>();
            for (Row row : workbook.getSheet("申报条件")) {
                if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals("P3205IP00145")) {
                    wording.add(row.getCell(5).getStringCellValue());
                }
            }
            List<String> expected = new ArrayList<>();
            STACK.call("GET", "/catalogue/items/BZ000000000080", ENTERPRISE, null).json().at("/content/conditions")
                    .forEach(c -> expected.add(c.get("text").asText()));
            assertEquals(expected, wording);
        }
    }

    @Test
    void filtersNarrowTheCompilationAndDraftsAndClosedCallsNeverAppear() throws IOException {
        Compiled all = xlsx("theme=" + encode(THEME));
        assertEquals(List.of("P-T-CMP-1", "P-T-CMP-2"), all.products());
        assertEquals(List.of("P-T-CMP-1 BZ-T-CMP-D", "P-T-CMP-1 BZ-T-CMP-N", "P-T-CMP-2 BZ-T-CMP-N"), all.items());
        assertEquals(List.of("N-T-CMP-OPEN 申报中", "N-T-CMP-SOON 尚未开始"), all.notices(),
                "closed and unpublished notices stay out; upcoming ones are marked");
        assertEquals(List.of("汇编测试产品一", "汇编测试产品二"), all.names(), "the published name, not the pending revision's");

        assertEquals(List.of("P-T-CMP-1 BZ-T-CMP-D"), xlsx("theme=" + encode(THEME) + "&level=DISTRICT").items());
        assertEquals(List.of("P-T-CMP-1 BZ-T-CMP-N", "P-T-CMP-2 BZ-T-CMP-N"),
                xlsx("theme=" + encode(THEME) + "&businessType=RECOGNITION").items());
        assertEquals(List.of("P-T-CMP-1 BZ-T-CMP-N", "P-T-CMP-2 BZ-T-CMP-N"),
                xlsx("theme=" + encode(THEME) + "&region=320500").items(), "a district-only item does not cover the city");
        assertEquals(all.items(), xlsx("theme=" + encode(THEME) + "&region=320571").items());
        Compiled domain = xlsx("theme=" + encode(THEME) + "&domain=" + encode("另一领域"));
        assertEquals(List.of("P-T-CMP-2"), domain.products());
        assertEquals(List.of(), domain.notices());
        Compiled none = xlsx("theme=" + encode(THEME) + "&level=PROVINCIAL");
        assertEquals(List.of(), none.products(), "a filter nothing matches gives an empty compilation, not an error");
        assertTrue(none.filters().contains("层级：省级"), none.filters());
    }

    @Test
    void theHtmlPageEscapesContentAndItsQrCodesOpenThePublicLinks() throws Exception {
        create("products", "P-T-CMP-XSS", Map.of("name", "<script>alert('汇编')</script>测试产品",
                "description", "描述中的 <img src=x onerror=alert(1)> 与 & 符号", "domain", "科技奖补", "theme", "汇编测试-转义",
                "region", "320571", "department", "园区科技创新委员会", "itemCodes", List.of("BZ-T-CMP-D")));
        publish("products", "P-T-CMP-XSS");

        Exchange escaped = STACK.download("/catalogue/compilation?format=html&theme=" + encode("汇编测试-转义"), ENTERPRISE);
        assertEquals(200, escaped.status());
        String page = new String(escaped.bytes(), StandardCharsets.UTF_8);
        assertTrue(page.contains("&lt;script&gt;alert(&#39;汇编&#39;)&lt;/script&gt;测试产品"), page);
        assertTrue(page.contains("描述中的 &lt;img src=x onerror=alert(1)&gt; 与 &amp; 符号"));
        assertFalse(page.toLowerCase().contains("<script"), "the page runs no script");
        assertFalse(page.contains("<img src=x"));

        Exchange d = STACK.download("/catalogue/compilation?format=html&title=" + encode("2026年汇编测试") + "&theme="
                + encode(THEME), ENTERPRISE);
        assertEquals(200, d.status(), d.body());
        assertTrue(d.contentType().startsWith("text/html"));
        assertTrue(d.headers().get("content-disposition").startsWith("inline; filename=\"compilation-sip-"));
        String html = new String(d.bytes(), StandardCharsets.UTF_8);
        assertTrue(html.contains("<title>2026年汇编测试</title>"));
        assertTrue(html.contains("@media print"), "a print stylesheet of its own");
        for (String text : List.of("汇编测试产品一", "汇编测试产品二", "汇编测试资助申报", "上年度产值不低于2000万元（含）",
                "拥有发明专利者优先", "汇编测试申报中的通知", "汇编测试尚未开始的通知", "国科发火〔2016〕32号", "《汇编测试资助办法》")) {
            assertTrue(html.contains(text), text);
        }
        for (String absent : List.of("修订中的产品名称", "汇编测试草稿产品", "汇编测试已截止的通知", "汇编测试未发布的通知")) {
            assertFalse(html.contains(absent), absent);
        }

        Map<String, String> scanned = new HashMap<>();
        Matcher m = QR.matcher(html);
        while (m.find()) {
            scanned.put(m.group(2), decode(Base64.getDecoder().decode(m.group(1))));
        }
        List<String> links = new ArrayList<>();
        for (String path : List.of("products/P-T-CMP-1", "products/P-T-CMP-2", "notices/N-T-CMP-OPEN", "notices/N-T-CMP-SOON")) {
            links.add(STACK.call("GET", "/catalogue/" + path + "/link", ENTERPRISE, null).json().get("link").asText());
        }
        // N-T-CMP-OPEN and N-T-CMP-SOON belong to an item of P-T-CMP-1 only; both products' links are printed.
        assertEquals(new java.util.TreeSet<>(links), new java.util.TreeSet<>(scanned.keySet()));
        scanned.forEach((link, decoded) -> assertEquals(link, decoded, "the QR code beside " + link + " opens it"));
    }

    @Test
    void anotherCentersCompilationHoldsNothingOfThisOne() throws IOException {
        String wz = STACK.token("wz-ent");
        assertEquals(List.of(), xlsx("theme=" + encode(THEME), wz).products());
        Exchange d = STACK.download("/catalogue/compilation?format=xlsx", wz);
        assertEquals(200, d.status());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(d.bytes()))) {
            Sheet products = workbook.getSheet("政策产品");
            List<String> codes = column(products, 0);
            demoSeed("wenzhou").get("entries").forEach(e -> assertTrue(!e.get("kind").asText().equals("products")
                    || codes.contains(e.get("code").asText()), e.get("code").asText()));
            for (Row row : products) {
                if (row.getRowNum() > 0) {
                    assertFalse(row.getCell(0).getStringCellValue().startsWith("P-T-"));
                    assertEquals("330300", row.getCell(4).getStringCellValue());
                    assertTrue(row.getCell(10).getHyperlink().getAddress().contains("/t/wenzhou/"));
                }
            }
            List<String> numbers = column(workbook.getSheet("政策文件"), 2);
            assertTrue(numbers.contains("浙经信中小〔2023〕145号"));
            assertFalse(numbers.contains("苏工信中小〔2023〕145号"), "Suzhou's documents stay in Suzhou");
        }
        String html = new String(STACK.download("/catalogue/compilation?format=html", wz).bytes(), StandardCharsets.UTF_8);
        assertFalse(html.contains("苏州工业园区") || html.contains("/t/sip/"), "nothing of Suzhou Industrial Park");
        assertTrue(html.contains("温州市企业服务中心政策汇编"));
    }

    // ---------------------------------------------------------------- helpers

    /** The compilation's rows as codes: products; "product item"; "notice status"; and the filters in words. */
    private record Compiled(List<String> products, List<String> names, List<String> items, List<String> notices,
                            String filters) {
    }

    private static Compiled xlsx(String query) throws IOException {
        return xlsx(query, ENTERPRISE);
    }

    private static Compiled xlsx(String query, String token) throws IOException {
        Exchange d = STACK.download("/catalogue/compilation?format=xlsx&" + query, token);
        assertEquals(200, d.status(), d.body());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(d.bytes()))) {
            return new Compiled(column(workbook.getSheet("政策产品"), 0), column(workbook.getSheet("政策产品"), 1),
                    rows(workbook.getSheet("业务事项"), 0, 2), rows(workbook.getSheet("申报通知"), 0, 4),
                    workbook.getSheet("汇编信息").getRow(4).getCell(1).getStringCellValue());
        }
    }

    private static List<String> column(Sheet sheet, int column) {
        return rows(sheet, column);
    }

    /** Below the header row, the given columns of each row joined by a space. */
    private static List<String> rows(Sheet sheet, int... columns) {
        List<String> rows = new ArrayList<>();
        for (Row row : sheet) {
            if (row.getRowNum() > 0) {
                List<String> cells = new ArrayList<>();
                for (int c : columns) {
                    cells.add(row.getCell(c).getStringCellValue());
                }
                rows.add(String.join(" ", cells));
            }
        }
        return rows;
    }

    private static Map<String, Row> byColumn(Sheet sheet, int column) {
        Map<String, Row> rows = new HashMap<>();
        for (Row row : sheet) {
            if (row.getRowNum() > 0) {
                rows.put(row.getCell(column).getStringCellValue(), row);
            }
        }
        return rows;
    }

    private static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText();
    }

    private static JsonNode demoSeed(String tenant) throws IOException {
        try (InputStream in = CompilationTest.class.getResourceAsStream("/demo/catalogue-" + tenant + ".json")) {
            return Json.newMapper().readTree(in);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> product(String name, String domain, List<String> items) {
        return Map.of("name", name, "description", "用于检验政策汇编的筛选与排版。", "domain", domain, "theme", THEME,
                "region", "320571", "department", "园区科技创新委员会", "itemCodes", items, "documentCodes", List.of("D-T-CMP"));
    }

    private static Map<String, Object> notice(String itemCode, String title, Instant opens, Instant closes) {
        return Map.of("itemCode", itemCode, "title", title, "opensAt", opens.toString(), "closesAt", closes.toString(),
                "method", "登录企业服务平台在线申报", "materials", List.of(Map.of("name", "申请书", "format", "PDF")),
                "contacts", List.of(Map.of("name", "王老师", "phone", "0512-66680000")));
    }

    private static void create(String kind, String code, Object content) {
        Exchange e = STACK.call("POST", "/catalogue/" + kind, AUTHOR, Map.of("code", code, "content", content));
        assertEquals(201, e.status(), e.body());
    }

    private static void publish(String kind, String code) {
        long version = STACK.call("GET", "/catalogue/" + kind + "/" + code, AUTHOR, null).json().get("version").asLong();
        Exchange submitted = STACK.call("POST", "/catalogue/" + kind + "/" + code + "/submit", AUTHOR, Map.of("version", version));
        assertEquals(200, submitted.status(), submitted.body());
        Exchange approved = STACK.call("POST", "/catalogue/" + kind + "/" + code + "/approve", REVIEWER,
                Map.of("version", submitted.json().get("version").asLong()));
        assertEquals(200, approved.status(), approved.body());
    }
}
