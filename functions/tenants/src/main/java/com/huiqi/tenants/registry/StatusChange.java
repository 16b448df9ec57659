package com.huiqi.tenants.registry;

/** The body of suspend, resume and offboard: why, for the audit trail. */
public record StatusChange(String reason) {
}
