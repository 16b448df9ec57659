package com.huiqi.shared.calendar;

import com.huiqi.shared.error.ApiException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Working days (工作日) of one tenant: the official arrangements plus the tenant's own closures and extra
 * working days. Deadlines such as "受理后5个工作日内" are computed here so every service agrees on them.
 *
 * <p>A date is a working day by these rules, first match wins:
 * <ol>
 *   <li>its year has no bundled notice: {@code 422 CALENDAR_YEAR_NOT_PUBLISHED} is thrown (never a
 *       Monday–Friday guess);</li>
 *   <li>a local closure (e.g. an emergency closure ordered by the local government): not working;</li>
 *   <li>a local extra working day: working, even over an official day off, because the tenant decided
 *       to open;</li>
 *   <li>named by a notice: working exactly when it is a make-up working day (调休上班);</li>
 *   <li>otherwise Saturday and Sunday are off, Monday to Friday are working.</li>
 * </ol>
 *
 * <p>Every method throws the 422 above as soon as it would have to look at a date in an uncovered
 * year, including the argument dates themselves. Immutable and thread-safe.
 */
public final class WorkingDayCalendar {

    private final OfficialHolidays official;
    private final Set<LocalDate> localClosures;
    private final Set<LocalDate> localWorkingDays;

    private WorkingDayCalendar(OfficialHolidays official, Set<LocalDate> localClosures,
                               Set<LocalDate> localWorkingDays) {
        this.official = Objects.requireNonNull(official, "official");
        this.localClosures = Set.copyOf(localClosures);
        this.localWorkingDays = Set.copyOf(localWorkingDays);
        Set<LocalDate> both = new HashSet<>(this.localClosures);
        both.retainAll(this.localWorkingDays);
        if (!both.isEmpty()) {
            // Which of the two the tenant meant is not ours to guess.
            LocalDate example = both.stream().sorted().findFirst().orElseThrow();
            throw ApiException.validation("localWorkingDays",
                    example + "同时被设为本地休息日和本地工作日",
                    example + " is both a local closure and a local working day");
        }
    }

    /** The official calendar alone, for callers with no tenant (e.g. platform-wide deadlines). */
    public static WorkingDayCalendar official(OfficialHolidays official) {
        return new WorkingDayCalendar(official, Set.of(), Set.of());
    }

    /**
     * @param localClosures extra days off of the tenant; closures on days that are off anyway change nothing
     */
    public static WorkingDayCalendar of(OfficialHolidays official, Set<LocalDate> localClosures) {
        return new WorkingDayCalendar(official, localClosures, Set.of());
    }

    /**
     * @param localClosures    extra days off of the tenant
     * @param localWorkingDays extra days the tenant works, e.g. a Saturday service day
     * @throws ApiException 422 {@code VALIDATION_FAILED} (field {@code localWorkingDays}) when a date is in both sets
     */
    public static WorkingDayCalendar of(OfficialHolidays official, Set<LocalDate> localClosures,
                                        Set<LocalDate> localWorkingDays) {
        return new WorkingDayCalendar(official, localClosures, localWorkingDays);
    }

    /**
     * Whether {@code date} is a working day for this tenant (rules in the class comment).
     *
     * @throws ApiException 422 {@code CALENDAR_YEAR_NOT_PUBLISHED} when the date's year is not covered
     */
    public boolean isWorkingDay(LocalDate date) {
        Optional<OfficialDay> listed = official.find(date); // throws for an uncovered year, before any local rule
        if (localClosures.contains(date)) {
            return false;
        }
        if (localWorkingDays.contains(date)) {
            return true;
        }
        if (listed.isPresent()) {
            return listed.get().makeUpWorkingDay();
        }
        return !OfficialDay.isWeekend(date);
    }

    /**
     * The first working day strictly after {@code date}, whether or not {@code date} itself is one.
     *
     * @throws ApiException 422 {@code CALENDAR_YEAR_NOT_PUBLISHED} when {@code date} or any day up to the
     *                      answer is in an uncovered year
     */
    public LocalDate nextWorkingDay(LocalDate date) {
        official.requirePublished(date);
        LocalDate day = date.plusDays(1);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * The n-th working day after {@code start}, {@code start} itself not counted: with Friday as start
     * and an ordinary weekend, n = 1 is the next Monday. This is how "within n working days of receipt"
     * deadlines are counted.
     *
     * <p>n = 0 returns {@code start} when it is a working day, otherwise the next working day: a deadline
     * "on the day" of a Sunday receipt falls on the first day the office is open.
     *
     * @param n zero or more
     * @throws IllegalArgumentException when n is negative
     * @throws ApiException             422 {@code CALENDAR_YEAR_NOT_PUBLISHED} when {@code start} or any day
     *                                  up to the answer is in an uncovered year
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        if (n == 0) {
            return isWorkingDay(start) ? start : nextWorkingDay(start);
        }
        official.requirePublished(start);
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The number of working days d with {@code fromExclusive < d <= toInclusive}: e.g. how many working
     * days of a deadline have been used up. Reversed arguments give the negative count of the same span,
     * so {@code workingDaysBetween(a, b) == -workingDaysBetween(b, a)} and the result is always
     * W(toInclusive) − W(fromExclusive) for a running working-day count W; a negative value reads as
     * "that many working days still to go".
     *
     * <p>For a working day {@code s}: {@code workingDaysBetween(s, addWorkingDays(s, n)) == n}.
     *
     * @throws ApiException 422 {@code CALENDAR_YEAR_NOT_PUBLISHED} when either date or any day between
     *                      them is in an uncovered year
     */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        Objects.requireNonNull(fromExclusive, "fromExclusive");
        Objects.requireNonNull(toInclusive, "toInclusive");
        if (toInclusive.isBefore(fromExclusive)) {
            return -workingDaysBetween(toInclusive, fromExclusive);
        }
        official.requirePublished(fromExclusive);
        official.requirePublished(toInclusive);
        int count = 0;
        for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** The official arrangements this calendar is built on. */
    public OfficialHolidays officialHolidays() {
        return official;
    }

    /** The tenant's extra days off (unmodifiable). */
    public Set<LocalDate> localClosures() {
        return localClosures;
    }

    /** The tenant's extra working days (unmodifiable). */
    public Set<LocalDate> localWorkingDays() {
        return localWorkingDays;
    }
}
