package com.huiqi.shared.tenancy;

import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.Page;
import com.huiqi.shared.storage.StoreFactory;
import com.huiqi.shared.storage.Stored;
import com.huiqi.shared.storage.TenantStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The platform's list of tenants. It lives in the platform's own partition
 * ({@code platform#TENANT}), so it is reachable only through the platform store.
 */
public final class TenantRegistry {

    public static final String ENTITY = "Tenant";

    private final TenantStore platform;

    public TenantRegistry(StoreFactory stores) {
        this.platform = stores.forTenant(TenantId.PLATFORM);
    }

    public static ItemKey keyOf(Keys platformKeys, TenantId tenant) {
        return ItemKey.of(platformKeys.pk("TENANT"), tenant.value());
    }

    public Optional<Stored<TenantRecord>> find(TenantId tenant) {
        return platform.get(platform.keys().pk("TENANT"), tenant.value(), TenantRecord.class);
    }

    public TenantStore platformStore() {
        return platform;
    }

    /** Every tenant the platform still serves (all but the offboarded), read page by page: for scheduled work. */
    public List<TenantRecord> served() {
        List<TenantRecord> served = new ArrayList<>();
        String cursor = null;
        do {
            Page<TenantRecord> page = platform.query(platform.keys().pk("TENANT"), "", TenantRecord.class, 100, cursor);
            page.items().stream().filter(t -> t.status() != TenantStatus.OFFBOARDED).forEach(served::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        return served;
    }
}
