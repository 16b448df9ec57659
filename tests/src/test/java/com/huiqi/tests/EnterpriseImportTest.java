package com.huiqi.tests;

import static com.huiqi.tests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.local.demo.ApiClient.Exchange;
import com.huiqi.shared.enterprise.CreditCode;
import com.huiqi.shared.storage.Tables;
import com.huiqi.tests.support.AuditTrail;
import com.huiqi.tests.support.EnterpriseImportFiles;
import com.huiqi.tests.support.TestStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Bulk import of enterprise data through the local stack: the client uploads the file to object
 * storage with the presigned URL, starts the job, and the import function (started by the job's
 * change on the stream) records every good row as the department-import source and reports every
 * bad row, which writes nothing. The same file again changes nothing; another center sees none of it.
 */
class EnterpriseImportTest {

    private static final TestStack STACK = TestStack.get();
    private static final AtomicInteger SERIAL = new AtomicInteger();
    /** The action of an import's audit records: one per transaction, naming its rows. */
    private static final String ROWS = "enterprise.import.rows";
    private final String staff = STACK.token("sip-staff");
    private final String department = STACK.token("sip-kjj");

    private static String newCode() {
        return CreditCode.complete(String.format("91320505MA3E%05d", SERIAL.incrementAndGet())).value();
    }

    private static boolean finished(JsonNode view) {
        String state = view.at("/job/state").asText();
        return state.equals("COMPLETED") || state.equals("FAILED");
    }

    /** Creates, uploads, starts and awaits an import; returns the finished job's view. */
    private JsonNode importFile(String token, byte[] file, String type) throws Exception {
        JsonNode created = EnterpriseImportFiles.create(STACK, token, type);
        assertEquals("CREATED", created.at("/job/state").asText());
        assertEquals(200, EnterpriseImportFiles.upload(created, file, type));
        Exchange started = EnterpriseImportFiles.start(STACK, token, created);
        assertEquals(202, started.status(), started.body());
        assertEquals("QUEUED", started.json().at("/job/state").asText());
        JsonNode done = EnterpriseImportFiles.await(token, created.at("/job/id").asText(),
                EnterpriseImportTest::finished, 60);
        assertEquals("COMPLETED", done.at("/job/state").asText(), done.toString());
        return done;
    }

    private JsonNode file(String code) {
        Exchange e = STACK.call("GET", "/enterprises/" + code, staff, null);
        assertEquals(200, e.status(), e.body());
        return e.json();
    }

    private static JsonNode figure(JsonNode view, String field, Integer year) {
        for (JsonNode f : view.at("/file/figures")) {
            if (f.get("field").asText().equals(field) && (year == null || f.path("year").asInt() == year)) {
                return f;
            }
        }
        return null;
    }

    private int history(String code, String field, int year) {
        Exchange e = STACK.call("GET", "/enterprises/" + code + "/history?field=" + field + "&year=" + year, staff, null);
        assertEquals(200, e.status(), e.body());
        return e.json().get("items").size();
    }

    @Test
    void goodRowsAreImportedAsTheDepartmentsBadRowsReportedAndNothingOfThemWritten() throws Exception {
        String fresh = newCode();
        String badMoney = newCode();
        String existing = newCode();
        Exchange made = STACK.call("POST", "/enterprises", staff, Map.of("creditCode", existing, "facts", List.of(
                Map.of("field", "name", "value", "苏州既有档案有限公司"),
                Map.of("field", "revenue", "year", 2025, "value", "5000000.00"))));
        assertEquals(201, made.status(), made.body());
        List<String> header = List.of("统一社会信用代码 creditCode", "企业名称 name", "营业收入 revenue@2025", "employees@2025",
                "registeredRegion");
        List<List<String>> rows = List.of(header,
                List.of(fresh, "苏州导入新建有限公司", "12000000.00", "40", "320505"),
                List.of(badMoney, "苏州金额有误有限公司", "12,5", "10", "320505"),
                List.of("9132050", "代码有误有限公司", "100.00", "1", "320505"),
                List.of(existing, "", "6100000.00", "", ""),
                List.of(fresh, "苏州重复一行有限公司", "1.00", "1", "320505"));
        byte[] csv = EnterpriseImportFiles.csv(rows);

        JsonNode done = importFile(department, csv, EnterpriseImportFiles.CSV);
        String id = done.at("/job/id").asText();
        assertEquals(5, done.at("/job/total").asInt());
        assertEquals(2, done.at("/job/imported").asInt(), done.toString());
        assertEquals(3, done.at("/job/rejected").asInt());
        assertEquals(100, done.at("/progress/percent").asInt());
        assertEquals(5, done.at("/progress/processed").asInt());
        assertTrue(done.at("/progress/rowsPerSecond").asDouble() > 0, done.toString());

        JsonNode created = file(fresh);
        JsonNode revenue = figure(created, "revenue", 2025);
        assertEquals("12000000.00", revenue.get("value").asText());
        assertEquals("DEPARTMENT_IMPORT", revenue.get("source").asText());
        assertEquals(id, revenue.at("/claims/0/sourceRef").asText());
        assertEquals("sip-kjj", revenue.at("/claims/0/recordedBy").asText());
        assertEquals("苏州导入新建有限公司", created.at("/file/name").asText(), "the duplicate row changed nothing");
        assertEquals(404, STACK.call("GET", "/enterprises/" + badMoney, staff, null).status(), "a rejected row writes nothing");

        // The department's figure now beside the staff's, and the file's value as the higher precedence.
        JsonNode updated = figure(file(existing), "revenue", 2025);
        assertEquals("6100000.00", updated.get("value").asText());
        assertEquals("DEPARTMENT_IMPORT", updated.get("source").asText());
        assertEquals(2, updated.get("claims").size());

        // The two rows shared a transaction, and its one audit record, on the import, names each.
        List<JsonNode> records = AuditTrail.of("sip-auditor", ROWS, id);
        assertEquals(1, records.size(), records.toString());
        JsonNode record = records.get(0);
        assertEquals("EnterpriseImport", record.get("entityType").asText());
        assertEquals(List.of(fresh, existing), codes(records));
        JsonNode createdRow = row(record.at("/after/rows"), fresh);
        assertTrue(createdRow.get("created").asBoolean());
        assertEquals("12000000.00", createdRow.at("/figures/revenue@2025/DEPARTMENT_IMPORT").asText(), createdRow.toString());
        JsonNode updatedRow = row(record.at("/after/rows"), existing);
        assertFalse(updatedRow.get("created").asBoolean());
        assertEquals("6100000.00", updatedRow.at("/figures/revenue@2025/DEPARTMENT_IMPORT").asText(), updatedRow.toString());
        // before: the superseded figures of existing files only.
        assertEquals(1, record.at("/before/rows").size(), record.toString());
        JsonNode superseded = row(record.at("/before/rows"), existing);
        assertEquals("5000000.00", superseded.at("/figures/revenue@2025/STAFF").asText(), superseded.toString());
        assertTrue(superseded.at("/figures/revenue@2025/DEPARTMENT_IMPORT").isMissingNode(), superseded.toString());

        String report = EnterpriseImportFiles.rejects(STACK, department, id);
        List<String> lines = report.lines().toList();
        assertEquals(4, lines.size(), report);
        assertTrue(lines.get(1).startsWith("3," + badMoney + ",revenue@2025,VALIDATION_FAILED,"), report);
        assertTrue(lines.get(2).startsWith("4,9132050,creditCode,"), report);
        assertTrue(lines.get(3).startsWith("6," + fresh + ",creditCode,VALIDATION_FAILED,"), report);
        assertTrue(lines.get(3).contains("appears twice"), report);

        // The same file again: every good row is a no-op, no new history, no new audit of the files.
        JsonNode again = importFile(department, csv, EnterpriseImportFiles.CSV);
        assertEquals(0, again.at("/job/imported").asInt(), again.toString());
        assertEquals(2, again.at("/job/unchanged").asInt());
        assertEquals(3, again.at("/job/rejected").asInt());
        assertEquals(0, history(fresh, "revenue", 2025));
        assertEquals(List.of(), AuditTrail.of("sip-auditor", ROWS, again.at("/job/id").asText()));
        assertEquals(revenue, figure(file(fresh), "revenue", 2025), "the figure keeps its first import");

        // A later file updates the figure; history keeps the superseded one. Its row names the
        // enterprise, so it is first written as a new file, which exists: its pack fails, writing
        // nothing, and the row is read and written again in a pack of its own, with its own record.
        JsonNode later = importFile(department, EnterpriseImportFiles.csv(List.of(List.of("creditCode", "name", "revenue@2025"),
                List.of(fresh, "苏州导入新建有限公司", "13000000.00"))), EnterpriseImportFiles.CSV);
        assertEquals(1, later.at("/job/imported").asInt(), later.toString());
        assertEquals(0, later.at("/job/rejected").asInt(), later.toString());
        assertEquals("13000000.00", figure(file(fresh), "revenue", 2025).get("value").asText());
        assertEquals(1, history(fresh, "revenue", 2025));
        List<JsonNode> laterRecords = AuditTrail.of("sip-auditor", ROWS, later.at("/job/id").asText());
        assertEquals(1, laterRecords.size(), laterRecords.toString());
        assertFalse(row(laterRecords.get(0).at("/after/rows"), fresh).get("created").asBoolean());
        assertEquals("13000000.00", row(laterRecords.get(0).at("/after/rows"), fresh)
                .at("/figures/revenue@2025/DEPARTMENT_IMPORT").asText());
        assertEquals("12000000.00", row(laterRecords.get(0).at("/before/rows"), fresh)
                .at("/figures/revenue@2025/DEPARTMENT_IMPORT").asText(), "the superseded value");
        long naming = AuditTrail.records("/audit", STACK.token("sip-auditor")).stream()
                .filter(r -> r.get("action").asText().equals(ROWS) && codes(List.of(r)).contains(fresh)).count();
        assertEquals(2, naming, "two imports changed the file, one record each");
    }

    /**
     * A pack's audit record is one DynamoDB item (at most 400 KB): rows whose figures are long lists
     * fill its byte budget long before the transaction's 100 items, and the pack closes there. One
     * record of all five rows would be over 500 KB, which DynamoDB refuses, failing the import.
     */
    @Test
    void wideRowsCloseAPackAtItsAuditRecordsByteBudget() throws Exception {
        List<String> codes = List.of(newCode(), newCode(), newCode(), newCode(), newCode());
        // Long Chinese texts, as far as the fields take them: about 550 bytes of JSON an entry.
        String programme = "江苏省高新技术企业培育库入库奖励及研发费用加计扣除配套资助项目".repeat(4).substring(0, 96);
        String authority = "苏州工业园区科技创新委员会产业发展处与园区财政局联合审核认定办公室".repeat(3).substring(0, 64);
        List<Map<String, Object>> applications = new ArrayList<>();
        List<Map<String, Object>> grants = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            applications.add(Map.of("year", 2020 + i % 5, "programme", programme + i, "department", authority,
                    "outcome", "APPROVED"));
            grants.add(Map.of("year", 2020 + i % 5, "programme", programme + i, "department", authority,
                    "amountYuan", (100000 + i) + ".00"));
        }
        ObjectMapper json = new ObjectMapper();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("creditCode", "name", "pastApplications", "grants"));
        for (String code : codes) {
            rows.add(List.of(code, "苏州宽行导入有限公司" + code.substring(12, 17), json.writeValueAsString(applications),
                    json.writeValueAsString(grants)));
        }

        JsonNode done = importFile(staff, EnterpriseImportFiles.csv(rows), EnterpriseImportFiles.CSV);
        assertEquals(5, done.at("/job/imported").asInt(), done.toString());
        List<JsonNode> records = AuditTrail.of("sip-auditor", ROWS, done.at("/job/id").asText());
        assertTrue(records.size() >= 2, records.size() + " records");
        assertEquals(codes.stream().sorted().toList(), codes(records).stream().sorted().toList());
        for (JsonNode record : records) {
            int bytes = record.get("after").toString().getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes <= 300 * 1024, bytes + " bytes of JSON in one record");
        }
        assertEquals(100, figure(file(codes.get(4)), "grants", null).get("value").size());
    }

    /** The credit codes the rows of {@code records} name, in order. */
    private static List<String> codes(List<JsonNode> records) {
        List<String> codes = new ArrayList<>();
        records.forEach(r -> r.at("/after/rows").forEach(row -> codes.add(row.get("creditCode").asText())));
        return codes;
    }

    private static JsonNode row(JsonNode rows, String code) {
        for (JsonNode row : rows) {
            if (row.get("creditCode").asText().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row of " + code + " in " + rows);
    }

    @Test
    void anXlsxFileIsReadLikeACsv() throws Exception {
        String good = newCode();
        String bad = newCode();
        byte[] xlsx = EnterpriseImportFiles.xlsx(List.of(List.of("creditCode", "name", "industryCode", "techDomains"),
                List.of(good, "苏州表格导入有限公司", "C3911", "电子信息；新材料"),
                List.of(bad, "苏州行业有误有限公司", "Z9999", "")));
        JsonNode done = importFile(staff, xlsx, EnterpriseImportFiles.XLSX);
        assertEquals(1, done.at("/job/imported").asInt(), done.toString());
        assertEquals(1, done.at("/job/rejected").asInt());
        JsonNode view = file(good);
        assertEquals("C3911", figure(view, "industryCode", null).get("value").asText());
        assertEquals(List.of("新材料", "电子信息"), List.of(figure(view, "techDomains", null).get("value").get(0).asText(),
                figure(view, "techDomains", null).get("value").get(1).asText()));
        assertEquals("DEPARTMENT_IMPORT", figure(view, "name", null).get("source").asText());
        assertEquals(404, STACK.call("GET", "/enterprises/" + bad, staff, null).status());
        String report = EnterpriseImportFiles.rejects(STACK, staff, done.at("/job/id").asText());
        assertTrue(report.contains("3," + bad + ",industryCode,"), report);
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsQueued() throws Exception {
        assertProblem(STACK.call("POST", "/enterprise-imports", staff, Map.of("contentType", "application/pdf")), 415,
                "UNSUPPORTED_MEDIA_TYPE", "contentType");
        assertProblem(STACK.call("POST", "/enterprise-imports", staff, Map.of()), 422, "VALIDATION_FAILED", "contentType");

        JsonNode missing = EnterpriseImportFiles.create(STACK, staff, EnterpriseImportFiles.CSV);
        assertProblem(EnterpriseImportFiles.start(STACK, staff, missing), 409, "IMPORT_FILE_MISSING");
        String id = missing.at("/job/id").asText();
        assertProblem(STACK.call("GET", "/enterprise-imports/" + id + "/rejects", staff, null), 409, "IMPORT_NOT_FINISHED");

        JsonNode unknown = EnterpriseImportFiles.create(STACK, staff, EnterpriseImportFiles.CSV);
        EnterpriseImportFiles.upload(unknown, EnterpriseImportFiles.csv(List.of(List.of("creditCode", "name", "turnover"),
                List.of(newCode(), "某公司", "1"))), EnterpriseImportFiles.CSV);
        JsonNode problem = assertProblem(EnterpriseImportFiles.start(STACK, staff, unknown), 422, "IMPORT_REJECTED", "turnover");
        assertEquals("turnover", problem.at("/errors/0/column").asText());
        assertNotNull(problem.at("/errors/0/message/zh").asText());
        JsonNode stillCreated = STACK.call("GET", "/enterprise-imports/" + unknown.at("/job/id").asText(), staff, null).json();
        assertEquals("CREATED", stillCreated.at("/job/state").asText(), "a refused start queues nothing");

        JsonNode notAWorkbook = EnterpriseImportFiles.create(STACK, staff, EnterpriseImportFiles.XLSX);
        EnterpriseImportFiles.upload(notAWorkbook, "creditCode,name\r\n".getBytes(), EnterpriseImportFiles.XLSX);
        assertProblem(EnterpriseImportFiles.start(STACK, staff, notAWorkbook), 422, "IMPORT_UNREADABLE");

        JsonNode stale = EnterpriseImportFiles.create(STACK, staff, EnterpriseImportFiles.CSV);
        assertProblem(STACK.call("POST", "/enterprise-imports/" + stale.at("/job/id").asText() + "/start", staff,
                Map.of("version", 7)), 409, "CONCURRENT_MODIFICATION");
    }

    @Test
    void anotherCenterCannotSeeStartOrDownloadAnImport() throws Exception {
        String wz = STACK.token("wz-staff");
        JsonNode created = EnterpriseImportFiles.create(STACK, staff, EnterpriseImportFiles.CSV);
        String id = created.at("/job/id").asText();
        assertTrue(created.at("/upload/url").asText().contains("/sip/imports/" + id + ".csv"), created.toString());
        assertProblem(STACK.call("GET", "/enterprise-imports/" + id, wz, null), 404, "NOT_FOUND");
        assertProblem(STACK.call("POST", "/enterprise-imports/" + id + "/start", wz, Map.of("version", 1)), 404, "NOT_FOUND");
        assertProblem(STACK.call("GET", "/enterprise-imports/" + id + "/rejects", wz, null), 404, "NOT_FOUND");
        // A department user sees its own imports only.
        assertProblem(STACK.call("GET", "/enterprise-imports/" + id, department, null), 404, "NOT_FOUND");
        assertFalse(STACK.call("GET", "/enterprise-imports/" + id, staff, null).body().contains("wenzhou"));
        // Nor in the lists: another center's list never shows it, a department's list only its own.
        assertFalse(listed(wz).contains(id));
        assertFalse(listed(department).contains(id));
        assertTrue(listed(staff).contains(id));
    }

    @Test
    void theListShowsTheNewestFirstAndADepartmentItsOwnOnly() throws Exception {
        String byStaff = EnterpriseImportFiles.create(STACK, staff, EnterpriseImportFiles.CSV).at("/job/id").asText();
        String byDepartment = EnterpriseImportFiles.create(STACK, department, EnterpriseImportFiles.CSV).at("/job/id").asText();
        List<String> center = listed(staff);
        assertTrue(center.indexOf(byDepartment) >= 0 && center.indexOf(byDepartment) < center.indexOf(byStaff), center.toString());
        List<String> own = listed(department);
        assertTrue(own.contains(byDepartment));
        assertFalse(own.contains(byStaff));
        JsonNode first = STACK.call("GET", "/enterprise-imports?limit=1", department, null).json().at("/items/0");
        assertEquals("sip-kjj", first.at("/job/importedBy").asText());
        assertEquals("CREATED", first.at("/job/state").asText());
        assertEquals(0, first.at("/progress/percent").asInt());
        assertProblem(STACK.call("GET", "/enterprise-imports", STACK.token("sip-ent"), null), 403, "FORBIDDEN");
        assertProblem(STACK.call("GET", "/enterprise-imports?limit=0", staff, null), 400, "INVALID_LIMIT");
    }

    @Test
    void aRunningImportSilentForLongerThanTheFunctionCanRunIsRecordedFailed() throws Exception {
        JsonNode created = EnterpriseImportFiles.create(STACK, staff, EnterpriseImportFiles.CSV);
        String id = created.at("/job/id").asText();
        // What a run leaves behind when its function dies mid-way: RUNNING, last progress 17 minutes ago.
        String silentSince = Instant.now().minus(Duration.ofMinutes(17)).toString();
        try (var dynamo = STACK.dynamo()) {
            dynamo.updateItem(u -> u.tableName(Tables.DATA.tableName())
                    .key(Map.of("pk", AttributeValue.fromS("sip#ENTIMPORT#" + id),
                            "sk", AttributeValue.fromS("JOB")))
                    .updateExpression("SET #s = :running, updatedAt = :at, startedAt = :at")
                    .expressionAttributeNames(Map.of("#s", "state"))
                    .expressionAttributeValues(Map.of(
                            ":running", AttributeValue.fromS("RUNNING"),
                            ":at", AttributeValue.fromS(silentSince))));
        }
        JsonNode seen = STACK.call("GET", "/enterprise-imports/" + id, staff, null).json();
        assertEquals("FAILED", seen.at("/job/state").asText(), seen.toString());
        assertTrue(seen.toString().contains("导入中断"), seen.toString());
        assertEquals(1, AuditTrail.of("sip-auditor", "enterprise.import.failed", id).size());
        // Read again, or in the list: still FAILED, recorded once.
        assertEquals("FAILED", STACK.call("GET", "/enterprise-imports/" + id, staff, null).json().at("/job/state").asText());
        assertTrue(listed(staff).contains(id));
        assertEquals(1, AuditTrail.of("sip-auditor", "enterprise.import.failed", id).size());
    }

    /** The ids of every import the caller's list shows, every page. */
    private static List<String> listed(String token) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Exchange e = STACK.call("GET", "/enterprise-imports?limit=50" + (cursor == null ? "" : "&cursor=" + cursor), token, null);
            assertEquals(200, e.status(), e.body());
            e.json().get("items").forEach(i -> ids.add(i.at("/job/id").asText()));
            cursor = e.json().hasNonNull("nextCursor") ? e.json().get("nextCursor").asText() : null;
        } while (cursor != null);
        return ids;
    }
}
