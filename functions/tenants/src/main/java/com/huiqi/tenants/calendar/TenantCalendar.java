package com.huiqi.tenants.calendar;

import com.huiqi.shared.calendar.Closures;
import com.huiqi.shared.calendar.OfficialHolidays;
import com.huiqi.shared.calendar.TenantCalendars;
import com.huiqi.shared.calendar.WorkingDayCalendar;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.Stored;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.validation.Fields;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A center's own closures (days off beyond the national calendar), which every deadline of the
 * tenant then skips. Reading the calendar is shared ({@link TenantCalendars}); changing the
 * closures is the center admin's, here.
 */
@Singleton
public class TenantCalendar {

    private static final int MAX_CLOSURES = 366;

    private final TenantCalendars calendars = new TenantCalendars();

    public Closures closures(TenantStore store) {
        return calendars.closures(store);
    }

    public Closures replaceClosures(TenantStore store, Caller actor, String requestId, Closures input) {
        if (input.closures() == null || input.closures().size() > MAX_CLOSURES) {
            throw ApiException.validation("closures", "须提供0至366个停工日", "Give 0 to 366 closures");
        }
        Set<LocalDate> seen = new HashSet<>();
        List<Closures.Closure> sorted = new ArrayList<>();
        for (int i = 0; i < input.closures().size(); i++) {
            Closures.Closure c = input.closures().get(i);
            String field = "closures[" + i + "]";
            if (c == null || c.date() == null) {
                throw ApiException.validation(field + ".date", "缺少日期", "date is required");
            }
            if (!seen.add(c.date())) {
                throw ApiException.validation(field + ".date", "日期重复：" + c.date(), "Duplicate date " + c.date());
            }
            calendars.official().requirePublished(c.date());
            sorted.add(new Closures.Closure(c.date(), Fields.text(field + ".reason", c.reason(), 2, 100)));
        }
        sorted.sort(Comparator.comparing(Closures.Closure::date));
        Closures stored = new Closures(List.copyOf(sorted), null);
        ItemKey key = TenantCalendars.closuresKey(store);
        Stored<Closures> before = store.get(key.pk(), key.sk(), Closures.class).orElse(null);
        long expected = input.version() == null ? 0 : input.version();
        var tx = store.begin(actor, requestId);
        if (before == null) {
            if (expected != 0) {
                throw ApiException.conflict("CONCURRENT_MODIFICATION", "数据已被他人修改，请刷新后重试",
                        "The item was changed by someone else; reload and retry");
            }
            tx.create(key, TenantCalendars.CLOSURES_ENTITY, stored);
        } else {
            tx.update(key, TenantCalendars.CLOSURES_ENTITY, stored, expected);
        }
        tx.audit("calendar.closures", TenantCalendars.CLOSURES_ENTITY, "CLOSURES",
                before == null ? null : before.value(), stored).commit();
        return new Closures(stored.closures(), expected + 1);
    }

    public WorkingDayCalendar calendarOf(TenantStore store) {
        return calendars.calendarOf(store);
    }

    public OfficialHolidays official() {
        return calendars.official();
    }
}
