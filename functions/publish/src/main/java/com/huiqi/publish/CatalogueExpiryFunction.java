package com.huiqi.publish;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.huiqi.publish.catalogue.CatalogueExpiry;
import com.huiqi.shared.storage.StoreFactory;
import com.huiqi.shared.tenancy.TenantId;
import com.huiqi.shared.tenancy.TenantRecord;
import com.huiqi.shared.tenancy.TenantRegistry;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda handler of the catalogue's expiry schedule
 * ({@code com.huiqi.publish.CatalogueExpiryFunction::handleRequest}): for every tenant that is not
 * offboarded, expires what passed its validity date in the tenant's own zone. Each tenant is
 * handled on its own tenant-scoped store; one tenant's failure does not stop the others.
 */
public class CatalogueExpiryFunction extends MicronautRequestHandler<ScheduledEvent, CatalogueExpiryFunction.Run> {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueExpiryFunction.class);

    @Inject
    TenantRegistry registry;

    @Inject
    StoreFactory stores;

    @Inject
    CatalogueExpiry expiry;

    /** What one run did. */
    public record Run(int tenants, int expired, int failedTenants) {
    }

    @Override
    public Run execute(ScheduledEvent event) {
        String runId = event.getId() == null ? UUID.randomUUID().toString() : event.getId();
        int tenants = 0;
        int expired = 0;
        int failed = 0;
        for (TenantRecord tenant : registry.served()) {
            tenants++;
            try {
                LocalDate today = LocalDate.now(Clock.system(ZoneId.of(tenant.timeZone())));
                int n = expiry.expireDue(stores.forTenant(TenantId.of(tenant.code())), today, runId);
                expired += n;
                if (n > 0) {
                    LOG.info("{\"tenant\":\"{}\",\"expired\":{},\"run\":\"{}\"}", tenant.code(), n, runId);
                }
            } catch (RuntimeException e) {
                failed++;
                LOG.error("expiry failed for tenant " + tenant.code() + " (run " + runId + ")", e);
            }
        }
        return new Run(tenants, expired, failed);
    }
}
