package com.huiqi.tenants.calendar;

import com.huiqi.shared.calendar.OfficialHolidays;
import com.huiqi.shared.calendar.WorkingDayCalendar;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.Stored;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.validation.Fields;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tenant's working-day calendar: the official national calendar (loaded once per execution
 * environment) plus the center's own closures ({@code <tenant>#SETTINGS / CLOSURES}).
 */
@Singleton
public class TenantCalendar {

    static final String ENTITY = "Closures";
    private static final int MAX_CLOSURES = 366;

    /** Loaded on first use, once per execution environment: most requests never need it. */
    private volatile OfficialHolidays official;

    public Closures closures(TenantStore store) {
        return store.get(store.keys().pk("SETTINGS"), "CLOSURES", Closures.class)
                .map(s -> new Closures(s.value().closures(), s.version()))
                .orElse(new Closures(List.of(), 0L));
    }

    public Closures replaceClosures(TenantStore store, Caller actor, String requestId, Closures input) {
        if (input.closures() == null || input.closures().size() > MAX_CLOSURES) {
            throw ApiException.validation("closures", "须提供0至366个停工日", "Give 0 to 366 closures");
        }
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < input.closures().size(); i++) {
            Closures.Closure c = input.closures().get(i);
            String field = "closures[" + i + "]";
            if (c == null || c.date() == null) {
                throw ApiException.validation(field + ".date", "缺少日期", "date is required");
            }
            if (!seen.add(c.date())) {
                throw ApiException.validation(field + ".date", "日期重复：" + c.date(), "Duplicate date " + c.date());
            }
            official().requirePublished(c.date());
        }
        List<Closures.Closure> sorted = new java.util.ArrayList<>();
        for (int i = 0; i < input.closures().size(); i++) {
            Closures.Closure c = input.closures().get(i);
            sorted.add(new Closures.Closure(c.date(), Fields.text("closures[" + i + "].reason", c.reason(), 2, 100)));
        }
        sorted.sort(java.util.Comparator.comparing(Closures.Closure::date));
        Closures stored = new Closures(sorted, null);
        ItemKey key = ItemKey.of(store.keys().pk("SETTINGS"), "CLOSURES");
        Stored<Closures> before = store.get(key.pk(), key.sk(), Closures.class).orElse(null);
        long expected = input.version() == null ? 0 : input.version();
        var tx = store.begin(actor, requestId);
        if (before == null) {
            if (expected != 0) {
                throw ApiException.conflict("CONCURRENT_MODIFICATION", "数据已被他人修改，请刷新后重试",
                        "The item was changed by someone else; reload and retry");
            }
            tx.create(key, ENTITY, stored);
        } else {
            tx.update(key, ENTITY, stored, expected);
        }
        tx.audit("calendar.closures", ENTITY, "CLOSURES", before == null ? null : before.value(), stored).commit();
        return new Closures(sorted, expected + 1);
    }

    public WorkingDayCalendar calendarOf(TenantStore store) {
        Set<LocalDate> closed = closures(store).closures().stream().map(Closures.Closure::date).collect(Collectors.toSet());
        return WorkingDayCalendar.of(official(), closed);
    }

    public OfficialHolidays official() {
        OfficialHolidays loaded = official;
        if (loaded == null) {
            synchronized (this) {
                if (official == null) {
                    official = OfficialHolidays.loadBundled();
                }
                loaded = official;
            }
        }
        return loaded;
    }
}
