package com.huiqi.shared.enterprise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.json.JsonInput;
import com.huiqi.shared.rules.IndustryCodes;
import com.huiqi.shared.rules.RegionCodes;
import com.huiqi.shared.validation.Fields;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a client's value for a file field and returns it in canonical form. Messages never echo
 * the value, since it may be personal data.
 */
public final class FieldValues {

    private static final Pattern MONEY = Pattern.compile("-?\\d{1,15}(\\.\\d{1,2})?");
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dX]");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final int MAX_RECORDS = 100;
    /** Bounded so that a file's tags fit the directory entries of one transaction. */
    private static final int MAX_SET = 20;

    private FieldValues() {
    }

    public static JsonNode normalize(FileField def, String path, JsonNode raw, ObjectMapper mapper) {
        if (raw == null || raw.isNull()) {
            throw ApiException.validation(path, "“" + path + "”不能为空", path + " is required");
        }
        return switch (def.type()) {
            case TEXT -> TextNode.valueOf(Fields.text(path, string(path, raw), 1, def.maxLength()));
            case CODE -> TextNode.valueOf(code(def, path, string(path, raw)));
            case COUNT -> IntNode.valueOf(count(path, raw));
            case MONEY -> TextNode.valueOf(money(path, moneyText(path, raw), false).toPlainString());
            case SIGNED_MONEY -> TextNode.valueOf(money(path, moneyText(path, raw), true).toPlainString());
            case DATE -> TextNode.valueOf(pastDate(path, string(path, raw)).toString());
            case REGION_CODE -> TextNode.valueOf(region(path, string(path, raw)));
            case INDUSTRY_CODE -> TextNode.valueOf(industry(path, string(path, raw)));
            case BOOLEAN -> {
                if (!raw.isBoolean()) {
                    throw ApiException.validation(path, "“" + path + "”须为 true 或 false", path + " must be true or false");
                }
                yield BooleanNode.valueOf(raw.booleanValue());
            }
            case TEXT_SET -> textSet(def, path, raw);
            case RECORDS -> records(def, path, raw, mapper);
            case ID_NUMBER -> TextNode.valueOf(idNumber(path, string(path, raw)));
            case PHONE -> TextNode.valueOf(Fields.required(path, Fields.optionalContactPhone(path, string(path, raw))));
        };
    }

    /** Yuan with at most two decimals, as BigDecimal with scale 2. */
    public static BigDecimal money(String path, String text, boolean signed) {
        if (text == null || !MONEY.matcher(text).matches() || (!signed && text.startsWith("-"))) {
            throw ApiException.validation(path, "金额须为以元为单位、最多两位小数的数字字符串，如 \"35000000.00\""
                            + (signed ? "" : "，且不能为负"),
                    "Amounts are yuan as a decimal string with at most two decimals, such as \"35000000.00\""
                            + (signed ? "" : ", not negative"));
        }
        return new BigDecimal(text).setScale(2);
    }

    /** GB 11643-1999 citizen identity number: 17 digits and a check character (mod 11). */
    static String idNumber(String path, String text) {
        String v = text.strip().toUpperCase();
        if (!ID_NUMBER.matcher(v).matches()) {
            throw ApiException.validation(path, "身份证号码须为18位（前17位数字，末位为数字或X）",
                    "An identity card number has 18 characters: 17 digits and a digit or X");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (v.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        if (v.charAt(17) != ID_CHECK.charAt(sum % 11)) {
            throw ApiException.validation(path, "身份证号码校验位（第18位）不符，请核对",
                    "The identity card number's check character (position 18) does not match");
        }
        return v;
    }

    static String region(String path, String code) {
        if (!RegionCodes.valid(code)) {
            throw ApiException.validation(path, "行政区划代码须为6位数字（GB/T 2260）",
                    "Region code must be the 6-digit GB/T 2260 administrative division code");
        }
        return code;
    }

    static String industry(String path, String code) {
        IndustryCodes.Code parsed = IndustryCodes.parse(code);
        if (parsed == null) {
            throw ApiException.validation(path, "行业代码须为 GB/T 4754-2017 代码，如 C3911 或 3911",
                    "Industry must be a GB/T 4754-2017 code such as C3911 or 3911");
        }
        return IndustryCodes.canonical(parsed);
    }

    private static String string(String path, JsonNode raw) {
        if (!raw.isTextual()) {
            throw ApiException.validation(path, "“" + path + "”须为字符串", path + " must be a string");
        }
        return raw.textValue();
    }

    /** Money as a string; an integral JSON number is accepted too, a float never (it is already inexact). */
    private static String moneyText(String path, JsonNode raw) {
        if (raw.isIntegralNumber()) {
            return raw.bigIntegerValue().toString();
        }
        return string(path, raw);
    }

    private static int count(String path, JsonNode raw) {
        if (!raw.isIntegralNumber() || !raw.canConvertToInt() || raw.intValue() < 0) {
            throw ApiException.validation(path, "“" + path + "”须为不小于0的整数", path + " must be a whole number, not negative");
        }
        return raw.intValue();
    }

    private static LocalDate pastDate(String path, String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(path, "日期须为 YYYY-MM-DD 格式", "Dates must be YYYY-MM-DD");
        }
        if (date.isAfter(LocalDate.now()) || date.getYear() < 1900) {
            throw ApiException.validation(path, "日期不能晚于今天", "The date cannot be in the future");
        }
        return date;
    }

    private static String code(FileField def, String path, String value) {
        if (!def.vocabulary().contains(value)) {
            throw ApiException.validation(path, "“" + path + "”须为以下之一：" + String.join("、", def.vocabulary()),
                    path + " must be one of " + String.join(", ", def.vocabulary()));
        }
        return value;
    }

    private static JsonNode textSet(FileField def, String path, JsonNode raw) {
        if (!raw.isArray() || raw.size() > MAX_SET) {
            throw ApiException.validation(path, "“" + path + "”须为最多" + MAX_SET + "项的字符串数组",
                    path + " must be an array of at most " + MAX_SET + " strings");
        }
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String item = Fields.text(path + "[" + i + "]", string(path + "[" + i + "]", raw.get(i)), 1, def.maxLength());
            if (!def.vocabulary().isEmpty()) {
                code(def, path + "[" + i + "]", item);
            }
            values.add(item);
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        values.stream().sorted().forEach(out::add);
        return out;
    }

    private static JsonNode records(FileField def, String path, JsonNode raw, ObjectMapper mapper) {
        if (!raw.isArray() || raw.size() > MAX_RECORDS) {
            throw ApiException.validation(path, "“" + path + "”须为最多" + MAX_RECORDS + "项的数组",
                    path + " must be an array of at most " + MAX_RECORDS + " entries");
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < raw.size(); i++) {
            String at = path + "[" + i + "]";
            FileRecords.Entry entry = JsonInput.convert(mapper, raw.get(i), def.recordType(), at).normalized(at);
            out.add(mapper.valueToTree(entry));
        }
        return out;
    }
}
