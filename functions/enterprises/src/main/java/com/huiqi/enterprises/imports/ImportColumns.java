package com.huiqi.enterprises.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.huiqi.shared.enterprise.FactChange;
import com.huiqi.shared.enterprise.FactChanges;
import com.huiqi.shared.enterprise.FileField;
import com.huiqi.shared.enterprise.FileFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of an import file, from its header row: {@code creditCode}, and figures of the file by
 * their field names, per-year figures as {@code field@year} (e.g. {@code revenue@2025}). A header
 * cell may carry a Chinese label before its name ({@code 营业收入 revenue@2025}): only the text after
 * the last space counts. Turns each row's cells into the figures to record.
 */
final class ImportColumns {

    static final String CREDIT_CODE = "creditCode";
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[；;、，,\\n]");
    private static final Pattern FIGURE_INDEX = Pattern.compile("^facts\\[(\\d+)](.*)$");

    /** One figure column; {@code year} for per-year fields. */
    record Column(int index, String name, FileField field, Integer year) {
    }

    private final int creditCodeIndex;
    private final List<Column> figures;

    private ImportColumns(int creditCodeIndex, List<Column> figures) {
        this.creditCodeIndex = creditCodeIndex;
        this.figures = figures;
    }

    /** The columns, or every problem of the header (then no row is read). */
    static ImportColumns of(List<String> header, List<RowRejection> problems) {
        int code = -1;
        List<Column> figures = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String text = header.get(i);
            if (text.isEmpty()) {
                continue;
            }
            String name = text.substring(text.lastIndexOf(' ') + 1);
            if (!seen.add(name)) {
                problems.add(RowRejection.header(name, "列“" + name + "”出现了两次", "Column " + name + " appears twice"));
                continue;
            }
            if (name.equals(CREDIT_CODE)) {
                code = i;
                continue;
            }
            int at = name.indexOf('@');
            var field = FileFields.find(at < 0 ? name : name.substring(0, at));
            if (field.isEmpty()) {
                problems.add(RowRejection.header(name, "未知的列“" + text + "”", "Unknown column " + text));
                continue;
            }
            Integer year = null;
            if (field.get().perYear()) {
                try {
                    year = at < 0 ? null : Integer.valueOf(name.substring(at + 1));
                } catch (NumberFormatException e) {
                    year = null;
                }
                if (year == null) {
                    problems.add(RowRejection.header(name, "“" + field.get().labelZh() + "”按年度记录，列名须写作 "
                            + field.get().name() + "@年度，如 " + field.get().name() + "@2025",
                            field.get().labelEn() + " is kept per year: name the column " + field.get().name() + "@<year>"));
                    continue;
                }
            } else if (at >= 0) {
                problems.add(RowRejection.header(name, "“" + field.get().labelZh() + "”不分年度，列名不能带 @年度",
                        field.get().labelEn() + " is not kept per year; the column takes no @year"));
                continue;
            }
            figures.add(new Column(i, name, field.get(), year));
        }
        if (code < 0) {
            problems.add(RowRejection.header(CREDIT_CODE, "缺少“creditCode”（统一社会信用代码）列", "The file has no creditCode column"));
        }
        if (figures.isEmpty()) {
            problems.add(RowRejection.header(null, "文件中没有数据项列", "The file has no figure columns"));
        }
        if (figures.size() > FactChanges.MAX_CHANGES) {
            problems.add(RowRejection.header(null, "一个文件最多" + FactChanges.MAX_CHANGES + "列数据项（不含 creditCode），请分成几个文件导入",
                    "At most " + FactChanges.MAX_CHANGES + " figure columns per file (besides creditCode); split the file"));
        }
        return new ImportColumns(code, figures);
    }

    /** A row as read: its credit code as written, and its figures; {@code columns} names each figure's column. */
    record Row(int number, String creditCode, List<FactChange> facts, List<String> columns) {
        /** The column an error of {@code FactChanges} ({@code facts[3].value}) is about. */
        String columnOf(String field) {
            if (field == null) {
                return null;
            }
            Matcher m = FIGURE_INDEX.matcher(field);
            if (m.matches()) {
                int i = Integer.parseInt(m.group(1));
                return i < columns.size() ? columns.get(i) + m.group(2).replaceFirst("^\\.(value|year)$", "") : field;
            }
            return field;
        }
    }

    /** The row's figures; an empty cell records nothing. */
    Row parse(int number, List<String> cells, ObjectMapper mapper) throws RowRejection.Refused {
        String code = creditCodeIndex < cells.size() ? cells.get(creditCodeIndex) : "";
        List<FactChange> facts = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).isEmpty() && i != creditCodeIndex && column(i) == null) {
                throw new RowRejection.Refused(number, code, "第" + (i + 1) + "列", "VALIDATION_FAILED",
                        "第" + (i + 1) + "列没有列名", "Column " + (i + 1) + " has no header");
            }
        }
        for (Column c : figures) {
            String text = c.index() < cells.size() ? cells.get(c.index()) : "";
            if (!text.isEmpty()) {
                facts.add(new FactChange(c.field().name(), c.year(), value(number, code, c, text, mapper)));
                columns.add(c.name());
            }
        }
        return new Row(number, code, facts, columns);
    }

    private Column column(int index) {
        for (Column c : figures) {
            if (c.index() == index) {
                return c;
            }
        }
        return null;
    }

    /** The cell as the JSON value the API takes for the field; FieldValues then checks it as for any recording. */
    private static JsonNode value(int number, String code, Column c, String text, ObjectMapper mapper)
            throws RowRejection.Refused {
        var nodes = mapper.getNodeFactory();
        switch (c.field().type()) {
            case COUNT -> {
                try {
                    return nodes.numberNode(Integer.parseInt(text));
                } catch (NumberFormatException e) {
                    throw new RowRejection.Refused(number, code, c.name(), "VALIDATION_FAILED",
                            "“" + c.field().labelZh() + "”须为不小于0的整数", c.field().labelEn() + " must be a whole number");
                }
            }
            case BOOLEAN -> {
                return switch (text.toLowerCase(Locale.ROOT)) {
                    case "是", "true", "y", "yes", "1" -> nodes.booleanNode(true);
                    case "否", "false", "n", "no", "0" -> nodes.booleanNode(false);
                    default -> throw new RowRejection.Refused(number, code, c.name(), "VALIDATION_FAILED",
                            "“" + c.field().labelZh() + "”须为“是”或“否”", c.field().labelEn() + " must be 是 (yes) or 否 (no)");
                };
            }
            case TEXT_SET -> {
                ArrayNode list = mapper.createArrayNode();
                for (String part : LIST_SEPARATORS.split(text)) {
                    if (!part.isBlank()) {
                        list.add(part.strip());
                    }
                }
                return list;
            }
            case RECORDS -> {
                try {
                    return mapper.readTree(text);
                } catch (IOException e) {
                    throw new RowRejection.Refused(number, code, c.name(), "VALIDATION_FAILED",
                            "“" + c.field().labelZh() + "”须为 JSON 数组", c.field().labelEn() + " must be a JSON array");
                }
            }
            default -> {
                return nodes.textNode(text);
            }
        }
    }
}
