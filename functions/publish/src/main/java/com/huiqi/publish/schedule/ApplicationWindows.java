package com.huiqi.publish.schedule;

import com.huiqi.publish.catalogue.Catalogue;
import com.huiqi.publish.catalogue.CatalogueEntry;
import com.huiqi.publish.catalogue.CatalogueEntry.PublicationStatus;
import com.huiqi.publish.catalogue.CatalogueKind;
import com.huiqi.shared.calendar.OfficialHolidays;
import com.huiqi.shared.calendar.TenantCalendars;
import com.huiqi.shared.calendar.WorkingDayCalendar;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.storage.TenantStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * 今日申报 and the policy calendar (政策日历): the application windows of published notices, in
 * the tenant's time zone, with days left counted both in calendar days and in working days.
 */
@Singleton
public class ApplicationWindows {

    /** A window closing within this many working days is "closing soon" (即将截止). */
    public static final int CLOSING_SOON_WORKING_DAYS = 5;

    private final Catalogue catalogue;
    private final TenantCalendars calendars = new TenantCalendars();
    private final Clock clock;

    public ApplicationWindows(Catalogue catalogue) {
        this(catalogue, Clock.systemUTC());
    }

    ApplicationWindows(Catalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /**
     * One open notice.
     *
     * @param workingDaysLeft working days from today to the closing date; absent when the closing
     *                        date lies in a year whose holiday notice is not yet published
     */
    public record OpenNotice(String noticeCode, String itemCode, String title, Instant opensAt, Instant closesAt,
                             LocalDate closingDate, int calendarDaysLeft, Integer workingDaysLeft, boolean closingSoon) {
    }

    /** 今日申报: notices open now, soonest closing first, as of {@code asOf}. */
    public record Today(Instant asOf, String timeZone, List<OpenNotice> items) {
    }

    public record CalendarEvent(String noticeCode, String itemCode, String title, Instant at) {
    }

    public record CalendarDay(LocalDate date, List<CalendarEvent> openings, List<CalendarEvent> deadlines) {
    }

    /** The month view: days with at least one opening or deadline. */
    public record Month(YearMonth month, String timeZone, List<CalendarDay> days) {
    }

    /** @param zone the center's zone, in which days are counted */
    public Today today(TenantStore store, ZoneId zone) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        WorkingDayCalendar calendar = calendars.calendarOf(store);
        List<OpenNotice> open = new ArrayList<>();
        for (Published w : publishedWindows(store)) {
            if (w.window().opensAt().isAfter(now) || !w.window().closesAt().isAfter(now)) {
                continue;
            }
            // The last instant applications are accepted falls on this date in the tenant's zone.
            LocalDate closing = w.window().closesAt().minusNanos(1).atZone(zone).toLocalDate();
            int calendarDays = (int) (closing.toEpochDay() - today.toEpochDay());
            Integer workingDays = workingDaysBetween(calendar, today, closing);
            boolean soon = workingDays == null ? calendarDays <= CLOSING_SOON_WORKING_DAYS
                    : workingDays <= CLOSING_SOON_WORKING_DAYS;
            open.add(new OpenNotice(w.code(), w.window().itemCode(), w.window().title(), w.window().opensAt(),
                    w.window().closesAt(), closing, calendarDays, workingDays, soon));
        }
        open.sort(Comparator.comparing(OpenNotice::closesAt).thenComparing(OpenNotice::noticeCode));
        return new Today(now, zone.getId(), open);
    }

    public Month month(TenantStore store, ZoneId zone, YearMonth month) {
        Map<LocalDate, List<CalendarEvent>> openings = new TreeMap<>();
        Map<LocalDate, List<CalendarEvent>> deadlines = new TreeMap<>();
        for (Published w : publishedWindows(store)) {
            var window = w.window();
            LocalDate opens = window.opensAt().atZone(zone).toLocalDate();
            LocalDate closes = window.closesAt().minusNanos(1).atZone(zone).toLocalDate();
            if (YearMonth.from(opens).equals(month)) {
                openings.computeIfAbsent(opens, d -> new ArrayList<>())
                        .add(new CalendarEvent(w.code(), window.itemCode(), window.title(), window.opensAt()));
            }
            if (YearMonth.from(closes).equals(month)) {
                deadlines.computeIfAbsent(closes, d -> new ArrayList<>())
                        .add(new CalendarEvent(w.code(), window.itemCode(), window.title(), window.closesAt()));
            }
        }
        TreeMap<LocalDate, CalendarDay> days = new TreeMap<>();
        openings.forEach((d, events) -> days.put(d, new CalendarDay(d, sorted(events), List.of())));
        deadlines.forEach((d, events) -> days.merge(d, new CalendarDay(d, List.of(), sorted(events)),
                (a, b) -> new CalendarDay(d, a.openings(), b.deadlines())));
        return new Month(month, zone.getId(), List.copyOf(days.values()));
    }

    private record Published(String code, CatalogueEntry.NoticeWindow window) {
    }

    private List<Published> publishedWindows(TenantStore store) {
        List<Published> windows = new ArrayList<>();
        for (CatalogueEntry e : catalogue.all(store, CatalogueKind.NOTICES)) {
            if (e.status() == PublicationStatus.PUBLISHED && e.window() != null) {
                windows.add(new Published(e.code(), e.window()));
            }
        }
        return windows;
    }

    private static Integer workingDaysBetween(WorkingDayCalendar calendar, LocalDate today, LocalDate closing) {
        try {
            return calendar.workingDaysBetween(today, closing);
        } catch (ApiException e) {
            if (OfficialHolidays.YEAR_NOT_PUBLISHED.equals(e.code())) {
                return null;
            }
            throw e;
        }
    }

    private static List<CalendarEvent> sorted(List<CalendarEvent> events) {
        events.sort(Comparator.comparing(CalendarEvent::at).thenComparing(CalendarEvent::noticeCode));
        return List.copyOf(events);
    }
}
