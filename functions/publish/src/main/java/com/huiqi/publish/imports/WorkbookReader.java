package com.huiqi.publish.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Pattern;
import com.huiqi.shared.sheets.XlsxRows;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.util.CellReference;

/**
 * Reads an import workbook (XLSX) row by row with shared-lib's streaming {@link XlsxRows}, and turns each row into the JSON content of its
 * catalogue kind, typed by the content record's fields:
 * <ul>
 *   <li>lists of codes or words: one cell, items separated by ；;、，, or new lines;</li>
 *   <li>nested values (conditions with rules, materials, contacts): JSON in the cell;</li>
 *   <li>dates: 2026-12-01 as text, or an Excel date cell; instants: ISO-8601 with an offset,
 *       or 2026-12-01 09:00 (or a date-time cell) in the center's time zone;</li>
 *   <li>levels and types: the Chinese name (国家, 认定类, 政策申报类 …) or the API's constant;</li>
 *   <li>yes/no: 是/否, true/false.</li>
 * </ul>
 * A cell that cannot be read is a rejection of its row with the field named; nothing is guessed.
 */
final class WorkbookReader {

    /** Beyond this the import is refused as a whole: one request may hold a large catalogue, not an unbounded one. */
    static final int MAX_ROWS = 20_000;

    private static final Pattern LIST_SEPARATORS = Pattern.compile("[；;、，,\\n]");
    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]");
    private static final Map<String, String> CHINESE_CONSTANTS = Map.ofEntries(
            Map.entry("国家", "NATIONAL"), Map.entry("国家级", "NATIONAL"), Map.entry("省", "PROVINCIAL"),
            Map.entry("省级", "PROVINCIAL"), Map.entry("市", "MUNICIPAL"), Map.entry("市级", "MUNICIPAL"),
            Map.entry("区", "DISTRICT"), Map.entry("区县", "DISTRICT"), Map.entry("区级", "DISTRICT"),
            Map.entry("认定类", "RECOGNITION"), Map.entry("项目类", "PROJECT"), Map.entry("资金类", "FUNDING"),
            Map.entry("其他类", "OTHER"), Map.entry("预征集类", "PRE_COLLECTION"), Map.entry("政策申报类", "APPLICATION"));

    /** What a workbook held: its rows, and what could not be read at all. */
    record Result(List<ImportRow> rows, List<Rejection> rejections) {
    }

    private final ObjectMapper mapper;
    private final ZoneId zone;

    WorkbookReader(ObjectMapper mapper, ZoneId zone) {
        this.mapper = mapper;
        this.zone = zone;
    }

    Result read(byte[] xlsx) {
        List<ImportRow> rows = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(xlsx))) {
            XlsxRows.read(pkg, name -> {
                var sheet = ImportSheet.byName(name);
                if (sheet.isEmpty() && !name.strip().equals(ImportTemplate.GUIDE_SHEET)) {
                    rejections.add(Rejection.of(name, null, null, null, "未知的工作表“" + name + "”，工作表须为："
                            + sheetNames(), "Unknown sheet " + name + "; the sheets are " + sheetNames()));
                }
                return sheet.map(s -> new SheetRows(s, rows, rejections));
            });
        } catch (TooManyRows e) {
            rejections.add(Rejection.of(null, null, null, null, "一次最多导入" + MAX_ROWS + "行",
                    "At most " + MAX_ROWS + " rows per import"));
        } catch (IOException | OpenXML4JException | XlsxRows.UnreadableWorkbook
                 | org.apache.poi.UnsupportedFileFormatException | org.apache.poi.ooxml.POIXMLException e) {
            rejections.add(Rejection.of(null, null, null, null, "无法读取文件：须为 Excel 工作簿（.xlsx）",
                    "The file is not a readable Excel workbook (.xlsx)"));
        }
        return new Result(rows, rejections);
    }

    private static String sheetNames() {
        List<String> names = new ArrayList<>();
        for (ImportSheet s : ImportSheet.values()) {
            names.add(s.sheetName());
        }
        return String.join("、", names);
    }

    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    /** Collects one sheet: the header row names the columns, every later non-empty row is an entry. */
    private final class SheetRows implements XlsxRows.Rows {
        private final ImportSheet sheet;
        private final List<ImportRow> rows;
        private final List<Rejection> rejections;
        private final Map<String, RecordComponent> fields = new HashMap<>();
        /** Column index to field name, from the header row. */
        private final Map<Integer, String> columns = new HashMap<>();
        private boolean headerSeen;
        private boolean headerValid = true;

        SheetRows(ImportSheet sheet, List<ImportRow> rows, List<Rejection> rejections) {
            this.sheet = sheet;
            this.rows = rows;
            this.rejections = rejections;
            sheet.fields().forEach(f -> fields.put(f.getName(), f));
        }

        @Override
        public void row(int rowNumber, SortedMap<Integer, String> rowCells) {
            if (!headerSeen) {
                header(rowNumber, rowCells);
                return;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            rowCells.forEach((column, text) -> {
                if (columns.containsKey(column)) {
                    cells.put(columns.get(column), text.strip());
                } else {
                    String reference = CellReference.convertNumToColString(column) + rowNumber;
                    rejections.add(Rejection.of(sheet.sheetName(), rowNumber, null, reference,
                            "单元格" + reference + "不在任何列之下", "Cell " + reference + " has no column header"));
                }
            });
            if (cells.isEmpty() || !headerValid) {
                return;
            }
            if (rows.size() >= MAX_ROWS) {
                throw new TooManyRows();
            }
            String code = cells.get(ImportSheet.CODE);
            ObjectNode content = mapper.createObjectNode();
            try {
                for (Map.Entry<String, String> cell : cells.entrySet()) {
                    if (!cell.getKey().equals(ImportSheet.CODE)) {
                        content.set(cell.getKey(), value(fields.get(cell.getKey()), cell.getValue()));
                    }
                }
                rows.add(new ImportRow(sheet, rowNumber, code, content));
            } catch (UnreadableCell e) {
                rejections.add(Rejection.of(sheet.sheetName(), rowNumber, code, "content." + e.field,
                        "无法读取“" + ImportSheet.header(e.field) + "”：" + e.zh, "Cannot read " + e.field + ": " + e.en));
            }
        }

        private void header(int rowNumber, SortedMap<Integer, String> rowCells) {
            headerSeen = true;
            rowCells.forEach((column, text) -> {
                String field = ImportSheet.fieldOf(text);
                if (!field.equals(ImportSheet.CODE) && !fields.containsKey(field)) {
                    headerValid = false;
                    rejections.add(Rejection.of(sheet.sheetName(), rowNumber, null, field,
                            "未知的列“" + text + "”", "Unknown column " + text));
                }
                columns.put(column, field);
            });
            if (!columns.containsValue(ImportSheet.CODE)) {
                headerValid = false;
                rejections.add(Rejection.of(sheet.sheetName(), rowNumber, null, ImportSheet.CODE,
                        "缺少“编码 code”列", "The sheet has no code column"));
            }
        }
    }

    /** The cell's text as the JSON the field's type takes. */
    private JsonNode value(RecordComponent field, String text) {
        Class<?> type = field.getType();
        String name = field.getName();
        if (type == String.class) {
            return mapper.getNodeFactory().textNode(text);
        }
        if (type == Integer.class) {
            try {
                return mapper.getNodeFactory().numberNode(Integer.parseInt(text));
            } catch (NumberFormatException e) {
                throw new UnreadableCell(name, "须为整数", "must be a whole number");
            }
        }
        if (type == Boolean.class) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "是", "true", "y", "yes", "1" -> mapper.getNodeFactory().booleanNode(true);
                case "否", "false", "n", "no", "0" -> mapper.getNodeFactory().booleanNode(false);
                default -> throw new UnreadableCell(name, "须为“是”或“否”", "must be 是 (yes) or 否 (no)");
            };
        }
        if (type == LocalDate.class) {
            try {
                return mapper.getNodeFactory().textNode(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text)
                        .toString());
            } catch (DateTimeParseException e) {
                throw new UnreadableCell(name, "日期须写作 2026-12-01", "a date is written 2026-12-01");
            }
        }
        if (type == Instant.class) {
            return mapper.getNodeFactory().textNode(instant(name, text).toString());
        }
        if (type.isEnum()) {
            return mapper.getNodeFactory().textNode(CHINESE_CONSTANTS.getOrDefault(text, text));
        }
        if (type == List.class && ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0] == String.class) {
            ArrayNode list = mapper.createArrayNode();
            for (String part : LIST_SEPARATORS.split(text)) {
                if (!part.isBlank()) {
                    list.add(part.strip());
                }
            }
            return list;
        }
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw new UnreadableCell(name, "须为有效的JSON", "must be valid JSON");
        }
    }

    private Instant instant(String field, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notUtc) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(text, LOCAL_DATE_TIME).atZone(zone).toInstant();
                } catch (DateTimeParseException e) {
                    throw new UnreadableCell(field, "时间须写作 2026-12-01 09:00（中心时区）或带时区的ISO-8601",
                            "a time is written 2026-12-01 09:00 (the center's zone) or ISO-8601 with an offset");
                }
            }
        }
    }

    private static final class UnreadableCell extends RuntimeException {
        final String field;
        final String zh;
        final String en;

        UnreadableCell(String field, String zh, String en) {
            super(null, null, false, false);
            this.field = field;
            this.zh = zh;
            this.en = en;
        }
    }
}
