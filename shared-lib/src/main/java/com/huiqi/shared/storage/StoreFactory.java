package com.huiqi.shared.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.shared.tenancy.Keys;
import com.huiqi.shared.tenancy.TenantId;

/**
 * Hands out {@link TenantStore}s. Handlers ask the request context for the caller's store; only
 * the platform operator's code paths ask for another tenant's store explicitly, and they audit it.
 */
public final class StoreFactory {

    private final TenantClients clients;
    private final ObjectMapper mapper;

    public StoreFactory(TenantClients clients, ObjectMapper mapper) {
        this.clients = clients;
        this.mapper = mapper;
    }

    public TenantStore forTenant(TenantId tenant) {
        return new TenantStore(Keys.forTenant(tenant), clients.forTenant(tenant), clients.lowLevel(tenant), mapper);
    }
}
