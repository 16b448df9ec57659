package com.huiqi.search.usage;

import com.huiqi.shared.tenancy.Keys;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Where the usage figures are kept: one partition per tenant and month,
 * {@code <tenant>#USAGE#<yyyy-MM>}, holding each entry's month total at {@code T#<kind>#<code>}
 * (the ranked list reads them with one query) and its days at {@code D#<kind>#<code>#<yyyy-MM-dd>}
 * (an entry's series reads them with one query per month). Days and months are the tenant's
 * calendar (its zone), as the events date them.
 */
public final class UsageCounters {

    static final String DAY_ENTITY = "UsageDay";
    static final String MONTH_ENTITY = "UsageMonth";

    static final String VIEWS = "views";
    static final String SEARCH_HITS = "searchHits";
    static final String SAVES = "saves";

    private UsageCounters() {
    }

    static String partition(Keys keys, YearMonth month) {
        return keys.pk("USAGE", month.toString());
    }

    static String totalsPrefix() {
        return "T#";
    }

    static String totalSk(String kind, String code) {
        return "T#" + kind + "#" + code;
    }

    static String daysPrefix(String kind, String code) {
        return "D#" + kind + "#" + code + "#";
    }

    static String daySk(String kind, String code, LocalDate day) {
        return daysPrefix(kind, code) + day;
    }

    /** How often an entry was viewed, shown in a search page, and saved (saves less unsaves). */
    public record Figures(long views, long searchHits, long saves) {

        static final Figures ZERO = new Figures(0, 0, 0);

        Figures plus(Figures other) {
            return new Figures(views + other.views, searchHits + other.searchHits, saves + other.saves);
        }
    }

    /** A month total as stored (absent counters read as zero). */
    record MonthTotal(String kind, String code, String month, Long views, Long searchHits, Long saves) {
        Figures figures() {
            return UsageCounters.figures(views, searchHits, saves);
        }
    }

    /** A day as stored. */
    record DayCount(String kind, String code, String day, Long views, Long searchHits, Long saves) {
        Figures figures() {
            return UsageCounters.figures(views, searchHits, saves);
        }
    }

    private static Figures figures(Long views, Long searchHits, Long saves) {
        return new Figures(views == null ? 0 : views, searchHits == null ? 0 : searchHits, saves == null ? 0 : saves);
    }
}
