package com.huiqi.shared.calendar;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The official holiday arrangements of the State Council (《国务院办公厅关于YYYY年部分节假日安排的通知》)
 * for the years whose notice is bundled in {@code holidays-cn/YYYY.json} (see the README there).
 *
 * <p>Two rules make this more than a map:
 * <ul>
 *   <li>Files are named after the <em>notice's</em> year, and a notice may list dates of the
 *       neighbouring year (the 2023 notice lists 2022-12-31). All files are therefore merged by
 *       actual date; no lookup goes through a file name.</li>
 *   <li>Whether year Y is known is decided by Y's notice being bundled ({@link #coveredYears()}), not
 *       by dates of Y happening to appear somewhere. Every question about a date in an uncovered year
 *       throws {@code 422 CALENDAR_YEAR_NOT_PUBLISHED}: a Monday–Friday guess would silently produce
 *       wrong legal deadlines around the next Spring Festival.</li>
 * </ul>
 *
 * <p>Caveat: the notice for Y+1 may still move late-December days of Y (the 2019 notice made
 * 2018-12-29 a working Saturday). Until Y+1 is bundled, late December of Y rests on Y's notice alone.
 *
 * <p>Immutable and thread-safe; load it once per process and share it.
 */
public final class OfficialHolidays {

    /** Error code for a date in a year whose holiday notice is not bundled. */
    public static final String YEAR_NOT_PUBLISHED = "CALENDAR_YEAR_NOT_PUBLISHED";

    static final String RESOURCE_DIR = "holidays-cn/";

    // Resources cannot be listed portably from a jar, so the loader probes every plausible year;
    // dropping in a new YYYY.json is then the whole upgrade. 101 misses once per cold start are cheap.
    private static final int FIRST_PROBED_YEAR = 2000;
    private static final int LAST_PROBED_YEAR = 2100;

    private final SortedSet<Integer> coveredYears;
    private final Map<LocalDate, OfficialDay> days;

    private OfficialHolidays(SortedSet<Integer> coveredYears, Map<LocalDate, OfficialDay> days) {
        this.coveredYears = Collections.unmodifiableSortedSet(coveredYears);
        this.days = Map.copyOf(days);
    }

    /**
     * Loads the notices bundled under {@code holidays-cn/} on the classpath. Fails (rather than
     * yielding an empty calendar) when the data is missing, malformed or self-contradictory, so a bad
     * build is caught at start-up and not as a wrong deadline later.
     *
     * @throws IllegalStateException when no file is found or a file is invalid
     * @throws UncheckedIOException  when a file cannot be read
     */
    public static OfficialHolidays loadBundled() {
        return load(OfficialHolidays.class.getClassLoader());
    }

    /** Same as {@link #loadBundled()} against another class loader; tests use it with fixture files. */
    static OfficialHolidays load(ClassLoader loader) {
        ObjectMapper mapper = Json.newMapper();
        List<Integer> years = new ArrayList<>();
        List<OfficialDay> days = new ArrayList<>();
        for (int year = FIRST_PROBED_YEAR; year <= LAST_PROBED_YEAR; year++) {
            String name = RESOURCE_DIR + year + ".json";
            URL url = loader.getResource(name);
            if (url == null) {
                continue;
            }
            NoticeFile notice;
            try (InputStream in = url.openStream()) {
                notice = mapper.readValue(in, NoticeFile.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Malformed holiday notice " + name + ": " + e.getOriginalMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read holiday notice " + name, e);
            }
            if (notice.year() == null || notice.year() != year) {
                throw new IllegalStateException(name + " declares year " + notice.year());
            }
            if (notice.days() == null) {
                throw new IllegalStateException(name + " has no days");
            }
            years.add(year);
            for (NoticeDay day : notice.days()) {
                try {
                    days.add(new OfficialDay(day.date(), day.name(), day.isOffDay()));
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new IllegalStateException("Invalid entry in " + name + ": " + e.getMessage(), e);
                }
            }
        }
        if (years.isEmpty()) {
            throw new IllegalStateException("No holiday notices found under " + RESOURCE_DIR);
        }
        return of(years, days);
    }

    /**
     * Builds the arrangements from already parsed data, merging by date exactly like the loader does.
     * Meant for tests elsewhere that need a small, fixed calendar.
     *
     * @param coveredYears the years whose notice is included
     * @param days         all dates named by those notices, in any order; a date named twice must agree
     *                     on whether it is a day off (the first name is kept)
     * @throws IllegalStateException when two entries for one date contradict each other
     */
    public static OfficialHolidays of(Collection<Integer> coveredYears, Collection<OfficialDay> days) {
        Map<LocalDate, OfficialDay> byDate = new HashMap<>();
        for (OfficialDay day : days) {
            OfficialDay earlier = byDate.putIfAbsent(day.date(), day);
            if (earlier != null && earlier.offDay() != day.offDay()) {
                throw new IllegalStateException("Contradicting holiday entries for " + day.date()
                        + ": " + earlier + " and " + day);
            }
        }
        return new OfficialHolidays(new TreeSet<>(coveredYears), byDate);
    }

    /** The years whose notice is bundled, ascending; only dates in these years can be answered. */
    public SortedSet<Integer> coveredYears() {
        return coveredYears;
    }

    /** Whether the notice for {@code year} is bundled. Never throws. */
    public boolean isPublished(int year) {
        return coveredYears.contains(year);
    }

    /**
     * What the notices say about {@code date}: a day off, a make-up working day, or nothing (an
     * ordinary day that follows the weekend rule).
     *
     * @throws ApiException {@code 422 CALENDAR_YEAR_NOT_PUBLISHED} when the date's year is not covered,
     *                      even if a neighbouring year's notice happens to list the date
     */
    public Optional<OfficialDay> find(LocalDate date) {
        requirePublished(date);
        return Optional.ofNullable(days.get(date));
    }

    /**
     * Throws unless the notice for {@code date}'s year is bundled.
     *
     * @throws ApiException {@code 422 CALENDAR_YEAR_NOT_PUBLISHED}
     */
    public void requirePublished(LocalDate date) {
        Objects.requireNonNull(date, "date");
        int year = date.getYear();
        if (isPublished(year)) {
            return;
        }
        // A year before the bundled data was published long ago, just not included; saying
        // "not yet published" about it would mislead the user.
        if (!coveredYears.isEmpty() && year < coveredYears.last()) {
            throw yearNotBundled(year);
        }
        throw yearNotPublished(year);
    }

    /**
     * The error for a year whose notice has not been published yet (typically next year before the
     * State Council's autumn notice).
     */
    public static ApiException yearNotPublished(int year) {
        return new ApiException(422, YEAR_NOT_PUBLISHED,
                year + "年的法定节假日安排尚未发布，无法计算工作日",
                "The official holiday arrangements for " + year
                        + " have not been published yet; working days cannot be calculated",
                null);
    }

    /** The error for a past year whose notice this system does not include. Same code as above. */
    public static ApiException yearNotBundled(int year) {
        return new ApiException(422, YEAR_NOT_PUBLISHED,
                "系统未收录" + year + "年的法定节假日安排，无法计算工作日",
                "The official holiday arrangements for " + year
                        + " are not included in this system; working days cannot be calculated",
                null);
    }

    @Override
    public String toString() {
        return "OfficialHolidays" + coveredYears;
    }

    /**
     * One bundled file, as NateScarlet/holiday-cn writes it. Unknown fields fail the load, and the
     * wrappers make a missing {@code year} or {@code isOffDay} an error instead of a silent default.
     */
    private record NoticeFile(
            @JsonProperty("$schema") String schema,
            @JsonProperty("$id") String id,
            @JsonProperty("year") Integer year,
            @JsonProperty("papers") List<String> papers,
            @JsonProperty("days") List<NoticeDay> days) {
    }

    private record NoticeDay(
            @JsonProperty("name") String name,
            @JsonProperty("date") LocalDate date,
            @JsonProperty("isOffDay") Boolean isOffDay) {
    }
}
