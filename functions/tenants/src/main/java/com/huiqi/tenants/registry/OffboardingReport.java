package com.huiqi.tenants.registry;

import java.time.Instant;

/**
 * What offboarding did: where the export is (kept in the archive bucket for at least two years,
 * 003 §6.4.4), how many items it holds, how many were deleted, and how many accounts were removed.
 */
public record OffboardingReport(String tenant, String exportBucket, String exportKey, long itemsExported,
                                long itemsDeleted, int accountsDeleted, int indexObjectsDeleted, Instant finishedAt) {
}
