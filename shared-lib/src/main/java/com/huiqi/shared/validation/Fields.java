package com.huiqi.shared.validation;

import com.huiqi.shared.error.ApiException;
import java.util.regex.Pattern;

/** Field checks for request records; each failure is a 422 naming the field, in Chinese and English. */
public final class Fields {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-\\d{7,8}");
    private static final Pattern REGION = Pattern.compile("\\d{6}");

    private Fields() {
    }

    public static String text(String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.validation(field, "“" + field + "”不能为空", field + " is required");
        }
        String v = value.strip();
        if (v.length() < min || v.length() > max) {
            throw ApiException.validation(field, "“" + field + "”长度须在" + min + "至" + max + "个字符之间",
                    field + " must be " + min + " to " + max + " characters");
        }
        return v;
    }

    public static String optionalText(String field, String value, int max) {
        return value == null || value.isBlank() ? null : text(field, value, 1, max);
    }

    public static String username(String value) {
        if (value == null || !USERNAME.matcher(value).matches()) {
            throw ApiException.validation("username", "用户名须为3至64位小写字母、数字、点、下划线或连字符",
                    "Username must be 3 to 64 lower-case letters, digits, dots, underscores or hyphens");
        }
        return value;
    }

    public static String email(String field, String value) {
        if (value == null || value.length() > 254 || !EMAIL.matcher(value).matches()) {
            throw ApiException.validation(field, "电子邮箱格式不正确", "Invalid e-mail address");
        }
        return value;
    }

    public static String optionalPhone(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!PHONE.matcher(value).matches()) {
            throw ApiException.validation(field, "手机号须为带国家码的格式，如 +8613800000000",
                    "Phone must be in E.164 form, such as +8613800000000");
        }
        return value;
    }

    /** A contact number: mobile in E.164 or a Chinese landline such as 0512-66681234. */
    public static String optionalContactPhone(String field, String value) {
        if (value != null && LANDLINE.matcher(value).matches()) {
            return value;
        }
        return optionalPhone(field, value);
    }

    public static String regionCode(String field, String value) {
        if (value == null || !REGION.matcher(value).matches()) {
            throw ApiException.validation(field, "行政区划代码须为6位数字（GB/T 2260）",
                    "Region code must be the 6-digit GB/T 2260 administrative division code");
        }
        return value;
    }

    /** A list of short texts: each stripped and checked, duplicates removed, order kept. */
    public static java.util.List<String> texts(String field, java.util.List<String> values, int maxItems, int maxLength) {
        if (values == null) {
            return java.util.List.of();
        }
        if (values.size() > maxItems) {
            throw ApiException.validation(field, "“" + field + "”最多" + maxItems + "项", field + " takes at most " + maxItems + " items");
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String v = text(field + "[" + i + "]", values.get(i), 1, maxLength);
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return java.util.List.copyOf(out);
    }

    public static java.util.List<String> regionCodes(String field, java.util.List<String> values) {
        java.util.List<String> codes = texts(field, values, 200, 6);
        for (int i = 0; i < codes.size(); i++) {
            regionCode(field + "[" + i + "]", codes.get(i));
        }
        return codes;
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw ApiException.validation(field, "“" + field + "”不能为空", field + " is required");
        }
        return value;
    }
}
