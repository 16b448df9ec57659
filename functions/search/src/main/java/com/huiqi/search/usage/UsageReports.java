package com.huiqi.search.usage;

import com.huiqi.search.catalogue.CatalogueReader;
import com.huiqi.search.catalogue.EntryPath;
import com.huiqi.search.usage.UsageCounters.Figures;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.http.ApiRequest;
import com.huiqi.shared.storage.Page;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.usage.UsageEvent;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/**
 * The usage figures for a center's staff and auditors (the evaluation's policy red-black list,
 * Qingdao 政策红黑榜): a month's entries ranked by views, search hits or saves, and one entry's
 * days over a bounded range. Figures trail the events by the stream's delivery and the
 * aggregator's transaction (about a second on the local stack).
 */
@Singleton
public class UsageReports {

    /** The longest day series one request may ask for: a quarter. */
    static final int MAX_RANGE_DAYS = 92;
    /** The series without {@code from}: the 30 days up to {@code to}. */
    static final int DEFAULT_RANGE_DAYS = 30;

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Set<String> RANKED_PARAMETERS = Set.of("month", "sort", "kind", "limit", "cursor");
    private static final Set<String> SERIES_PARAMETERS = Set.of("from", "to");

    private final CatalogueReader catalogue;
    private final Clock clock = Clock.systemUTC();

    public UsageReports(CatalogueReader catalogue) {
        this.catalogue = catalogue;
    }

    /** What a ranked list can be ordered by, highest first. */
    enum Sort {
        views(Figures::views), searchHits(Figures::searchHits), saves(Figures::saves);

        final ToLongFunction<Figures> value;

        Sort(ToLongFunction<Figures> value) {
            this.value = value;
        }
    }

    /** One entry of a ranked list; {@code rank} counts from 1 over the whole list, not the page. */
    public record Ranked(int rank, String kind, String code, String title, String status, long views, long searchHits,
                         long saves) {
    }

    public record RankedPage(String month, String sort, List<Ranked> items, String nextCursor) {
    }

    public record Day(String day, long views, long searchHits, long saves) {
    }

    public record EntryUsage(String kind, String code, String title, String status, String from, String to,
                             Figures totals, List<Day> days) {
    }

    /**
     * The entries used in a month, ranked: every entry with any figure that month, from the month's
     * totals (one query of the month's partition, sorted here), the page's names and statuses
     * read in one batch. Ranks of the current month move while counting goes on.
     */
    public RankedPage ranked(ApiRequest r) {
        refuseUnknown(r, RANKED_PARAMETERS);
        YearMonth month = r.query("month").map(UsageReports::month).orElseGet(() -> YearMonth.now(clock.withZone(r.zone())));
        Sort sort = r.query("sort").map(UsageReports::sort).orElse(Sort.views);
        String kind = r.query("kind").map(UsageReports::kind).orElse(null);
        int limit = r.pageSize();
        String scope = month + "|" + sort + "|" + (kind == null ? "" : kind);
        int offset = r.cursor() == null ? 0 : offset(r.cursor(), scope);

        TenantStore store = r.store();
        String prefix = kind == null ? UsageCounters.totalsPrefix() : UsageCounters.totalSk(kind, "");
        List<UsageCounters.MonthTotal> totals = new ArrayList<>();
        String cursor = null;
        do {
            Page<UsageCounters.MonthTotal> page = store.query(UsageCounters.partition(store.keys(), month), prefix,
                    UsageCounters.MonthTotal.class, 1000, cursor);
            totals.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        totals.sort(Comparator.comparingLong((UsageCounters.MonthTotal t) -> sort.value.applyAsLong(t.figures()))
                .reversed().thenComparing(UsageCounters.MonthTotal::kind).thenComparing(UsageCounters.MonthTotal::code));

        List<UsageCounters.MonthTotal> slice = totals.subList(Math.min(offset, totals.size()),
                Math.min(offset + limit, totals.size()));
        Map<UsageEvent.EntryRef, CatalogueReader.EntryHead> heads = catalogue.heads(store, slice.stream()
                .map(t -> new UsageEvent.EntryRef(t.kind(), t.code())).toList());
        List<Ranked> items = new ArrayList<>();
        for (int i = 0; i < slice.size(); i++) {
            UsageCounters.MonthTotal t = slice.get(i);
            CatalogueReader.EntryHead head = heads.get(new UsageEvent.EntryRef(t.kind(), t.code()));
            Figures f = t.figures();
            items.add(new Ranked(offset + i + 1, t.kind(), t.code(), head == null ? null : head.displayName(),
                    head == null ? null : head.status(), f.views(), f.searchHits(), f.saves()));
        }
        String next = offset + limit < totals.size() ? encode(scope, offset + limit) : null;
        return new RankedPage(month.toString(), sort.name(), items, next);
    }

    /** One entry's figures day by day over {@code from}..{@code to} (both included, the tenant's days), with totals. */
    public EntryUsage entry(ApiRequest r, String kindSegment, String codeSegment) {
        refuseUnknown(r, SERIES_PARAMETERS);
        UsageEvent.EntryRef ref = EntryPath.parse(kindSegment, codeSegment);
        LocalDate to = r.query("to").map(v -> day("to", v)).orElseGet(() -> LocalDate.now(clock.withZone(r.zone())));
        LocalDate from = r.query("from").map(v -> day("from", v)).orElse(to.minusDays(DEFAULT_RANGE_DAYS - 1));
        if (from.isAfter(to)) {
            throw ApiException.badRequest("INVALID_RANGE", "from 不能晚于 to", "from must not be after to", "from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_RANGE_DAYS) {
            throw ApiException.badRequest("RANGE_TOO_LONG", "日期范围最多" + MAX_RANGE_DAYS + "天",
                    "The range may span at most " + MAX_RANGE_DAYS + " days", "from");
        }
        TenantStore store = r.store();
        CatalogueReader.EntryHead head = catalogue.head(store, ref.kind(), ref.code()).orElseThrow(EntryPath::notFound);

        Map<LocalDate, Figures> byDay = new HashMap<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            String cursor = null;
            do {
                Page<UsageCounters.DayCount> page = store.query(UsageCounters.partition(store.keys(), month),
                        UsageCounters.daysPrefix(ref.kind(), ref.code()), UsageCounters.DayCount.class, 100, cursor);
                page.items().forEach(d -> byDay.put(LocalDate.parse(d.day()), d.figures()));
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        List<Day> days = new ArrayList<>();
        Figures totals = Figures.ZERO;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Figures f = byDay.getOrDefault(day, Figures.ZERO);
            days.add(new Day(day.toString(), f.views(), f.searchHits(), f.saves()));
            totals = totals.plus(f);
        }
        return new EntryUsage(ref.kind(), ref.code(), head.displayName(), head.status(), from.toString(), to.toString(),
                totals, days);
    }

    private static void refuseUnknown(ApiRequest r, Set<String> known) {
        for (String name : r.queryNames()) {
            if (!known.contains(name)) {
                throw ApiException.badRequest("UNKNOWN_PARAMETER", "不支持的查询参数：" + name,
                        "Unknown query parameter: " + name, name);
            }
        }
    }

    private static YearMonth month(String raw) {
        try {
            if (MONTH.matcher(raw).matches()) {
                return YearMonth.parse(raw);
            }
        } catch (DateTimeParseException ignored) {
            // refused below
        }
        throw ApiException.badRequest("INVALID_DATE", "month 须为 YYYY-MM 格式的月份", "month must be a month as YYYY-MM",
                "month");
    }

    private static LocalDate day(String field, String raw) {
        try {
            if (DAY.matcher(raw).matches()) {
                return LocalDate.parse(raw);
            }
        } catch (DateTimeParseException ignored) {
            // refused below
        }
        throw ApiException.badRequest("INVALID_DATE", field + " 须为 YYYY-MM-DD 格式的日期",
                field + " must be a date as YYYY-MM-DD", field);
    }

    private static Sort sort(String raw) {
        for (Sort s : Sort.values()) {
            if (s.name().equals(raw)) {
                return s;
            }
        }
        throw ApiException.badRequest("INVALID_FILTER", "sort 取值无效：" + raw + "（可选 views、searchHits、saves）",
                "Invalid sort: " + raw + " (views, searchHits, saves)", "sort");
    }

    private static String kind(String raw) {
        if (!CatalogueReader.KINDS.contains(raw)) {
            throw ApiException.badRequest("INVALID_FILTER", "kind 取值无效：" + raw, "Invalid kind: " + raw, "kind");
        }
        return raw;
    }

    /** The cursor of a ranked list: its scope (month, sort, kind) and where the next page starts. */
    private static String encode(String scope, int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((scope + "|" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String cursor, String scope) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = plain.lastIndexOf('|');
            if (bar > 0 && plain.substring(0, bar).equals(scope)) {
                int offset = Integer.parseInt(plain.substring(bar + 1));
                if (offset > 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException ignored) {
            // refused below
        }
        throw ApiException.badRequest("INVALID_CURSOR", "分页游标无效或不属于本次查询",
                "The paging cursor is invalid or belongs to another query", "cursor");
    }
}
