package com.huiqi.search.query;

import com.huiqi.shared.calendar.OfficialHolidays;
import com.huiqi.shared.calendar.TenantCalendars;
import com.huiqi.shared.calendar.WorkingDayCalendar;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.storage.TenantStore;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When "closing within N working days" ends, in the tenant's zone and calendar: a window whose last
 * day is at most N working days after today, as 今日申报 counts them (publish's ApplicationWindows).
 */
@Singleton
public class ClosingSoon {

    private final TenantCalendars calendars = new TenantCalendars();
    private final TenantCache<WorkingDayCalendar> cache = new TenantCache<>(java.time.Clock.systemUTC());

    /**
     * The instant a window must close by to be closing soon: the start of the (N+1)th working day
     * after today. Past the last year with a published holiday notice it counts calendar days, as
     * 今日申报 does.
     *
     * @param zone the tenant's zone, from the center's record the request carries (so no second read of the registry)
     */
    public Instant by(TenantStore store, ZoneId zone, Instant now, int workingDays) {
        WorkingDayCalendar days = cache.get(store.keys().tenant(), () -> calendars.calendarOf(store));
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate firstTooLate;
        try {
            firstTooLate = days.addWorkingDays(today, workingDays + 1);
        } catch (ApiException e) {
            if (!OfficialHolidays.YEAR_NOT_PUBLISHED.equals(e.code())) {
                throw e;
            }
            firstTooLate = today.plusDays(workingDays + 1L);
        }
        return firstTooLate.atStartOfDay(zone).toInstant();
    }
}
