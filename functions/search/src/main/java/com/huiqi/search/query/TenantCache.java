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
            if (e != null && now - e.readAt() < FRESH_MILLIS) {
                return e.value();
            }
        }
        T value = read.get();
        synchronized (entries) {
            entries.put(tenant, new Entry<>(value, now));
        }
        return value;
    }
}
