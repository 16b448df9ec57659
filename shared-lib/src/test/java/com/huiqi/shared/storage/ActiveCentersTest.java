package com.huiqi.shared.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.identity.Role;
import com.huiqi.shared.json.Json;
import com.huiqi.shared.tenancy.ActiveCenters;
import com.huiqi.shared.tenancy.TenantId;
import com.huiqi.shared.tenancy.TenantRecord;
import com.huiqi.shared.tenancy.TenantRegistry;
import com.huiqi.shared.tenancy.TenantStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dispatcher's check of the caller's center: a suspension takes effect within the freshness bound, a resumption at once. */
class ActiveCentersTest {

    private static final Caller OPERATOR = new Caller("sub-op", "operator", TenantId.PLATFORM, Set.of(Role.PLATFORM_OPERATOR),
            Optional.empty());

    private static EmbeddedDynamo dynamo;
    private static TenantRegistry registry;

    /** A clock the test moves by hand, starting at the start of a window. */
    private static final class Hand extends Clock {
        long millis = 1_000_000;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    @BeforeAll
    static void start() {
        dynamo = new EmbeddedDynamo();
        registry = new TenantRegistry(new StoreFactory(new TenantClients(dynamo.client(), null, Optional.empty(), List.of()),
                Json.newMapper()));
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    @Test
    void aSuspensionIsSeenWithinTheBoundAndAResumptionAtOnce() {
        TenantId tenant = TenantId.of("cache-test");
        Hand clock = new Hand();
        ActiveCenters centers = new ActiveCenters(registry, clock);
        assertTrue(centers.find(tenant).isEmpty(), "an unknown tenant is not active");

        write(tenant, TenantStatus.ACTIVE, 0);
        assertEquals(TenantStatus.ACTIVE, centers.find(tenant).orElseThrow().status(), "an unknown tenant is read again");

        write(tenant, TenantStatus.SUSPENDED, 1);
        clock.millis += ActiveCenters.FRESH_MILLIS - 1;
        assertTrue(centers.find(tenant).isPresent(), "served from the instance's copy within the bound");
        clock.millis += 1;
        assertTrue(centers.find(tenant).isEmpty(), "the suspension is seen once the bound has passed");

        write(tenant, TenantStatus.ACTIVE, 2);
        assertTrue(centers.find(tenant).isPresent(), "a suspended tenant is read on every request, so resuming is immediate");
    }

    @Test
    void aRecordReadLateInItsWindowIsReadAgainAtTheWindowsEnd() {
        TenantId tenant = TenantId.of("window-test");
        Hand clock = new Hand();
        ActiveCenters centers = new ActiveCenters(registry, clock);
        write(tenant, TenantStatus.ACTIVE, 0);
        clock.millis += ActiveCenters.FRESH_MILLIS - 100;
        assertTrue(centers.find(tenant).isPresent());
        write(tenant, TenantStatus.SUSPENDED, 1);
        clock.millis += 100;
        assertTrue(centers.find(tenant).isEmpty(), "windows are counted from the epoch, so every cache expires together");
    }

    private static void write(TenantId tenant, TenantStatus status, long version) {
        TenantStore platform = registry.platformStore();
        Instant now = Instant.now();
        TenantRecord record = new TenantRecord(tenant.value(), "缓存测试中心", "320571", "Asia/Shanghai",
                TenantRecord.SlaDefaults.standard(), status, now, now, null);
        var tx = platform.begin(OPERATOR, "r-" + version);
        if (version == 0) {
            tx.create(TenantRegistry.keyOf(platform.keys(), tenant), TenantRegistry.ENTITY, record);
        } else {
            tx.update(TenantRegistry.keyOf(platform.keys(), tenant), TenantRegistry.ENTITY, record, version);
        }
        tx.audit("tenant.status", TenantRegistry.ENTITY, tenant.value(), null, record).commit();
    }
}
