package com.huiqi.shared.tenancy;

import java.util.Objects;

/**
 * The only place that builds DynamoDB keys. Every partition key (and every GSI partition key) is
 * {@code <tenant>#<entity>[#<id>]}; a {@code Keys} cannot exist without a tenant, and repositories
 * take a {@code Keys}, so no code path can address an item without naming its tenant first.
 */
public final class Keys {

    public static final char SEPARATOR = '#';

    private final TenantId tenant;

    private Keys(TenantId tenant) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
    }

    public static Keys forTenant(TenantId tenant) {
        return new Keys(tenant);
    }

    public TenantId tenant() {
        return tenant;
    }

    /** Partition key for an entity collection or a single entity: {@code tenant#PART#PART}. */
    public String pk(String... parts) {
        StringBuilder key = new StringBuilder(tenant.value());
        for (String part : parts) {
            key.append(SEPARATOR).append(requireClean(part));
        }
        return key.toString();
    }

    /** The prefix that every key of this tenant starts with; used to prove ownership of a key read back. */
    public String tenantPrefix() {
        return tenant.value() + SEPARATOR;
    }

    public boolean owns(String partitionKey) {
        return partitionKey != null && partitionKey.startsWith(tenantPrefix());
    }

    private static String requireClean(String part) {
        if (part == null || part.isEmpty()) {
            throw new IllegalArgumentException("empty key part");
        }
        return part;
    }
}
