package com.huiqi.shared.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huiqi.shared.error.ApiException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class WorkingDayCalendarTest {

    private static final OfficialHolidays HOLIDAYS = OfficialHolidays.loadBundled();
    private static final WorkingDayCalendar CAL = WorkingDayCalendar.official(HOLIDAYS);

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static void assertNotPublished(int year, Executable call) {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(422, e.status());
        assertEquals("CALENDAR_YEAR_NOT_PUBLISHED", e.code());
        assertTrue(e.messageZh().contains(year + "年"), e.messageZh());
        assertTrue(e.messageEn().contains(String.valueOf(year)), e.messageEn());
        assertNull(e.field());
    }

    @Test
    void springFestival2025() {
        for (LocalDate day = d("2025-01-28"); !day.isAfter(d("2025-02-04")); day = day.plusDays(1)) {
            assertFalse(CAL.isWorkingDay(day), day + " is 春节");
        }
        assertEquals(DayOfWeek.SUNDAY, d("2025-01-26").getDayOfWeek());
        assertTrue(CAL.isWorkingDay(d("2025-01-26")), "make-up Sunday");
        assertEquals(DayOfWeek.SATURDAY, d("2025-02-08").getDayOfWeek());
        assertTrue(CAL.isWorkingDay(d("2025-02-08")), "make-up Saturday");
        assertTrue(CAL.isWorkingDay(d("2025-01-27")));
        assertTrue(CAL.isWorkingDay(d("2025-02-05")));
        assertFalse(CAL.isWorkingDay(d("2025-02-09")), "an ordinary Sunday");

        // Received on the last working day before the holiday, 3 working days: 02-05, 02-06, 02-07.
        assertEquals(d("2025-02-07"), CAL.addWorkingDays(d("2025-01-27"), 3));
        assertEquals(d("2025-02-08"), CAL.addWorkingDays(d("2025-01-27"), 4));
        assertEquals(d("2025-02-05"), CAL.nextWorkingDay(d("2025-01-27")));
    }

    @Test
    void nationalDay2024WithItsMakeUpDays() {
        assertEquals(DayOfWeek.SUNDAY, d("2024-09-29").getDayOfWeek());
        assertTrue(CAL.isWorkingDay(d("2024-09-29")));
        assertEquals(DayOfWeek.SATURDAY, d("2024-10-12").getDayOfWeek());
        assertTrue(CAL.isWorkingDay(d("2024-10-12")));
        assertFalse(CAL.isWorkingDay(d("2024-09-28")), "the Saturday before is an ordinary day off");
        for (int day = 1; day <= 7; day++) {
            assertFalse(CAL.isWorkingDay(LocalDate.of(2024, 10, day)), "2024-10-0" + day);
        }
        assertTrue(CAL.isWorkingDay(d("2024-10-08")));

        assertEquals(d("2024-09-29"), CAL.addWorkingDays(d("2024-09-27"), 1));
        assertEquals(d("2024-10-08"), CAL.addWorkingDays(d("2024-09-30"), 1));
        assertEquals(d("2024-10-12"), CAL.addWorkingDays(d("2024-09-30"), 5));
        assertEquals(5, CAL.workingDaysBetween(d("2024-09-30"), d("2024-10-12")));
    }

    @Test
    void newYearBoundary2025To2026() {
        assertEquals(DayOfWeek.WEDNESDAY, d("2025-12-31").getDayOfWeek());
        assertTrue(CAL.isWorkingDay(d("2025-12-31")));
        assertFalse(CAL.isWorkingDay(d("2026-01-01")));
        assertFalse(CAL.isWorkingDay(d("2026-01-02")));
        assertFalse(CAL.isWorkingDay(d("2026-01-03")));
        assertTrue(CAL.isWorkingDay(d("2026-01-04")), "make-up Sunday from the 2026 notice");

        assertEquals(d("2026-01-04"), CAL.nextWorkingDay(d("2025-12-31")));
        assertEquals(d("2026-01-04"), CAL.addWorkingDays(d("2025-12-30"), 2));
        // 12-30, 12-31, 01-04, 01-05
        assertEquals(4, CAL.workingDaysBetween(d("2025-12-29"), d("2026-01-05")));
    }

    @Test
    void addWorkingDaysAcrossSpringFestival2026() {
        // 2026 notice: 02-15 (Sun) to 02-23 (Mon) off; 02-14 (Sat) and 02-28 (Sat) worked.
        assertEquals(DayOfWeek.FRIDAY, d("2026-02-13").getDayOfWeek());
        assertEquals(d("2026-02-14"), CAL.addWorkingDays(d("2026-02-13"), 1));
        assertEquals(d("2026-02-24"), CAL.addWorkingDays(d("2026-02-13"), 2));
        assertEquals(d("2026-02-26"), CAL.addWorkingDays(d("2026-02-12"), 5));
        // 02-14, 24, 25, 26, 27, 28 (Sat), 03-02, 03, 04, 05
        assertEquals(d("2026-03-05"), CAL.addWorkingDays(d("2026-02-13"), 10));
        assertEquals(10, CAL.workingDaysBetween(d("2026-02-13"), d("2026-03-05")));
        assertEquals(d("2026-02-24"), CAL.nextWorkingDay(d("2026-02-14")));
    }

    @Test
    void zeroWorkingDaysIsTheStartIfWorkingOtherwiseTheNextWorkingDay() {
        assertEquals(d("2026-02-13"), CAL.addWorkingDays(d("2026-02-13"), 0));
        assertEquals(d("2026-02-14"), CAL.addWorkingDays(d("2026-02-14"), 0), "a make-up Saturday counts");
        assertEquals(d("2026-02-24"), CAL.addWorkingDays(d("2026-02-15"), 0));
        assertEquals(d("2025-07-21"), CAL.addWorkingDays(d("2025-07-19"), 0), "ordinary Saturday");
    }

    @Test
    void negativeCountIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> CAL.addWorkingDays(d("2025-07-14"), -1));
    }

    @Test
    void localClosurePushesTheDueDate() {
        LocalDate closure = d("2025-07-15");
        assertEquals(DayOfWeek.TUESDAY, closure.getDayOfWeek());
        WorkingDayCalendar tenant = WorkingDayCalendar.of(HOLIDAYS, Set.of(closure));

        assertTrue(CAL.isWorkingDay(closure));
        assertFalse(tenant.isWorkingDay(closure));
        // Received Friday 07-11, due in 3 working days.
        assertEquals(d("2025-07-16"), CAL.addWorkingDays(d("2025-07-11"), 3));
        assertEquals(d("2025-07-17"), tenant.addWorkingDays(d("2025-07-11"), 3));
        assertEquals(2, tenant.workingDaysBetween(d("2025-07-11"), d("2025-07-16")));
        assertEquals(d("2025-07-16"), tenant.nextWorkingDay(d("2025-07-14")));
    }

    @Test
    void localClosureRightAfterSpringFestival2026() {
        WorkingDayCalendar tenant = WorkingDayCalendar.of(HOLIDAYS, Set.of(d("2026-02-24")));
        assertEquals(d("2026-02-25"), tenant.addWorkingDays(d("2026-02-13"), 2));
    }

    @Test
    void localExtraWorkingDay() {
        LocalDate saturday = d("2025-07-19");
        WorkingDayCalendar tenant = WorkingDayCalendar.of(HOLIDAYS, Set.of(), Set.of(saturday));

        assertTrue(tenant.isWorkingDay(saturday));
        assertEquals(saturday, tenant.addWorkingDays(d("2025-07-18"), 1));
        assertEquals(d("2025-07-21"), CAL.addWorkingDays(d("2025-07-18"), 1));
    }

    @Test
    void aDateCannotBeBothClosedAndWorked() {
        ApiException e = assertThrows(ApiException.class,
                () -> WorkingDayCalendar.of(HOLIDAYS, Set.of(d("2025-07-15")), Set.of(d("2025-07-15"))));
        assertEquals(422, e.status());
        assertEquals("localWorkingDays", e.field());
    }

    @Test
    void localDataSetsAreCopied() {
        HashSet<LocalDate> closures = new HashSet<>(Set.of(d("2025-07-15")));
        WorkingDayCalendar tenant = WorkingDayCalendar.of(HOLIDAYS, closures);
        closures.clear();
        assertFalse(tenant.isWorkingDay(d("2025-07-15")));
    }

    @Test
    void unpublishedYearsAreRejectedNeverGuessed() {
        assertNotPublished(2027, () -> CAL.isWorkingDay(d("2027-01-04")));
        assertNotPublished(2027, () -> CAL.isWorkingDay(d("2027-06-15")));
        assertNotPublished(2022, () -> CAL.isWorkingDay(d("2022-06-01")));
        // Listed in 2023.json, but 2022 itself is not published here.
        assertNotPublished(2022, () -> CAL.isWorkingDay(d("2022-12-31")));

        assertNotPublished(2027, () -> CAL.nextWorkingDay(d("2026-12-31")));
        assertNotPublished(2027, () -> CAL.addWorkingDays(d("2026-12-31"), 1));
        assertNotPublished(2027, () -> CAL.addWorkingDays(d("2026-12-25"), 10));
        assertNotPublished(2022, () -> CAL.addWorkingDays(d("2022-12-30"), 3));
        assertNotPublished(2027, () -> CAL.workingDaysBetween(d("2026-12-01"), d("2027-01-05")));
        assertNotPublished(2022, () -> CAL.workingDaysBetween(d("2022-12-30"), d("2023-01-10")));
        assertNotPublished(2027, () -> CAL.workingDaysBetween(d("2027-01-05"), d("2026-12-01")));

        // Local settings cannot stand in for the missing notice.
        WorkingDayCalendar tenant = WorkingDayCalendar.of(HOLIDAYS, Set.of(d("2027-01-05")), Set.of(d("2027-01-09")));
        assertNotPublished(2027, () -> tenant.isWorkingDay(d("2027-01-05")));
        assertNotPublished(2027, () -> tenant.isWorkingDay(d("2027-01-09")));
    }

    @Test
    void messagesNameTheYear() {
        ApiException future = assertThrows(ApiException.class, () -> CAL.isWorkingDay(d("2027-01-04")));
        assertEquals("2027年的法定节假日安排尚未发布，无法计算工作日", future.messageZh());
        ApiException past = assertThrows(ApiException.class, () -> CAL.isWorkingDay(d("2022-06-01")));
        assertTrue(past.messageZh().contains("2022年"), past.messageZh());
        assertFalse(past.messageZh().contains("尚未发布"), "2022 was published, just not bundled");
    }

    @Test
    void lastDaysOfPublishedDataStillWork() {
        assertEquals(DayOfWeek.THURSDAY, d("2026-12-31").getDayOfWeek());
        assertTrue(CAL.isWorkingDay(d("2026-12-31")));
        assertEquals(d("2026-12-31"), CAL.addWorkingDays(d("2026-12-30"), 1));
        assertEquals(d("2023-01-03"), CAL.nextWorkingDay(d("2023-01-01")));
    }

    @Test
    void workingDaysIn2025() {
        // By hand: 365 days − 104 weekend days − 18 weekday holidays + 5 make-up weekend days.
        assertEquals(248, CAL.workingDaysBetween(d("2024-12-31"), d("2025-12-31")));
    }

    @Test
    void reversedArgumentsGiveTheNegativeCount() {
        assertEquals(-10, CAL.workingDaysBetween(d("2026-03-05"), d("2026-02-13")));
        assertEquals(0, CAL.workingDaysBetween(d("2026-02-20"), d("2026-02-20")));
        assertEquals(-248, CAL.workingDaysBetween(d("2025-12-31"), d("2024-12-31")));
    }

    /**
     * Over every start in the published data and n in 0..15: addWorkingDays lands on a working day, it is
     * the first day with n working days elapsed, and workingDaysBetween counts it back to n. Starts too
     * close to the end of 2026 run into 2027 and must be refused, not guessed.
     */
    @Test
    void workingDaysBetweenInvertsAddWorkingDays() {
        int checked = 0;
        int refusedAtEnd = 0;
        for (LocalDate start = d("2023-01-01"); !start.isAfter(d("2026-12-31")); start = start.plusDays(1)) {
            boolean startWorks = CAL.isWorkingDay(start);
            for (int n = 0; n <= 15; n++) {
                LocalDate due;
                try {
                    due = CAL.addWorkingDays(start, n);
                } catch (ApiException e) {
                    assertEquals("CALENDAR_YEAR_NOT_PUBLISHED", e.code());
                    assertTrue(start.isAfter(d("2026-11-30")), "refused too early from " + start);
                    refusedAtEnd++;
                    break; // larger n only reach further into 2027
                }
                assertTrue(CAL.isWorkingDay(due), start + " + " + n + " -> " + due);
                if (startWorks) {
                    assertEquals(n, CAL.workingDaysBetween(start, due), start + " + " + n);
                    if (n > 0) {
                        assertEquals(n - 1, CAL.workingDaysBetween(start, due.minusDays(1)), start + " + " + n);
                    } else {
                        assertEquals(start, due);
                    }
                } else {
                    assertEquals(Math.max(n, 1), CAL.workingDaysBetween(start, due), start + " + " + n);
                    if (n == 0) {
                        assertEquals(CAL.nextWorkingDay(start), due);
                    }
                }
                checked++;
            }
        }
        assertTrue(checked > 20_000, "checked " + checked);
        assertTrue(refusedAtEnd > 0 && refusedAtEnd < 31, "refused " + refusedAtEnd);
    }
}
