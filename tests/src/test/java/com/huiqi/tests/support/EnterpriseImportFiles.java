package com.huiqi.tests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.local.demo.ApiClient.Exchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds enterprise import files and drives an import as a client does: create, upload, start, poll. */
public final class EnterpriseImportFiles {

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private EnterpriseImportFiles() {
    }

    /** RFC 4180 CSV (UTF-8) of the rows, the first being the header. */
    public static byte[] csv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                String v = row.get(i);
                out.append(i == 0 ? "" : ",").append(v.contains(",") || v.contains("\"") || v.contains("\n")
                        ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
            }
            out.append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A workbook of one sheet holding the rows as text cells. */
    public static byte[] xlsx(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("企业数据");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** Creates an import (201) for a file of {@code contentType}. */
    public static JsonNode create(TestStack stack, String token, String contentType) {
        Exchange e = stack.call("POST", "/enterprise-imports", token, Map.of("contentType", contentType));
        assertEquals(201, e.status(), e.body());
        return e.json();
    }

    /** PUTs the file to the import's presigned upload URL, as a client does (straight to object storage). */
    public static int upload(JsonNode created, byte[] file, String contentType) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(created.at("/upload/url").asText()))
                .header("content-type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    public static Exchange start(TestStack stack, String token, JsonNode created) {
        return stack.call("POST", "/enterprise-imports/" + created.at("/job/id").asText() + "/start", token,
                Map.of("version", created.get("version").asLong()));
    }

    /** Polls the import until {@code done} holds; fails after {@code seconds}. */
    public static JsonNode await(String token, String id, Predicate<JsonNode> done, int seconds)
            throws InterruptedException {
        return Polling.await("/enterprise-imports/" + id, token, done, Duration.ofSeconds(seconds));
    }

    /** The rejects report: the route answers its download URL, from which the client downloads it. */
    public static String rejects(TestStack stack, String token, String id) throws IOException, InterruptedException {
        Exchange e = stack.call("GET", "/enterprise-imports/" + id + "/rejects", token, null);
        assertEquals(200, e.status(), e.body());
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(e.json().get("url").asText())).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }
}
