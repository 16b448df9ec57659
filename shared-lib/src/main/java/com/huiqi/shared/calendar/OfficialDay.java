package com.huiqi.shared.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One date named in a State Council holiday notice: either an official day off ({@code offDay}) or a
 * make-up working day (调休上班, {@code !offDay}). Dates a notice does not name follow the plain
 * weekend rule, so they have no {@code OfficialDay}.
 *
 * @param date   the actual date, whichever notice (file) listed it
 * @param name   the holiday it belongs to, as the notice words it, e.g. "春节" or "中秋节、国庆节"
 * @param offDay true for a day off, false for a weekend day that is worked instead
 */
public record OfficialDay(LocalDate date, String name, boolean offDay) {

    /**
     * A make-up working day on a weekday would mean nothing (weekdays are worked anyway), so it can only
     * come from corrupt data; refusing it here stops such data from loading at all.
     */
    public OfficialDay {
        Objects.requireNonNull(date, "date");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Official day " + date + " has no holiday name");
        }
        if (!offDay && !isWeekend(date)) {
            throw new IllegalArgumentException(
                    "Make-up working day " + date + " (" + name + ") is not a Saturday or Sunday");
        }
    }

    /** True when this is a weekend day worked to make up for a holiday (调休上班). */
    public boolean makeUpWorkingDay() {
        return !offDay;
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }
}
