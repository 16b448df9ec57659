package com.huiqi.shared.tenancy;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a caller's center is active, as every request must check: the registry item is read
 * once per {@link #FRESH_MILLIS} per tenant and execution environment instead of once per request
 * (it was a consistent GetItem on every call, as long as the rest of a search). Only an active
 * record is kept: a suspension reaches every instance within that time, as an edited synonym or a
 * new index generation reaches search; a suspended, offboarded or unknown tenant is read again on
 * each request, so a resumed or new center is served at once. Bounded like the other per-tenant
 * caches: least recently used tenants are forgotten first.
 *
 * <p>A record is kept until the end of the clock's one-second window it was read in (so at most a
 * second), not for a second from its read: every per-tenant cache that counts windows from the
 * epoch then expires on the same request, which pays the reads together, instead of each cache
 * putting another request into the latency's tail.
 */
public final class ActiveCenters {

    public static final long FRESH_MILLIS = 1_000;
    private static final int MAX_TENANTS = 1_024;

    private final TenantRegistry registry;
    private final Clock clock;
    private final Map<TenantId, Entry> active = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TenantId, Entry> eldest) {
            return size() > MAX_TENANTS;
        }
    };

    private record Entry(TenantRecord center, long readAt) {
    }

    public ActiveCenters(TenantRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** The tenant's record if it is active, else empty. */
    public Optional<TenantRecord> find(TenantId tenant) {
        long now = clock.millis();
        synchronized (active) {
            Entry e = active.get(tenant);
            if (e != null && Math.floorDiv(now, FRESH_MILLIS) == Math.floorDiv(e.readAt(), FRESH_MILLIS)) {
                return Optional.of(e.center());
            }
        }
        Optional<TenantRecord> center = registry.find(tenant).map(s -> s.value())
                .filter(c -> c.status() == TenantStatus.ACTIVE);
        synchronized (active) {
            if (center.isPresent()) {
                active.put(tenant, new Entry(center.get(), now));
            } else {
                active.remove(tenant);
            }
        }
        return center;
    }
}
