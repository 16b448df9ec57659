package com.huiqi.shared.tenancy;

import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.StoreFactory;
import com.huiqi.shared.storage.Stored;
import com.huiqi.shared.storage.TenantStore;
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
}
