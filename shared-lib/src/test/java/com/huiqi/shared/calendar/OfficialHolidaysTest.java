package com.huiqi.shared.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huiqi.shared.error.ApiException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfficialHolidaysTest {

    private static final OfficialHolidays BUNDLED = OfficialHolidays.loadBundled();

    private static OfficialDay listed(String date) {
        return BUNDLED.find(LocalDate.parse(date))
                .orElseThrow(() -> new AssertionError(date + " should be named by a notice"));
    }

    @Test
    void bundledDataCoversExactlyTheNoticesShipped() {
        assertEquals(List.of(2023, 2024, 2025, 2026), List.copyOf(BUNDLED.coveredYears()));
        assertTrue(BUNDLED.isPublished(2025));
        assertFalse(BUNDLED.isPublished(2022));
        assertFalse(BUNDLED.isPublished(2027));
    }

    @Test
    void springFestival2025IsEightDaysOffWithTwoMakeUpWeekendDays() {
        for (LocalDate d = LocalDate.of(2025, 1, 28); !d.isAfter(LocalDate.of(2025, 2, 4)); d = d.plusDays(1)) {
            OfficialDay day = listed(d.toString());
            assertTrue(day.offDay(), d + " should be off");
            assertEquals("春节", day.name());
        }
        OfficialDay jan26 = listed("2025-01-26");
        assertEquals(DayOfWeek.SUNDAY, jan26.date().getDayOfWeek());
        assertTrue(jan26.makeUpWorkingDay());
        OfficialDay feb8 = listed("2025-02-08");
        assertEquals(DayOfWeek.SATURDAY, feb8.date().getDayOfWeek());
        assertTrue(feb8.makeUpWorkingDay());
        // The days around the holiday that the notice does not name.
        assertEquals(Optional.empty(), BUNDLED.find(LocalDate.of(2025, 1, 27)));
        assertEquals(Optional.empty(), BUNDLED.find(LocalDate.of(2025, 2, 5)));
    }

    @Test
    void newYear2026IsReadFromThe2026NoticeAndNewYearsEve2025IsOrdinary() {
        assertEquals(Optional.empty(), BUNDLED.find(LocalDate.of(2025, 12, 31)));
        for (int day = 1; day <= 3; day++) {
            OfficialDay d = listed("2026-01-0" + day);
            assertTrue(d.offDay());
            assertEquals("元旦", d.name());
        }
        assertTrue(listed("2026-01-04").makeUpWorkingDay());
        assertEquals(new OfficialDay(LocalDate.of(2025, 1, 1), "元旦", true), listed("2025-01-01"));
    }

    @Test
    void aDateListedByTheNextYearsNoticeIsNotAnsweredWhileItsOwnYearIsMissing() {
        // 2023.json lists 2022-12-31 (元旦), but 2022's own notice is not bundled.
        ApiException e = assertThrows(ApiException.class, () -> BUNDLED.find(LocalDate.of(2022, 12, 31)));
        assertEquals(422, e.status());
        assertEquals("CALENDAR_YEAR_NOT_PUBLISHED", e.code());
        assertTrue(e.messageZh().contains("2022年"), e.messageZh());
        assertNull(e.field());
    }

    @Test
    void unpublishedFutureYearSaysNotYetPublished() {
        ApiException e = assertThrows(ApiException.class, () -> BUNDLED.find(LocalDate.of(2027, 3, 1)));
        assertEquals(422, e.status());
        assertEquals(OfficialHolidays.YEAR_NOT_PUBLISHED, e.code());
        assertEquals("2027年的法定节假日安排尚未发布，无法计算工作日", e.messageZh());
        assertTrue(e.messageEn().contains("2027"), e.messageEn());
        assertNull(e.field());
    }

    // --- loader behaviour against fixture files ---

    @TempDir
    Path dir;

    private void write(int fileYear, int declaredYear, String daysJson) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("holidays-cn"));
        String json = "{\"$schema\":\"s\",\"$id\":\"i\",\"year\":" + declaredYear
                + ",\"papers\":[\"http://example.invalid\"],\"days\":[" + daysJson + "]}";
        Files.writeString(folder.resolve(fileYear + ".json"), json, StandardCharsets.UTF_8);
    }

    private static String day(String date, String name, boolean off) {
        return "{\"name\":\"" + name + "\",\"date\":\"" + date + "\",\"isOffDay\":" + off + "}";
    }

    private OfficialHolidays loadFixtures() throws IOException {
        // No parent: only the fixture files are visible, not the bundled ones.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            return OfficialHolidays.load(loader);
        }
    }

    @Test
    void datesAreMergedByActualDateNotByFileName() throws IOException {
        // The 2025 notice names 2026-01-01; the 2026 notice names other dates.
        write(2025, 2025, day("2025-05-01", "劳动节", true) + "," + day("2026-01-01", "元旦", true));
        write(2026, 2026, day("2026-02-14", "春节", false));

        OfficialHolidays holidays = loadFixtures();

        assertEquals(List.of(2025, 2026), List.copyOf(holidays.coveredYears()));
        assertEquals(Optional.of(new OfficialDay(LocalDate.of(2026, 1, 1), "元旦", true)),
                holidays.find(LocalDate.of(2026, 1, 1)));
        assertTrue(holidays.find(LocalDate.of(2026, 2, 14)).orElseThrow().makeUpWorkingDay());
        assertEquals(Optional.empty(), holidays.find(LocalDate.of(2025, 12, 31)));
    }

    @Test
    void aYearIsCoveredByItsOwnNoticeNotByDatesInANeighbouringFile() throws IOException {
        write(2025, 2025, day("2026-01-01", "元旦", true));

        OfficialHolidays holidays = loadFixtures();

        assertEquals(List.of(2025), List.copyOf(holidays.coveredYears()));
        ApiException e = assertThrows(ApiException.class, () -> holidays.find(LocalDate.of(2026, 1, 1)));
        assertEquals("CALENDAR_YEAR_NOT_PUBLISHED", e.code());
    }

    @Test
    void contradictingNoticesFailTheLoad() throws IOException {
        write(2025, 2025, day("2026-01-04", "元旦", false));
        write(2026, 2026, day("2026-01-04", "元旦", true));

        IllegalStateException e = assertThrows(IllegalStateException.class, this::loadFixtures);
        assertTrue(e.getMessage().contains("2026-01-04"), e.getMessage());
    }

    @Test
    void aFileDeclaringAnotherYearFailsTheLoad() throws IOException {
        write(2025, 2024, day("2025-01-01", "元旦", true));

        assertThrows(IllegalStateException.class, this::loadFixtures);
    }

    @Test
    void aMakeUpWorkingDayOnAWeekdayFailsTheLoad() throws IOException {
        write(2025, 2025, day("2025-01-02", "元旦", false)); // a Thursday

        IllegalStateException e = assertThrows(IllegalStateException.class, this::loadFixtures);
        assertTrue(e.getMessage().contains("2025.json"), e.getMessage());
    }

    @Test
    void anUnexpectedFieldFailsTheLoad() throws IOException {
        write(2025, 2025, "{\"name\":\"元旦\",\"date\":\"2025-01-01\",\"isOffDay\":true,\"note\":\"x\"}");

        assertThrows(IllegalStateException.class, this::loadFixtures);
    }

    @Test
    void noDataAtAllFailsTheLoadInsteadOfRefusingEveryDateLater() {
        assertThrows(IllegalStateException.class, this::loadFixtures);
    }
}
