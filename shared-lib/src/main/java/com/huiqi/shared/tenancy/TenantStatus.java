package com.huiqi.shared.tenancy;

/** A tenant's lifecycle. Only ACTIVE tenants' users may call anything. */
public enum TenantStatus {
    ACTIVE,
    /** Temporarily closed by the operator: every user of the tenant gets 403 until resumed. */
    SUSPENDED,
    /** Data exported and deleted; the registry entry stays as the record of it. */
    OFFBOARDED
}
