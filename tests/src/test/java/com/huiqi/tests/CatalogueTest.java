package com.huiqi.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.local.demo.ApiClient.Exchange;
import com.huiqi.tests.support.CatalogueSamples;
import com.huiqi.tests.support.TestStack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The publish chain over HTTP: a staff member decomposes a document into a variety, an item and a
 * product, another reviews and publishes; enterprises see only what is published, every version
 * stays readable, and another tenant sees nothing.
 */
class CatalogueTest {

    private static final TestStack STACK = TestStack.get();
    private final String author = STACK.token("sip-staff");
    private final String reviewer = STACK.token("sip-window");
    private final String enterprise = STACK.token("sip-ent");

    private JsonNode create(String kind, String code, Object content) {
        Exchange e = STACK.call("POST", "/catalogue/" + kind, author, Map.of("code", code, "content", content));
        assertEquals(201, e.status(), e.body());
        assertEquals("/catalogue/" + kind + "/" + code, e.headers().get("location"));
        return e.json();
    }

    /** Submits by the author and approves by the reviewer; returns the published view. */
    private JsonNode publish(String kind, String code) {
        long version = STACK.call("GET", "/catalogue/" + kind + "/" + code, author, null).json().get("version").asLong();
        Exchange submitted = STACK.call("POST", "/catalogue/" + kind + "/" + code + "/submit", author, Map.of("version", version));
        assertEquals(200, submitted.status(), submitted.body());
        Exchange approved = STACK.call("POST", "/catalogue/" + kind + "/" + code + "/approve", reviewer,
                Map.of("version", submitted.json().get("version").asLong()));
        assertEquals(200, approved.status(), approved.body());
        return approved.json();
    }

    @Test
    void aDocumentBecomesAPublishedProductThroughReview() {
        create("documents", "D-T-HT-2016", CatalogueSamples.document("高新技术企业认定管理办法"));
        create("varieties", "S-T-000004", CatalogueSamples.variety("D-T-HT-2016"));
        create("items", "BZ-T-000080", CatalogueSamples.item("S-T-000004"));
        create("products", "P-T-HT-01", CatalogueSamples.product("BZ-T-000080"));

        // Nothing is visible to enterprises yet.
        assertEquals(404, STACK.call("GET", "/catalogue/products/P-T-HT-01", enterprise, null).status());

        // A product cannot be published before the items it offers.
        long v = STACK.call("GET", "/catalogue/products/P-T-HT-01", author, null).json().get("version").asLong();
        long submitted = STACK.call("POST", "/catalogue/products/P-T-HT-01/submit", author, Map.of("version", v))
                .json().get("version").asLong();
        Exchange early = STACK.call("POST", "/catalogue/products/P-T-HT-01/approve", reviewer, Map.of("version", submitted));
        assertEquals(409, early.status());
        assertEquals("REFERENCE_NOT_PUBLISHED", early.json().get("code").asText());

        // The author may not review their own work.
        Exchange self = STACK.call("POST", "/catalogue/products/P-T-HT-01/approve", author, Map.of("version", submitted));
        assertEquals(409, self.status());
        assertEquals("SELF_REVIEW", self.json().get("code").asText());
        Exchange back = STACK.call("POST", "/catalogue/products/P-T-HT-01/reject", reviewer,
                Map.of("version", submitted, "reason", "请先发布所引用的业务事项"));
        assertEquals("请先发布所引用的业务事项", back.json().at("/entry/revision/rejection").asText());

        publish("documents", "D-T-HT-2016");
        publish("varieties", "S-T-000004");
        publish("items", "BZ-T-000080");
        JsonNode product = publish("products", "P-T-HT-01");
        assertEquals("PUBLISHED", product.at("/entry/status").asText());
        assertEquals(1, product.at("/entry/publishedVersion").asInt());
        assertEquals("sip-window", product.at("/published/reviewedBy").asText());

        Exchange seen = STACK.call("GET", "/catalogue/products/P-T-HT-01", enterprise, null);
        assertEquals(200, seen.status(), seen.body());
        assertEquals(1, seen.json().get("version").asInt());
        assertEquals("高新技术企业", seen.json().at("/content/name").asText());
        assertFalse(seen.body().contains("revision"), "enterprises do not see the review state");
        assertFalse(seen.json().has("reviewedBy") || seen.json().has("submittedBy"), "nor the names of the center's staff");
    }

    @Test
    void publishingAChangeMakesANewVersionAndKeepsTheOldOneReadable() {
        create("documents", "D-T-VER-01", CatalogueSamples.document("某某补贴办法"));
        publish("documents", "D-T-VER-01");
        long v = STACK.call("GET", "/catalogue/documents/D-T-VER-01", author, null).json().get("version").asLong();
        Map<String, Object> changed = CatalogueSamples.document("某某补贴办法（修订）");
        Exchange edited = STACK.call("PUT", "/catalogue/documents/D-T-VER-01/draft", author, Map.of("content", changed, "version", v));
        assertEquals(200, edited.status(), edited.body());
        assertEquals("PUBLISHED", edited.json().at("/entry/status").asText(), "the published version stays while a revision is edited");
        assertEquals("某某补贴办法", STACK.call("GET", "/catalogue/documents/D-T-VER-01", enterprise, null)
                .json().at("/content/name").asText());

        JsonNode second = publish("documents", "D-T-VER-01");
        assertEquals(2, second.at("/entry/publishedVersion").asInt());
        assertEquals("某某补贴办法（修订）", STACK.call("GET", "/catalogue/documents/D-T-VER-01", enterprise, null)
                .json().at("/content/name").asText());
        assertEquals("某某补贴办法", STACK.call("GET", "/catalogue/documents/D-T-VER-01/versions/1", enterprise, null)
                .json().at("/content/name").asText());

        long now = STACK.call("GET", "/catalogue/documents/D-T-VER-01", author, null).json().get("version").asLong();
        Exchange revoked = STACK.call("POST", "/catalogue/documents/D-T-VER-01/revoke", reviewer,
                Map.of("version", now, "reason", "政策已废止"));
        assertEquals("REVOKED", revoked.json().at("/entry/status").asText());
        assertEquals(404, STACK.call("GET", "/catalogue/documents/D-T-VER-01", enterprise, null).status());
        assertEquals(200, STACK.call("GET", "/catalogue/documents/D-T-VER-01/versions/2", enterprise, null).status(),
                "what an enterprise saw stays readable by version");
        List<String> listed = STACK.call("GET", "/catalogue/documents?limit=100", enterprise, null).json()
                .get("items").findValuesAsText("code");
        assertFalse(listed.contains("D-T-VER-01"));
    }

    private static Map<String, Object> notice(String itemCode, String title, java.time.Instant opens, java.time.Instant closes) {
        return Map.of("itemCode", itemCode, "title", title, "opensAt", opens.toString(), "closesAt", closes.toString(),
                "method", "登录企业服务平台在线申报", "materials", List.of(
                        Map.of("name", "高新技术企业认定申请书", "format", "PDF", "mandatory", true),
                        Map.of("name", "近三年财务审计报告", "format", "PDF", "mandatory", false)),
                "contacts", List.of(Map.of("name", "陈科长", "phone", "0512-66681234")));
    }

    @Test
    void todaysApplicationsListOpenNoticesSoonestFirstAndTheCalendarShowsTheirDays() {
        create("documents", "D-T-WIN-01", CatalogueSamples.document("申报窗口测试办法"));
        create("varieties", "S-T-WIN-01", CatalogueSamples.variety("D-T-WIN-01"));
        create("items", "BZ-T-WIN-01", CatalogueSamples.item("S-T-WIN-01"));
        publish("documents", "D-T-WIN-01");
        publish("varieties", "S-T-WIN-01");
        publish("items", "BZ-T-WIN-01");
        java.time.Instant now = java.time.Instant.now();
        java.time.Duration day = java.time.Duration.ofDays(1);
        create("notices", "N-T-LATER", notice("BZ-T-WIN-01", "稍后截止的申报", now.minus(day), now.plus(day.multipliedBy(20))));
        create("notices", "N-T-SOON", notice("BZ-T-WIN-01", "即将截止的申报", now.minus(day), now.plus(day.multipliedBy(2))));
        create("notices", "N-T-FUTURE", notice("BZ-T-WIN-01", "尚未开始的申报", now.plus(day.multipliedBy(3)), now.plus(day.multipliedBy(30))));
        create("notices", "N-T-DRAFT", notice("BZ-T-WIN-01", "未发布的申报", now.minus(day), now.plus(day)));
        publish("notices", "N-T-LATER");
        publish("notices", "N-T-SOON");
        publish("notices", "N-T-FUTURE");

        Exchange today = STACK.call("GET", "/applications/today", enterprise, null);
        assertEquals(200, today.status(), today.body());
        List<String> codes = today.json().get("items").findValuesAsText("noticeCode");
        assertTrue(codes.indexOf("N-T-SOON") >= 0 && codes.indexOf("N-T-SOON") < codes.indexOf("N-T-LATER"), codes.toString());
        assertFalse(codes.contains("N-T-FUTURE"), "not yet open");
        assertFalse(codes.contains("N-T-DRAFT"), "not published");
        JsonNode soon = today.json().get("items").get(codes.indexOf("N-T-SOON"));
        assertTrue(soon.get("closingSoon").asBoolean());
        assertTrue(soon.get("calendarDaysLeft").asInt() >= 1 && soon.get("calendarDaysLeft").asInt() <= 2);
        assertEquals("Asia/Shanghai", today.json().get("timeZone").asText());
        assertTrue(STACK.call("GET", "/applications/today", STACK.token("wz-ent"), null).json().get("items")
                .findValuesAsText("noticeCode").stream().noneMatch(c -> c.startsWith("N-T-")), "another tenant's notices");

        String month = java.time.YearMonth.from(now.plus(day.multipliedBy(3)).atZone(java.time.ZoneId.of("Asia/Shanghai"))).toString();
        Exchange calendar = STACK.call("GET", "/applications/calendar?month=" + month, enterprise, null);
        assertEquals(200, calendar.status(), calendar.body());
        assertTrue(calendar.json().get("days").findValuesAsText("noticeCode").contains("N-T-FUTURE"));
        assertEquals(400, STACK.call("GET", "/applications/calendar?month=2026-13", enterprise, null).status());
    }

    @Test
    void theDemoHighTechItemCarriesItsRulesInCanonicalForm() {
        JsonNode item = STACK.call("GET", "/catalogue/items/BZ000000000080", enterprise, null).json();
        JsonNode conditions = item.at("/content/conditions");
        assertTrue(conditions.size() >= 8);
        JsonNode rd = null;
        for (JsonNode c : conditions) {
            if (c.get("id").asText().equals("rd-ratio")) {
                rd = c;
            }
        }
        assertTrue(rd != null && rd.at("/rule/tiered").isObject(), "the tiered R&D ratio rule is stored: " + rd);
        assertEquals("hard", rd.get("kind").asText());
    }

    @Test
    void aPublishedProductHasAStablePublicLinkAndAScannableQrCode() throws Exception {
        String link = STACK.call("GET", "/catalogue/products/P3205IP00145/link", enterprise, null).json().get("link").asText();
        assertTrue(link.endsWith("/t/sip/products/P3205IP00145"), link);

        Exchange png = STACK.call("GET", "/catalogue/products/P3205IP00145/qr", enterprise, null);
        assertEquals(200, png.status());
        assertEquals("image/png", png.contentType());
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(STACK.stack().gatewayUrl()
                + "/catalogue/products/P3205IP00145/qr")).header("Authorization", "Bearer " + enterprise).build();
        byte[] bytes = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        assertEquals(link, new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText(), "the QR code opens the link");

        create("products", "P-T-QR-DRAFT", CatalogueSamples.product("BZ000000000080"));
        assertEquals(404, STACK.call("GET", "/catalogue/products/P-T-QR-DRAFT/qr", author, null).status(),
                "a draft has no public link yet");
        // Wenzhou's demo catalogue has its own entry under the same code: its link names Wenzhou.
        assertTrue(STACK.call("GET", "/catalogue/products/P3205IP00145/link", STACK.token("wz-ent"), null)
                .json().get("link").asText().endsWith("/t/wenzhou/products/P3205IP00145"));
    }

    @Test
    void interpretationsOfAPublishedDocumentInWordsDiagramsAndVideo() {
        Exchange text = STACK.call("POST", "/catalogue/interpretations", author, Map.of("code", "I-T-HT-TEXT", "content",
                Map.of("documentCode", "D-GKFH-2016-32", "form", "TEXT", "title", "一图读懂高新技术企业认定条件（文字版）",
                        "body", "高新技术企业认定须同时满足八项条件，其中研究开发费用占比按销售收入分三档……",
                        "interpretingUnit", "园区科技创新委员会")));
        assertEquals(201, text.status(), text.body());
        publish("interpretations", "I-T-HT-TEXT");
        assertEquals("TEXT", STACK.call("GET", "/catalogue/interpretations/I-T-HT-TEXT", enterprise, null)
                .json().at("/content/form").asText());

        assertProblem(STACK.call("POST", "/catalogue/interpretations", author, Map.of("code", "I-T-HT-DIAG", "content",
                Map.of("documentCode", "D-GKFH-2016-32", "form", "DIAGRAM", "title", "图解", "interpretingUnit", "科创委"))),
                422, "content.attachments");
        assertProblem(STACK.call("POST", "/catalogue/interpretations", author, Map.of("code", "I-T-HT-VID", "content",
                Map.of("documentCode", "D-GKFH-2016-32", "form", "VIDEO", "title", "视频解读", "interpretingUnit", "科创委",
                        "videoUrl", "http://insecure.example/v.mp4"))), 422, "content.videoUrl");
        // A diagram names uploaded images only (MediaTest uploads and publishes one).
        assertProblem(STACK.call("POST", "/catalogue/interpretations", author, Map.of("code", "I-T-HT-DIAG", "content",
                Map.of("documentCode", "D-GKFH-2016-32", "form", "DIAGRAM", "title", "一图读懂高企认定", "interpretingUnit", "科创委",
                        "attachments", List.of(Map.of("name", "一图读懂.png", "objectKey", "sip/diagrams/ht-2026.png",
                                "mediaType", "image/png"))))), 422, "content.attachments[0].objectKey");
        assertProblem(STACK.call("POST", "/catalogue/interpretations", author, Map.of("code", "I-T-NODOC", "content",
                Map.of("documentCode", "D-NOPE", "form", "TEXT", "title", "无文件的解读",
                        "body", "这是一段足够长的解读正文，用来检查所解读的政策文件必须存在。", "interpretingUnit", "科创委"))),
                422, "content.documentCode");
    }

    @Test
    void anotherTenantSeesAndChangesNothing() {
        create("documents", "D-T-ISO-01", CatalogueSamples.document("园区专属政策"));
        JsonNode before = STACK.call("GET", "/catalogue/documents/D-T-ISO-01", author, null).json();
        String wz = STACK.token("wz-staff");
        long v = before.get("version").asLong();
        for (Exchange e : List.of(
                STACK.call("GET", "/catalogue/documents/D-T-ISO-01", wz, null),
                STACK.call("GET", "/catalogue/documents/D-T-ISO-01", STACK.token("wz-ent"), null),
                STACK.call("GET", "/catalogue/documents/D-T-ISO-01/versions/1", wz, null),
                STACK.call("PUT", "/catalogue/documents/D-T-ISO-01/draft", wz,
                        Map.of("content", CatalogueSamples.document("篡改"), "version", v)),
                STACK.call("POST", "/catalogue/documents/D-T-ISO-01/submit", wz, Map.of("version", v)),
                STACK.call("POST", "/catalogue/documents/D-T-ISO-01/approve", wz, Map.of("version", v)),
                STACK.call("POST", "/catalogue/documents/D-T-ISO-01/reject", wz, Map.of("version", v, "reason", "越权操作")),
                STACK.call("POST", "/catalogue/documents/D-T-ISO-01/revoke", wz, Map.of("version", v, "reason", "越权操作")))) {
            assertEquals(404, e.status(), e.method() + " " + e.path() + ": " + e.body());
        }
        assertEquals(before, STACK.call("GET", "/catalogue/documents/D-T-ISO-01", author, null).json());
        assertFalse(STACK.call("GET", "/catalogue/documents?limit=100", wz, null).json().get("items")
                .findValuesAsText("code").contains("D-T-ISO-01"));
        // Wenzhou may use the same code for its own, different entry.
        assertEquals(201, STACK.call("POST", "/catalogue/documents", wz,
                Map.of("code", "D-T-ISO-01", "content", CatalogueSamples.document("温州同编码政策"))).status());
        assertEquals("园区专属政策", STACK.call("GET", "/catalogue/documents/D-T-ISO-01", author, null)
                .json().at("/entry/displayName").asText().replaceAll("（.*", ""));
    }

    @Test
    void badContentIsRefusedWithTheFieldNamed() {
        Map<String, Object> badRegion = new java.util.LinkedHashMap<>(CatalogueSamples.document("区划错误"));
        badRegion.put("issuingRegion", "3205");
        assertProblem(STACK.call("POST", "/catalogue/documents", author, Map.of("code", "D-T-BAD-01", "content", badRegion)),
                422, "content.issuingRegion");
        Map<String, Object> extra = new java.util.LinkedHashMap<>(CatalogueSamples.document("多余字段"));
        extra.put("surprise", true);
        assertProblem(STACK.call("POST", "/catalogue/documents", author, Map.of("code", "D-T-BAD-02", "content", extra)),
                400, "content.surprise");
        assertProblem(STACK.call("POST", "/catalogue/items", author, Map.of("code", "BZ-T-BAD-03",
                "content", CatalogueSamples.item("S-NOPE"))), 422, "content.varietyCode");
        assertProblem(STACK.call("POST", "/catalogue/documents", author, Map.of("code", "lower-case",
                "content", CatalogueSamples.document("编码错误"))), 422, "code");
        Map<String, Object> badRule = new java.util.LinkedHashMap<>(CatalogueSamples.item("S00000000004"));
        badRule.put("conditions", List.of(Map.of("id", "rd", "text", "研发费用占比不低于5%",
                "rule", Map.of("all", List.of(Map.of("attribute", "revenue", "aggregate", "latest", "op", "gte", "value", "100万元"),
                        Map.of("attribute", "noSuchFigure", "op", "gte", "value", 1))))));
        Exchange refused = STACK.call("POST", "/catalogue/items", author, Map.of("code", "BZ-T-BAD-04", "content", badRule));
        assertProblem(refused, 422, "content.conditions[0].rule.all[1].attribute");
        assertEquals("INVALID_RULE", refused.json().get("code").asText());
        assertEquals(404, STACK.call("GET", "/catalogue/recipes", author, null).status());
        assertEquals(404, STACK.call("GET", "/catalogue/documents/D-NONE/versions/zero", author, null).status());
        assertTrue(STACK.call("GET", "/catalogue/documents?limit=100", author, null).json().get("items")
                .findValuesAsText("code").stream().noneMatch(c -> c.startsWith("D-T-BAD")), "refused creates leave nothing");
    }

    private static void assertProblem(Exchange e, int status, String field) {
        assertEquals(status, e.status(), e.body());
        assertEquals(field, e.json().get("field").asText(), e.body());
    }
}
