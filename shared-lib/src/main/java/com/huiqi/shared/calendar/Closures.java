package com.huiqi.shared.calendar;

import java.time.LocalDate;
import java.util.List;

/** A tenant's local closures (days off beyond the national calendar), as stored and as sent by the admin. */
public record Closures(List<Closure> closures, Long version) {

    public record Closure(LocalDate date, String reason) {
    }
}
