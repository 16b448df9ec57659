package com.huiqi.shared.tenancy;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A tenant (center) as the platform registry keeps it, under the platform partition.
 *
 * @param code       the tenant id, also {@code custom:tenant_id} in its users' tokens
 * @param regionCode the administrative division code (GB/T 2260, six digits) the center serves
 * @param timeZone   the zone in which its dates and working days are counted
 * @param sla        default time limits in working days, per ticket kind (PRODUCT.md "Complain")
 */
public record TenantRecord(
        String code,
        String name,
        String regionCode,
        String timeZone,
        SlaDefaults sla,
        TenantStatus status,
        Instant createdAt,
        Instant updatedAt,
        String statusReason) {

    /** Working-day limits. Defaults follow Fujian (consultation 2, suggestion 5, demand 10) and Shanghai 1515. */
    public record SlaDefaults(int firstContactDays, int consultationDays, int suggestionDays, int demandDays,
                              int crossDepartmentDemandDays, int complaintDays) {

        public static SlaDefaults standard() {
            return new SlaDefaults(1, 2, 5, 10, 15, 5);
        }
    }

    /** Where a center's dates and working days are counted unless it says otherwise. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    /** The zone of this center's dates and working days. */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public TenantRecord withStatus(TenantStatus newStatus, String reason, Instant at) {
        return new TenantRecord(code, name, regionCode, timeZone, sla, newStatus, createdAt, at, reason);
    }
}
