package com.huiqi.enterprises.directory;

import com.huiqi.shared.enterprise.Lifecycle;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.rules.IndustryCodes;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What staff look enterprises up by, each optional and all of them together: words of the name
 * (Chinese segmentation, so 纳微 finds 苏州纳微科技有限公司), the start of the credit code, of the
 * region code (3205 is 苏州市 and everything in it) or of the industry code (C, C39), the size
 * class, a tag, the lifecycle status. Values are checked and put in canonical form here.
 */
public record DirectoryQuery(String name, String code, String region, String industry, String size, String tag,
                             Lifecycle.Status status) {

    static final List<String> SIZES = List.of("大型", "中型", "小型", "微型");

    /** Every enterprise, in name order. */
    public static final DirectoryQuery ALL = new DirectoryQuery(null, null, null, null, null, null, null);

    /** The query a request's parameters ask for; a malformed value is a 400 INVALID_FILTER naming it. */
    public static DirectoryQuery parse(Function<String, Optional<String>> parameter) {
        return new DirectoryQuery(
                parameter.apply("name").map(String::strip).map(v -> require(v, !v.isEmpty() && v.length() <= 100, "name",
                        "name 须为1至100个字符", "name must be 1 to 100 characters")).orElse(null),
                parameter.apply("code").map(v -> require(v, v.matches("[0-9A-HJ-NPQRTUWXY]{1,18}"), "code",
                        "code 须为统一社会信用代码或其前几位", "code must be a credit code or its first characters")).orElse(null),
                parameter.apply("region").map(v -> require(v, v.matches("\\d{2,6}"), "region",
                        "region 须为行政区划代码或其前几位（2至6位数字）",
                        "region must be an administrative division code or its first 2 to 6 digits")).orElse(null),
                parameter.apply("industry").map(DirectoryQuery::industry).orElse(null),
                parameter.apply("size").map(v -> require(v, SIZES.contains(v), "size",
                        "size 须为 大型、中型、小型 或 微型", "size must be 大型, 中型, 小型 or 微型")).orElse(null),
                parameter.apply("tag").map(String::strip).map(v -> require(v, !v.isEmpty() && v.length() <= 50, "tag",
                        "tag 须为1至50个字符", "tag must be 1 to 50 characters")).orElse(null),
                parameter.apply("status").map(DirectoryQuery::status).orElse(null));
    }

    private static String industry(String value) {
        IndustryCodes.Code code = IndustryCodes.parse(value);
        if (code == null) {
            throw invalid("industry", "industry 须为 GB/T 4754-2017 门类或代码，如 C 或 C39",
                    "industry must be a GB/T 4754-2017 section or code such as C or C39");
        }
        return IndustryCodes.canonical(code);
    }

    private static Lifecycle.Status status(String value) {
        try {
            return Lifecycle.Status.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw invalid("status", "status 须为 ACTIVE、MOVED_OUT 或 DEREGISTERED",
                    "status must be ACTIVE, MOVED_OUT or DEREGISTERED");
        }
    }

    private static String require(String value, boolean valid, String field, String zh, String en) {
        if (!valid) {
            throw invalid(field, zh, en);
        }
        return value;
    }

    private static ApiException invalid(String field, String zh, String en) {
        return ApiException.badRequest("INVALID_FILTER", zh, en, field);
    }
}
