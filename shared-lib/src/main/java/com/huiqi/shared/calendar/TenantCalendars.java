package com.huiqi.shared.calendar;

import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.TenantStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each tenant's working-day calendar: the official national calendar (loaded once per execution
 * environment, on first use) plus the center's own closures, kept at {@code <tenant>#SETTINGS /
 * CLOSURES} by the tenants function and read here by every function that counts working days.
 */
public final class TenantCalendars {

    public static final String CLOSURES_ENTITY = "Closures";

    private volatile OfficialHolidays official;

    public static ItemKey closuresKey(TenantStore store) {
        return ItemKey.of(store.keys().pk("SETTINGS"), "CLOSURES");
    }

    /** The tenant's closures with the version of the stored item (0 when it has none yet). */
    public Closures closures(TenantStore store) {
        ItemKey key = closuresKey(store);
        return store.get(key.pk(), key.sk(), Closures.class)
                .map(s -> new Closures(s.value().closures(), s.version()))
                .orElse(new Closures(List.of(), 0L));
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
