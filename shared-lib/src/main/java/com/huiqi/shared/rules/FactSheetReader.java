package com.huiqi.shared.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.shared.error.ApiException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a sample fact sheet written as JSON: attribute name (from the {@link AttributeCatalog}) to
 * value, in the same conventions as the rule language, so a fact reads the way a rule compares it:
 *
 * <pre>{@code
 * {"establishedOn": "2019-03-12", "employees": 120, "tags": ["电子信息"], "seriousViolation": false,
 *  "revenue": {"2022": "3800万元", "2023": "4200万元", "2024": "4600万元"}, "insuredEmployees": {"2024": 95}}
 * }</pre>
 *
 * <p>Money always carries its unit (元, 万元 or 亿元) as in rules, so "4600" cannot be read as 元 by one
 * author and 万元 by another; a per-year attribute is an object of fiscal years to figures. A
 * {@code null} value, like an absent attribute or year, means "not known": the conditions that need
 * it come out unknown. Anything else that does not fit is a 422 {@code INVALID_FACTS} whose
 * {@code field} is the path of the offending value, such as {@code revenue.2024}.
 */
public final class FactSheetReader {

    public static final String CODE = "INVALID_FACTS";
    /** Fiscal years a sample may give: wide enough for any enterprise's history and plans. */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2100;

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final int MAX_TEXT = 200;
    private static final int MAX_SET = 100;

    private final AttributeCatalog catalog;

    public FactSheetReader(AttributeCatalog catalog) {
        this.catalog = catalog;
    }

    public FactSheet read(JsonNode facts) {
        if (facts == null || !facts.isObject()) {
            throw invalid(null, "企业数据须为 JSON 对象：属性名到取值", "The facts must be a JSON object of attribute names to values");
        }
        FactSheet.Builder sheet = FactSheet.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = facts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> fact = it.next();
            String name = fact.getKey();
            Attribute a = catalog.find(name).orElseThrow(() -> invalid(name,
                    "未知的企业属性 “" + name + "”，请使用属性目录中的名称，如 revenue、employees、registeredRegion",
                    "Unknown attribute '" + name + "'; use a name from the attribute catalogue such as revenue, employees, registeredRegion"));
            JsonNode value = fact.getValue();
            if (value.isNull()) {
                continue;
            }
            if (a.series()) {
                series(sheet, a, value);
            } else {
                sheet.value(name, scalar(a, value, name));
            }
        }
        return sheet.build();
    }

    private void series(FactSheet.Builder sheet, Attribute a, JsonNode value) {
        if (!value.isObject()) {
            throw invalid(a.name(), a.labelZh() + "按会计年度填写，如 {\"2024\": " + example(a) + "}",
                    capital(a.labelEn()) + " is given per fiscal year, such as {\"2024\": " + example(a) + "}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = a.name() + "." + entry.getKey();
            if (!YEAR.matcher(entry.getKey()).matches() || Integer.parseInt(entry.getKey()) < FIRST_YEAR
                    || Integer.parseInt(entry.getKey()) > LAST_YEAR) {
                throw invalid(path, "会计年度须为" + FIRST_YEAR + "至" + LAST_YEAR + "的四位年份，不是 “" + entry.getKey() + "”",
                        "A fiscal year is a four-digit year from " + FIRST_YEAR + " to " + LAST_YEAR + ", not '" + entry.getKey() + "'");
            }
            if (!entry.getValue().isNull()) {
                sheet.year(a.name(), Integer.parseInt(entry.getKey()), figure(a, entry.getValue(), path));
            }
        }
    }

    /** A number or an amount of money, in yuan. */
    private BigDecimal figure(Attribute a, JsonNode node, String path) {
        if (a.type().valueType() == ValueType.MONEY) {
            Literal.Money money = node.isTextual() ? Literal.Money.parse(node.textValue()).orElse(null) : null;
            if (money == null) {
                throw invalid(path, a.labelZh() + "须为带单位的金额，如 \"4600万元\"、\"3.5亿元\"、\"120000元\"",
                        capital(a.labelEn()) + " is an amount with its unit, such as \"4600万元\", \"3.5亿元\" or \"120000元\"");
            }
            return Decimals.normalize(money.yuan());
        }
        if (!node.isNumber()) {
            throw invalid(path, a.labelZh() + "须为数值" + (a.unit() == null ? "" : "（单位：" + a.unit() + "）"),
                    capital(a.labelEn()) + " must be a number");
        }
        return Decimals.normalize(node.decimalValue());
    }

    private Object scalar(Attribute a, JsonNode node, String path) {
        return switch (a.type()) {
            case NUMBER, MONEY -> figure(a, node, path);
            case DATE -> date(a, node, path);
            case TEXT -> text(a, node, path);
            case TEXT_SET -> Set.copyOf(texts(a, node, path));
            case REGION_CODE -> {
                if (!node.isTextual() || !RegionCodes.valid(node.textValue())) {
                    throw invalid(path, a.labelZh() + "须为6位行政区划代码（GB/T 2260），如 \"320571\"",
                            capital(a.labelEn()) + " is a 6-digit GB/T 2260 division code such as \"320571\"");
                }
                yield node.textValue();
            }
            case INDUSTRY_CODE -> {
                IndustryCodes.Code code = node.isTextual() ? IndustryCodes.parse(node.textValue()) : null;
                if (code == null) {
                    throw invalid(path, a.labelZh() + "须为国民经济行业分类代码（GB/T 4754-2017），如 \"I6513\" 或 \"C39\"",
                            capital(a.labelEn()) + " is a GB/T 4754-2017 industry code such as \"I6513\" or \"C39\"");
                }
                yield IndustryCodes.canonical(code);
            }
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    throw invalid(path, a.labelZh() + "须为 true（是）或 false（否）", capital(a.labelEn()) + " is true or false");
                }
                yield node.booleanValue();
            }
            case NUMBER_SERIES, MONEY_SERIES -> throw new IllegalStateException("series are read per year: " + a.name());
        };
    }

    private static LocalDate date(Attribute a, JsonNode node, String path) {
        if (node.isTextual() && DATE.matcher(node.textValue()).matches()) {
            try {
                return LocalDate.parse(node.textValue());
            } catch (DateTimeParseException e) {
                throw invalid(path, "不存在的日期：" + node.textValue(), "No such date: " + node.textValue());
            }
        }
        throw invalid(path, a.labelZh() + "须为日期，如 \"2019-03-12\"", capital(a.labelEn()) + " is a date such as \"2019-03-12\"");
    }

    private static String text(Attribute a, JsonNode node, String path) {
        if (!node.isTextual() || node.textValue().isBlank() || node.textValue().length() > MAX_TEXT) {
            throw invalid(path, a.labelZh() + "须为1至" + MAX_TEXT + "字的文本", capital(a.labelEn()) + " is a text of 1 to " + MAX_TEXT + " characters");
        }
        if (!a.allowedValues().isEmpty() && !a.allowedValues().contains(node.textValue())) {
            throw invalid(path, a.labelZh() + "只能为：" + String.join("、", a.allowedValues()),
                    capital(a.labelEn()) + " is one of: " + String.join(", ", a.allowedValues()));
        }
        return node.textValue();
    }

    private static List<String> texts(Attribute a, JsonNode node, String path) {
        if (!node.isArray() || node.size() > MAX_SET) {
            throw invalid(path, a.labelZh() + "须为至多" + MAX_SET + "项文本的数组，如 [\"电子信息\"]",
                    capital(a.labelEn()) + " is an array of at most " + MAX_SET + " texts, such as [\"电子信息\"]");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            values.add(text(a, node.get(i), path + "[" + i + "]"));
        }
        return values;
    }

    private static String example(Attribute a) {
        return a.type().valueType() == ValueType.MONEY ? "\"4600万元\"" : "95";
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static ApiException invalid(String field, String zh, String en) {
        return new ApiException(422, CODE, zh, en, field);
    }
}
