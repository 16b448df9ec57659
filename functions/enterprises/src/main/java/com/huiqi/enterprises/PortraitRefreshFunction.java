package com.huiqi.enterprises;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.huiqi.enterprises.directory.DirectoryIndex;
import com.huiqi.enterprises.directory.DirectoryIndexes;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.storage.StoreFactory;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.tenancy.TenantId;
import com.huiqi.shared.tenancy.TenantRecord;
import com.huiqi.shared.tenancy.TenantRegistry;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda handler of the portrait refresh schedule ({@code com.huiqi.enterprises.PortraitRefreshFunction::handleRequest}):
 * tags are kept current when time alone changes them (an activity leaves the 90-day behaviour
 * window, an enterprise's anniversary moves its age). Every file item says when its portrait is
 * next due; the directory index holds that moment, so each run asks each center's index for the
 * files due, never scanning the table, and recomputes them. A run takes at most {@link #PER_TENANT}
 * files of a tenant; the rest are still due at the next run. Each tenant is handled on its own
 * tenant-scoped store; one tenant's failure does not stop the others.
 */
public class PortraitRefreshFunction extends MicronautRequestHandler<ScheduledEvent, PortraitRefreshFunction.Run> {

    static final int PER_TENANT = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(PortraitRefreshFunction.class);

    @Inject
    TenantRegistry registry;

    @Inject
    StoreFactory stores;

    @Inject
    DirectoryIndexes directories;

    @Inject
    EnterpriseFiles files;

    /** What one run did. */
    public record Run(int tenants, int refreshed, int failedTenants) {
    }

    @Override
    public Run execute(ScheduledEvent event) {
        String runId = event.getId() == null ? UUID.randomUUID().toString() : event.getId();
        int tenants = 0;
        int refreshed = 0;
        int failed = 0;
        for (TenantRecord tenant : registry.served()) {
            tenants++;
            try {
                int n = refresh(stores.forTenant(TenantId.of(tenant.code())), runId);
                refreshed += n;
                if (n > 0) {
                    LOG.info("{\"tenant\":\"{}\",\"portraitsRefreshed\":{},\"run\":\"{}\"}", tenant.code(), n, runId);
                }
            } catch (RuntimeException e) {
                failed++;
                LOG.error("portrait refresh failed for tenant " + tenant.code() + " (run " + runId + ")", e);
            }
        }
        return new Run(tenants, refreshed, failed);
    }

    private int refresh(TenantStore store, String runId) {
        Optional<DirectoryIndex> index = directories.of(store);
        if (index.isEmpty()) {
            return 0;
        }
        List<String> due = index.get().portraitsDue(Instant.now(), PER_TENANT);
        Caller system = new Caller("system", "system:portrait-refresh", store.keys().tenant(), Set.of(), Optional.empty());
        int refreshed = 0;
        for (String code : due) {
            if (files.refreshPortrait(store, system, runId, code)) {
                refreshed++;
            }
        }
        return refreshed;
    }
}
