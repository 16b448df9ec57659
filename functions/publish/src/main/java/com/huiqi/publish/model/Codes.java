package com.huiqi.publish.model;

import com.huiqi.shared.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Catalogue codes (业务品种代码, 业务事项代码, 政策产品代码 …): stable, human-readable, upper-case
 * letters, digits and hyphens, such as {@code S00000000004}, {@code BZ000000000080}, {@code P3205IP00145}.
 */
public final class Codes {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9-]{2,31}");

    private Codes() {
    }

    public static String check(String field, String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ApiException.validation(field, "编码须为3至32位大写字母、数字或连字符，以字母开头",
                    "A code is 3 to 32 upper-case letters, digits or hyphens, starting with a letter");
        }
        return code;
    }

    public static boolean valid(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    static List<String> list(String field, List<String> codes) {
        if (codes == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String c = check(field + "[" + i + "]", codes.get(i));
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }
}
