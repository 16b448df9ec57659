package com.huiqi.publish.compilation;

import com.huiqi.publish.model.BusinessVariety.VarietyType;
import com.huiqi.publish.model.Level;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.http.ApiRequest;
import com.huiqi.shared.validation.Fields;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a caller asks of {@code GET /catalogue/compilation}: the format, an optional title, and the
 * filters. A parameter name the route does not know is refused rather than ignored, so a
 * misspelt filter never silently yields the whole catalogue.
 *
 * @param title absent for the default, the center's name followed by 政策汇编
 */
public record CompilationRequest(CompilationFormat format, String title, CompilationFilter filter) {

    static final Set<String> PARAMETERS = Set.of("format", "title", "level", "region", "theme", "domain", "businessType");
    private static final Pattern REGION = Pattern.compile("[1-9]\\d{5}");
    /** As long as a product's theme or domain may be. */
    private static final int MAX_LABEL = 32;

    public static CompilationRequest from(ApiRequest r) {
        for (String name : new TreeSet<>(r.queryNames())) {
            if (!PARAMETERS.contains(name)) {
                throw ApiException.badRequest("UNKNOWN_PARAMETER", "不支持的查询参数：" + name,
                        "Unknown query parameter: " + name, name);
            }
        }
        CompilationFormat format = CompilationFormat.of(r.query("format").orElse(null));
        String title = r.query("title").map(t -> Fields.text("title", t, 2, 100)).orElse(null);
        Level level = r.query("level").map(v -> constant(Level.class, "level", v)).orElse(null);
        VarietyType type = r.query("businessType").map(v -> constant(VarietyType.class, "businessType", v)).orElse(null);
        String region = r.query("region").map(v -> {
            if (!REGION.matcher(v).matches()) {
                throw invalid("region", v, "须为6位行政区划代码（GB/T 2260）", "must be a 6-digit GB/T 2260 code");
            }
            return v;
        }).orElse(null);
        return new CompilationRequest(format, title,
                new CompilationFilter(level, region, label("theme", r), label("domain", r), type));
    }

    private static String label(String name, ApiRequest r) {
        return r.query(name).map(String::strip).map(v -> {
            if (v.length() > MAX_LABEL) {
                throw invalid(name, v, "最长" + MAX_LABEL + "个字符", "is at most " + MAX_LABEL + " characters");
            }
            return v;
        }).orElse(null);
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name, String raw) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(raw)).findFirst()
                .orElseThrow(() -> invalid(name, raw, "取值须为 " + names(type, "、"), "must be one of " + names(type, ", ")));
    }

    private static String names(Class<? extends Enum<?>> type, String separator) {
        return String.join(separator, Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    private static ApiException invalid(String name, String raw, String zh, String en) {
        return ApiException.badRequest("INVALID_FILTER", name + " 取值无效：" + raw + "，" + zh,
                "Invalid " + name + ": " + raw + "; " + en, name);
    }
}
