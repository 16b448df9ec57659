package com.huiqi.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.huiqi.tests.support.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.local.demo.ApiClient.Exchange;
import com.huiqi.tests.support.AuditTrail;
import com.huiqi.tests.support.ImportWorkbooks;
import com.huiqi.tests.support.Polling;
import com.huiqi.tests.support.TestStack;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Bulk import over HTTP, through the local stack's stream delivery: a workbook is checked row by
 * row (any bad row rejects it whole, with a report, and changes nothing), filed in the background
 * as entries submitted for review, approved by someone else and published; a failure while
 * filing leaves nothing behind; another center sees none of it.
 */
class CatalogueImportTest {

    private static final TestStack STACK = TestStack.get();
    private final String importer = STACK.token("sip-staff");
    private final String reviewer = STACK.token("sip-window");
    private final String enterprise = STACK.token("sip-ent");

    private Exchange upload(String token, byte[] workbook) {
        return STACK.callBytes("POST", "/catalogue-imports", token, workbook, ImportWorkbooks.MEDIA_TYPE);
    }

    /** Polls the import, as a client would, until {@code done} holds; fails after a minute. */
    private JsonNode awaitImport(String id, Predicate<JsonNode> done) throws InterruptedException {
        return Polling.await("/catalogue-imports/" + id, importer, done, Duration.ofSeconds(60));
    }

    private static Predicate<JsonNode> inState(String... states) {
        return j -> List.of(states).contains(j.at("/job/state").asText());
    }

    @Test
    void theTemplateImportsAsItIsAndIsPublishedByAnotherStaffMember() throws Exception {
        Exchange downloaded = STACK.download("/catalogue-imports/template", importer);
        assertEquals(200, downloaded.status(), downloaded.body());
        byte[] template = downloaded.bytes();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertEquals("说明", workbook.getSheetName(0));
            assertEquals("政策文件", workbook.getSheetName(1));
            assertEquals("编码 code", workbook.getSheet("政策产品").getRow(0).getCell(0).getStringCellValue());
        }

        Exchange accepted = upload(importer, template);
        assertEquals(202, accepted.status(), accepted.body());
        String id = accepted.json().at("/job/id").asText();
        assertEquals("/catalogue-imports/" + id, accepted.headers().get("location"));
        assertEquals(5, accepted.json().at("/job/total").asInt());

        JsonNode filed = awaitImport(id, inState("IN_REVIEW", "FILING_FAILED"));
        assertEquals("IN_REVIEW", filed.at("/job/state").asText(), filed.toString());
        assertEquals(100, filed.at("/progress/percent").asInt());
        JsonNode product = STACK.call("GET", "/catalogue/products/P-HT-01", importer, null).json();
        assertEquals("IN_REVIEW", product.at("/entry/revision/state").asText());
        assertEquals("sip-staff", product.at("/entry/revision/submittedBy").asText());
        assertEquals(404, STACK.call("GET", "/catalogue/products/P-HT-01", enterprise, null).status(),
                "nothing is visible to enterprises before review");

        Exchange self = STACK.call("POST", "/catalogue-imports/" + id + "/approve", importer,
                Map.of("version", filed.get("version").asLong()));
        assertEquals(409, self.status(), self.body());
        assertEquals("SELF_REVIEW", self.json().get("code").asText());

        Exchange approved = STACK.call("POST", "/catalogue-imports/" + id + "/approve", reviewer,
                Map.of("version", filed.get("version").asLong()));
        assertEquals(202, approved.status(), approved.body());
        JsonNode published = awaitImport(id, inState("PUBLISHED", "PUBLISHING_FAILED"));
        assertEquals("PUBLISHED", published.at("/job/state").asText(), published.toString());
        assertEquals("sip-window", published.at("/job/approvedBy").asText());

        Exchange seen = STACK.call("GET", "/catalogue/products/P-HT-01", enterprise, null);
        assertEquals(200, seen.status(), seen.body());
        assertEquals("高新技术企业", seen.json().at("/content/name").asText());
        JsonNode item = STACK.call("GET", "/catalogue/items/BZ-HT-0080", importer, null).json();
        assertEquals("PUBLISHED", item.at("/entry/status").asText());
        assertEquals("lte", item.at("/published/content/conditions/0/rule/op").asText(), "the rule is stored canonically");
        JsonNode notice = STACK.call("GET", "/catalogue/notices/N-HT-2026", importer, null).json();
        assertEquals("2026-05-06T01:00:00Z", notice.at("/published/content/opensAt").asText(),
                "09:00 in the center's zone (Asia/Shanghai)");

        // Another center sees neither the import nor its entries.
        String other = STACK.token("wz-staff");
        assertEquals(404, STACK.call("GET", "/catalogue-imports/" + id, other, null).status());
        assertEquals(404, STACK.call("POST", "/catalogue-imports/" + id + "/approve", other, Map.of("version", 1)).status());
        assertEquals(404, STACK.call("GET", "/catalogue/products/P-HT-01", other, null).status());
    }

    @Test
    void anyBadRowRejectsTheWholeFileWithARowByRowReportAndWritesNothing() {
        ImportWorkbooks.Catalogue file = ImportWorkbooks.catalogue("BAD", 40);
        file.add("政策产品", Map.of("code", "BAD-PX", "name", "引用不存在事项的产品", "description", "引用了一个不存在的业务事项。",
                "domain", "科技创新", "theme", "科技创新", "region", "320571", "department", "科创委", "itemCodes", "NO-SUCH-ITEM"));
        file.add("政策产品", Map.of("code", "BAD-P00001", "name", "重复编码", "description", "与第2行编码重复。",
                "domain", "科技创新", "theme", "科技创新", "region", "320571", "department", "科创委", "itemCodes", "BAD-BZ00001"));
        file.add("业务品种", Map.of("code", "BAD-SX", "name", "层级写错的品种", "level", "乡镇", "issuingRegion", "320571",
                "applicableRegions", "320571", "type", "认定类", "department", "科创委", "documentCodes", "BAD-D0001"));
        file.add("申报通知", Map.of("code", "BAD-NX", "itemCode", "BAD-BZ00002", "title", "时间写错的通知", "opensAt", "下周一",
                "closesAt", "2026-12-31 17:00", "method", "在线申报"));

        int auditBefore = AuditTrail.size("sip-auditor");
        Exchange rejected = upload(importer, file.toXlsx());
        assertEquals(422, rejected.status(), rejected.body());
        assertEquals("IMPORT_REJECTED", rejected.json().get("code").asText());
        assertTrue(rejected.json().at("/message/zh").asText().contains("未导入任何条目"));
        Map<String, JsonNode> byCode = new HashMap<>();
        rejected.json().get("errors").forEach(e -> byCode.put(e.path("entryCode").asText(), e));
        assertEquals(4, byCode.size(), rejected.body());
        assertEquals("content.itemCodes[0]", byCode.get("BAD-PX").get("field").asText());
        assertEquals("政策产品", byCode.get("BAD-PX").get("sheet").asText());
        assertEquals(42, byCode.get("BAD-PX").get("row").asInt(), "40 generated products, then this row");
        assertTrue(byCode.get("BAD-P00001").at("/message/zh").asText().contains("重复"));
        assertEquals("content.level", byCode.get("BAD-SX").get("field").asText());
        assertEquals("content.opensAt", byCode.get("BAD-NX").get("field").asText());

        assertEquals(auditBefore, AuditTrail.size("sip-auditor"), "a rejected import changes nothing");
        assertEquals(404, STACK.call("GET", "/catalogue/documents/BAD-D0001", importer, null).status());
    }

    @Test
    void aReviewerSendsAnImportBackAndItsEntriesGoExceptWhatWasPublishedSince() throws Exception {
        ImportWorkbooks.Catalogue file = ImportWorkbooks.catalogue("REJ", 40);
        Exchange accepted = upload(importer, file.toXlsx());
        assertEquals(202, accepted.status(), accepted.body());
        String id = accepted.json().at("/job/id").asText();
        JsonNode filed = awaitImport(id, inState("IN_REVIEW", "FILING_FAILED"));
        assertEquals("IN_REVIEW", filed.at("/job/state").asText(), filed.toString());

        // One document is reviewed and published on its own before the import is sent back.
        long docVersion = STACK.call("GET", "/catalogue/documents/REJ-D0001", importer, null).json().get("version").asLong();
        assertEquals(200, STACK.call("POST", "/catalogue/documents/REJ-D0001/approve", reviewer,
                Map.of("version", docVersion)).status());

        Exchange noReason = STACK.call("POST", "/catalogue-imports/" + id + "/reject", reviewer,
                Map.of("version", filed.get("version").asLong()));
        assertProblem(noReason, 422, "VALIDATION_FAILED", "reason");
        Exchange rejected = STACK.call("POST", "/catalogue-imports/" + id + "/reject", reviewer,
                Map.of("version", filed.get("version").asLong(), "reason", "资金类产品的申报条件有误，请修改后重新导入"));
        assertEquals(202, rejected.status(), rejected.body());
        JsonNode done = awaitImport(id, inState("REJECTED", "REJECTING_FAILED"));
        assertEquals("REJECTED", done.at("/job/state").asText(), done.toString());
        assertEquals("sip-window", done.at("/job/rejectedBy").asText());
        assertEquals("资金类产品的申报条件有误，请修改后重新导入", done.at("/job/rejection").asText());

        assertEquals(404, STACK.call("GET", "/catalogue/products/REJ-P00001", importer, null).status());
        assertEquals(404, STACK.call("GET", "/catalogue/documents/REJ-D0002", importer, null).status());
        assertEquals("PUBLISHED", STACK.call("GET", "/catalogue/documents/REJ-D0001", importer, null)
                .json().at("/entry/status").asText(), "what was published on its own stays");
        assertEquals(1, AuditTrail.of("sip-auditor", "catalogue.import.withdraw", "REJ-P00001").size());
        assertProblem(STACK.call("POST", "/catalogue-imports/" + id + "/reject", reviewer,
                Map.of("version", done.get("version").asLong(), "reason", "再次退回")), 409, "INVALID_IMPORT_STATE");
        assertProblem(STACK.call("POST", "/catalogue-imports/" + id + "/approve", reviewer,
                Map.of("version", done.get("version").asLong())), 409, "INVALID_IMPORT_STATE");
    }

    @Test
    void whatIsNotAWorkbookIsRefused() {
        Exchange notXlsx = STACK.callBytes("POST", "/catalogue-imports", importer, "code,name\nX,Y".getBytes(),
                ImportWorkbooks.MEDIA_TYPE);
        assertEquals(422, notXlsx.status(), notXlsx.body());
        assertEquals("IMPORT_REJECTED", notXlsx.json().get("code").asText());
        Exchange csv = STACK.callBytes("POST", "/catalogue-imports", importer, "code,name".getBytes(), "text/csv");
        assertEquals(415, csv.status(), csv.body());
        Exchange empty = STACK.callBytes("POST", "/catalogue-imports", importer, new byte[0], ImportWorkbooks.MEDIA_TYPE);
        assertEquals(400, empty.status(), empty.body());
        Exchange unknownSheet = upload(importer, new ImportWorkbooks.Catalogue()
                .add("政策列表", Map.of("code", "X-1", "name", "未知工作表")).toXlsx());
        assertEquals(422, unknownSheet.status(), unknownSheet.body());
        assertEquals("政策列表", unknownSheet.json().at("/errors/0/sheet").asText());
        assertEquals(404, STACK.call("GET", "/catalogue-imports/not-an-id", importer, null).status());
    }

    @Test
    void aFilingThatFailsPartWayIsRolledBackWhole() throws Exception {
        ImportWorkbooks.Catalogue file = ImportWorkbooks.catalogue("RB", 400);
        List<Map<String, String>> notices = file.rows("申报通知");
        String lastNotice = notices.get(notices.size() - 1).get("code");
        Exchange accepted = upload(importer, file.toXlsx());
        assertEquals(202, accepted.status(), accepted.body());
        String id = accepted.json().at("/job/id").asText();
        // While the import is filing its first chunks, someone creates an entry with the code of its last row.
        Map<String, Object> notice = new HashMap<>(Map.of("itemCode", "BZ000000000080", "title", "抢先创建的通知",
                "opensAt", "2026-12-01T01:00:00Z", "closesAt", "2026-12-31T09:00:00Z", "method", "在线申报",
                "materials", List.of(Map.of("name", "项目申报书", "format", "PDF", "mandatory", true)),
                "contacts", List.of(Map.of("name", "陈敏", "phone", "0512-66681234", "department", "科创委"))));
        Exchange first = STACK.call("POST", "/catalogue/notices", importer, Map.of("code", lastNotice, "content", notice));
        assertEquals(201, first.status(), first.body());

        JsonNode failed = awaitImport(id, inState("FILING_FAILED", "IN_REVIEW"));
        assertEquals("FILING_FAILED", failed.at("/job/state").asText(), failed.toString());
        assertTrue(failed.at("/job/error").asText().contains("已撤回"), failed.toString());
        List<String> codes = new ArrayList<>();
        file.rows("政策文件").forEach(r -> codes.add("documents/" + r.get("code")));
        file.rows("政策产品").subList(0, 50).forEach(r -> codes.add("products/" + r.get("code")));
        for (String code : codes) {
            assertEquals(404, STACK.call("GET", "/catalogue/" + code, importer, null).status(), code + " was rolled back");
        }
        assertEquals("抢先创建的通知", STACK.call("GET", "/catalogue/notices/" + lastNotice, importer, null)
                .json().at("/entry/revision/content/title").asText(), "the other person's entry stays");
        assertFalse(failed.at("/job/state").asText().equals("IN_REVIEW"));
    }

}
