package com.huiqi.search.query;

import com.huiqi.search.index.Projection;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.http.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads and checks the query parameters of {@code GET /search}. Several values of one filter are
 * separated by commas (API Gateway joins repeated parameters the same way) and any of them
 * matches; different filters must all match. Any parameter not listed here is refused, so a typo
 * in a filter name is a 400 rather than a silently unfiltered result.
 */
public final class SearchParameters {

    public static final int DEFAULT_CLOSING_WITHIN = 5;
    static final int MAX_VALUES = 20;
    static final int MAX_VALUE_LENGTH = 32;

    private static final Set<String> LEVELS = Set.of("NATIONAL", "PROVINCIAL", "MUNICIPAL", "DISTRICT");
    private static final Set<String> BUSINESS_TYPES = Set.of("RECOGNITION", "PROJECT", "FUNDING", "OTHER");
    private static final Set<String> STATUSES = Set.of("PUBLISHED", "EXPIRED");
    private static final Pattern REGION = Pattern.compile("[1-9]\\d{5}");
    private static final List<String> FREE_TEXT = List.of("domain", "theme", "supportMethod", "industry");
    private static final Set<String> KNOWN = Set.of("q", "kind", "level", "region", "domain", "theme", "supportMethod",
            "industry", "businessType", "status", "applicationState", "closingWithin", "sort", "limit", "cursor");
    /** What a saved search may keep: what an entry is about, not how a page of results is cut. */
    static final Set<String> SAVED = Set.of("q", "kind", "level", "region", "domain", "theme", "supportMethod",
            "industry", "businessType");

    /** The nation (全国) in GB/T 2260: applies in every region. */
    static final String NATION = "100000";

    private SearchParameters() {
    }

    /** What the request asks, before the instant and the closing-soon bound are known. */
    public record Parsed(String text, Map<String, Set<String>> filters, Set<ApplicationState> states, SortOrder sort,
                         int limit, String cursor, int closingWithin) {

        /** The tenant and everything but the cursor and page size: pages of one query share it. */
        public String fingerprint(String tenant) {
            Map<String, Object> canonical = new TreeMap<>();
            canonical.put("tenant", tenant);
            canonical.put("q", text == null ? "" : text);
            filters.forEach((k, v) -> canonical.put("f." + k, new java.util.TreeSet<>(v)));
            canonical.put("states", new java.util.TreeSet<>(states));
            canonical.put("sort", sort);
            canonical.put("closingWithin", closingWithin);
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(hash, 0, 12);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        public SearchQuery toQuery(String fingerprint, SearchCursor after, Instant asOf, Instant closingSoonBy) {
            return new SearchQuery(text, filters, states, sort, limit, after, asOf, closingSoonBy, closingWithin,
                    fingerprint);
        }
    }

    /** Where the parameters come from: a request's query string, or the query a saved search keeps. */
    private record Source(Set<String> names, Function<String, Optional<String>> values) {

        Optional<String> raw(String name) {
            return values.apply(name);
        }
    }

    public static Parsed parse(ApiRequest r) {
        return parse(KNOWN, new Source(r.queryNames(), r::rawQuery), r.pageSize(), r.rawQuery("cursor").orElse(null));
    }

    /**
     * The query of a saved search (订阅): the parameters of {@code GET /search} that say what an
     * entry is about, checked exactly as a search checks them. What a search adds to them (status,
     * application state, sort, paging) means nothing for news of a publication and is refused.
     * Errors name the field as {@code query.<parameter>}.
     */
    public static Parsed parseSaved(Map<String, String> query) {
        try {
            Parsed parsed = parse(SAVED, new Source(query.keySet(), name -> Optional.ofNullable(query.get(name))),
                    1, null);
            if (parsed.text() == null && parsed.filters().keySet().equals(Set.of("status"))) {
                throw ApiException.badRequest("EMPTY_SAVED_SEARCH", "订阅须有查询词或至少一个筛选条件",
                        "A saved search needs keywords or at least one filter", "query");
            }
            return parsed;
        } catch (ApiException e) {
            if (e.field() == null || e.field().equals("query")) {
                throw e;
            }
            throw ApiException.badRequest(e.code(), e.messageZh(), e.messageEn(), "query." + e.field());
        }
    }

    private static Parsed parse(Set<String> known, Source r, int pageSize, String cursor) {
        for (String name : r.names()) {
            if (!known.contains(name)) {
                throw ApiException.badRequest("UNKNOWN_PARAMETER", "不支持的查询参数：" + name,
                        "Unknown query parameter: " + name, name);
            }
        }
        String text = r.raw("q").map(SearchParameters::text).orElse(null);
        Map<String, Set<String>> filters = new LinkedHashMap<>();
        values(r, "kind").ifPresent(v -> filters.put("kind", oneOf("kind", v, Set.copyOf(Projection.SEARCHABLE))));
        values(r, "level").ifPresent(v -> filters.put("level", oneOf("level", upper(v), LEVELS)));
        values(r, "region").ifPresent(v -> filters.put("region", regions(v)));
        for (String name : FREE_TEXT) {
            values(r, name).ifPresent(v -> filters.put(name, freeText(name, v)));
        }
        values(r, "businessType").ifPresent(v -> filters.put("businessType", oneOf("businessType", upper(v), BUSINESS_TYPES)));
        filters.put("status", values(r, "status").map(v -> oneOf("status", upper(v), STATUSES)).orElse(Set.of("PUBLISHED")));
        Set<ApplicationState> states = new LinkedHashSet<>();
        values(r, "applicationState").ifPresent(v -> {
            for (String s : upper(v)) {
                states.add(enumValue("applicationState", ApplicationState.class, s));
            }
        });
        SortOrder sort = r.raw("sort").map(s -> enumValue("sort", SortOrder.class, s.strip().toUpperCase(Locale.ROOT)))
                .orElse(SortOrder.RELEVANCE);
        int closingWithin = r.raw("closingWithin").map(SearchParameters::closingWithin).orElse(DEFAULT_CLOSING_WITHIN);
        return new Parsed(text, filters, states, sort, pageSize, cursor, closingWithin);
    }

    private static String text(String raw) {
        if (raw.length() > QueryText.MAX_LENGTH) {
            throw ApiException.badRequest("QUERY_TOO_LONG", "查询词不能超过" + QueryText.MAX_LENGTH + "个字符",
                    "The query is longer than " + QueryText.MAX_LENGTH + " characters", "q");
        }
        String text = raw.strip();
        if (text.isEmpty()) {
            throw ApiException.badRequest("EMPTY_QUERY", "查询词不能为空；不填 q 可浏览全部政策",
                    "The query is empty; leave q out to browse every policy", "q");
        }
        return text;
    }

    /**
     * An enterprise in a district sees its own district's policies and those of its city, its
     * province and the nation: 320571 (苏州工业园区) also matches 320500, 320000 and 100000.
     */
    static Set<String> regions(List<String> codes) {
        Set<String> all = new LinkedHashSet<>();
        for (String code : codes) {
            if (!REGION.matcher(code).matches()) {
                throw ApiException.badRequest("INVALID_FILTER", "地区须为6位行政区划代码：" + code,
                        "region must be a 6-digit GB/T 2260 code: " + code, "region");
            }
            all.add(code);
            all.add(code.substring(0, 4) + "00");
            all.add(code.substring(0, 2) + "0000");
            all.add(NATION);
        }
        return all;
    }

    private static Optional<List<String>> values(Source r, String name) {
        return r.raw(name).map(raw -> {
            List<String> values = Arrays.stream(raw.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
            if (values.isEmpty() || values.size() > MAX_VALUES) {
                throw ApiException.badRequest("INVALID_FILTER", name + " 须有1至" + MAX_VALUES + "个取值",
                        name + " takes 1 to " + MAX_VALUES + " values", name);
            }
            return values;
        });
    }

    private static Set<String> freeText(String name, List<String> values) {
        for (String v : values) {
            if (v.length() > MAX_VALUE_LENGTH) {
                throw ApiException.badRequest("INVALID_FILTER", name + " 的取值过长", name + " value too long", name);
            }
        }
        return new LinkedHashSet<>(values);
    }

    private static Set<String> oneOf(String name, List<String> values, Set<String> allowed) {
        for (String v : values) {
            if (!allowed.contains(v)) {
                throw ApiException.badRequest("INVALID_FILTER", name + " 取值无效：" + v + "（可选 " + String.join("、", new java.util.TreeSet<>(allowed)) + "）",
                        "Invalid " + name + ": " + v + " (one of " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")", name);
            }
        }
        return new LinkedHashSet<>(values);
    }

    private static List<String> upper(List<String> values) {
        return values.stream().map(v -> v.toUpperCase(Locale.ROOT)).toList();
    }

    private static <E extends Enum<E>> E enumValue(String name, Class<E> type, String raw) {
        try {
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_FILTER", name + " 取值无效：" + raw,
                    "Invalid " + name + ": " + raw, name);
        }
    }

    private static int closingWithin(String raw) {
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= 1 && n <= 30) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // the error below
        }
        throw ApiException.badRequest("INVALID_FILTER", "closingWithin 须为1至30的整数（工作日）",
                "closingWithin must be an integer from 1 to 30 (working days)", "closingWithin");
    }
}
