package com.huiqi.shared.usage;

import com.huiqi.shared.http.ApiRequest;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.identity.Role;
import com.huiqi.shared.storage.TenantStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Records usage events ({@link UsageEvent}) from the request paths that serve entries to readers.
 * Only enterprise users count: the figures measure public interest, and a center's staff, its
 * departments, experts and auditors open entries for their work (reviewing, answering,
 * supervising), which would inflate them.
 *
 * <p>A request writes one small item, with one PutItem, started on a writer thread as soon as the
 * entries are known and awaited by the dispatcher after the response is rendered
 * ({@link ApiRequest#alongside}); it never adds a write per entry to the request. The plain
 * synchronous client on a thread of its own does what the SDK's asynchronous client would,
 * without bringing Netty (and its cold start) into functions that otherwise do without it.
 */
@Singleton
public class UsageEvents {

    /** Roles whose reading is work, not interest; a caller holding any of them does not count. */
    private static final Set<Role> WORKING_ROLES = EnumSet.of(Role.PLATFORM_OPERATOR, Role.CENTER_ADMIN, Role.STAFF,
            Role.DEPARTMENT, Role.EXPERT, Role.AUDITOR);

    /** Daemon threads: an event write never keeps a JVM alive, and the dispatcher has waited for each. */
    private final ExecutorService writer = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "usage-events");
        thread.setDaemon(true);
        return thread;
    });
    private final Clock clock = Clock.systemUTC();

    /** Whether this caller's use of the catalogue counts: enterprise users, and only them. */
    public static boolean counts(Caller caller) {
        return caller.has(Role.ENTERPRISE) && !caller.hasAny(WORKING_ROLES);
    }

    /**
     * Starts writing the event that the caller used {@code entries} (once each, in order), if the
     * caller counts and there are any; the dispatcher waits for the write before answering.
     */
    public void record(ApiRequest request, UsageEvent.Type type, List<UsageEvent.EntryRef> entries) {
        if (entries.isEmpty() || !counts(request.caller())) {
            return;
        }
        UsageEvent event = event(type, entries, request.zone());
        TenantStore store = request.store();
        request.alongside(CompletableFuture.runAsync(
                () -> store.putEvent(event.key(store.keys()), UsageEvent.ENTITY, event), writer));
    }

    /** A new event at the current instant, dated by the tenant's {@code zone}; for writers that put it in a transaction. */
    public UsageEvent event(UsageEvent.Type type, List<UsageEvent.EntryRef> entries, ZoneId zone) {
        Instant now = clock.instant();
        return new UsageEvent(UUID.randomUUID().toString(), type, now, now.atZone(zone).toLocalDate().toString(),
                List.copyOf(new LinkedHashSet<>(entries)), now.plus(UsageEvent.KEPT).getEpochSecond());
    }
}
