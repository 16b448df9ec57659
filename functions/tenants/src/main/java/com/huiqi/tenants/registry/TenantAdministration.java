package com.huiqi.tenants.registry;

import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.identity.Role;
import com.huiqi.shared.storage.Page;
import com.huiqi.shared.storage.StoreFactory;
import com.huiqi.shared.storage.Stored;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.storage.Transaction;
import com.huiqi.shared.tenancy.TenantId;
import com.huiqi.shared.tenancy.TenantRecord;
import com.huiqi.shared.tenancy.TenantRecord.SlaDefaults;
import com.huiqi.shared.tenancy.TenantRegistry;
import com.huiqi.shared.tenancy.TenantStatus;
import com.huiqi.shared.validation.Fields;
import com.huiqi.tenants.users.NewUser;
import com.huiqi.tenants.users.UserDirectory;
import com.huiqi.tenants.users.UserView;
import jakarta.inject.Singleton;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The platform operator's work on tenants: onboard, list, suspend, resume, offboard. Every change
 * is audited in the platform's own trail; onboarding also audits in the new tenant's trail.
 */
@Singleton
public class TenantAdministration {

    private final StoreFactory stores;
    private final TenantRegistry registry;
    private final UserDirectory users;
    private final Offboarder offboarder;

    public TenantAdministration(StoreFactory stores, TenantRegistry registry, UserDirectory users, Offboarder offboarder) {
        this.stores = stores;
        this.registry = registry;
        this.users = users;
        this.offboarder = offboarder;
    }

    public TenantView onboard(Caller operator, String requestId, Onboarding request) {
        TenantId id = TenantId.forNewTenant(request.code());
        String name = Fields.text("name", request.name(), 2, 64);
        String region = Fields.regionCode("regionCode", request.regionCode());
        String zone = zone(request.timeZone());
        SlaDefaults sla = request.sla() == null ? SlaDefaults.standard() : validSla(request.sla());
        Onboarding.Admin admin = request.admin();
        if (admin == null) {
            throw ApiException.validation("admin", "须指定首位中心管理员", "The first center admin is required");
        }
        if (registry.find(id).isPresent()) {
            throw ApiException.conflict("TENANT_EXISTS", "租户编码已存在", "A tenant with this code exists");
        }
        Instant now = Instant.now();
        TenantRecord tenant = new TenantRecord(id.value(), name, region, zone, sla, TenantStatus.ACTIVE, now, now, null);
        TenantStore platform = registry.platformStore();
        TenantStore tenantStore = stores.forTenant(id);
        // One transaction: the registry entry, its audit, the admin's directory entry and its audit.
        Transaction tx = platform.begin(operator, requestId)
                .create(TenantRegistry.keyOf(platform.keys(), id), TenantRegistry.ENTITY, tenant)
                .audit("tenant.onboard", TenantRegistry.ENTITY, id.value(), null, tenant);
        UserView adminView = users.createIn(tenantStore, tx.on(tenantStore), new NewUser(admin.username(), admin.name(),
                admin.email(), admin.phone(), List.of(Role.CENTER_ADMIN.group()), null, null, null));
        return new TenantView(tenant, 1, adminView);
    }

    public Page<TenantRecord> list(int limit, String cursor, TenantStatus status) {
        TenantStore platform = registry.platformStore();
        Page<TenantRecord> page = platform.query(platform.keys().pk("TENANT"), "", TenantRecord.class, limit, cursor);
        return status == null ? page
                : new Page<>(page.items().stream().filter(t -> t.status() == status).toList(), page.nextCursor());
    }

    public TenantView get(String code) {
        Stored<TenantRecord> stored = find(code);
        return new TenantView(stored.value(), stored.version(), null);
    }

    public TenantView changeStatus(Caller operator, String requestId, String code, TenantStatus target, StatusChange change) {
        Stored<TenantRecord> stored = find(code);
        TenantRecord before = stored.value();
        TenantStatus from = before.status();
        boolean allowed = (target == TenantStatus.SUSPENDED && from == TenantStatus.ACTIVE)
                || (target == TenantStatus.ACTIVE && from == TenantStatus.SUSPENDED);
        if (!allowed) {
            throw ApiException.conflict("INVALID_TENANT_STATE", "租户当前状态为" + from + "，不能变更为" + target,
                    "A tenant in state " + from + " cannot become " + target);
        }
        String reason = Fields.text("reason", change == null ? null : change.reason(), 2, 200);
        TenantRecord after = before.withStatus(target, reason, Instant.now());
        TenantStore platform = registry.platformStore();
        platform.begin(operator, requestId)
                .update(TenantRegistry.keyOf(platform.keys(), TenantId.of(code)), TenantRegistry.ENTITY, after, stored.version())
                .audit(target == TenantStatus.SUSPENDED ? "tenant.suspend" : "tenant.resume",
                        TenantRegistry.ENTITY, code, before, after)
                .commit();
        return new TenantView(after, stored.version() + 1, null);
    }

    /**
     * Exports every item of a suspended tenant to the archive bucket, then deletes them and its
     * accounts, and marks the registry entry OFFBOARDED. Only a suspended tenant can be offboarded,
     * so no user is writing while the export runs.
     */
    public OffboardingReport offboard(Caller operator, String requestId, String code, StatusChange change) {
        Stored<TenantRecord> stored = find(code);
        if (stored.value().status() != TenantStatus.SUSPENDED) {
            throw ApiException.conflict("INVALID_TENANT_STATE", "须先暂停租户再注销", "Suspend the tenant before offboarding it");
        }
        String reason = Fields.text("reason", change == null ? null : change.reason(), 2, 200);
        TenantStore platform = registry.platformStore();
        TenantId tenant = TenantId.of(code);
        OffboardingReport report = offboarder.exportAndDelete(stores.forTenant(tenant), tenant);
        TenantRecord after = stored.value().withStatus(TenantStatus.OFFBOARDED, reason, Instant.now());
        platform.begin(operator, requestId)
                .update(TenantRegistry.keyOf(platform.keys(), tenant), TenantRegistry.ENTITY, after, stored.version())
                .audit("tenant.offboard", TenantRegistry.ENTITY, code, stored.value(), report)
                .commit();
        return report;
    }

    private Stored<TenantRecord> find(String code) {
        TenantId id;
        try {
            id = TenantId.of(code);
        } catch (ApiException e) {
            throw ApiException.notFound("租户", "tenant");
        }
        return registry.find(id).orElseThrow(() -> ApiException.notFound("租户", "tenant"));
    }

    static String zone(String timeZone) {
        if (timeZone == null) {
            return "Asia/Shanghai";
        }
        try {
            return ZoneId.of(timeZone).getId();
        } catch (DateTimeException e) {
            throw ApiException.validation("timeZone", "时区无效：" + timeZone, "Unknown time zone: " + timeZone);
        }
    }

    static SlaDefaults validSla(SlaDefaults sla) {
        int[] days = {sla.firstContactDays(), sla.consultationDays(), sla.suggestionDays(), sla.demandDays(),
                sla.crossDepartmentDemandDays(), sla.complaintDays()};
        for (int d : days) {
            if (d < 1 || d > 60) {
                throw ApiException.validation("sla", "时限须为1至60个工作日", "Time limits must be 1 to 60 working days");
            }
        }
        return sla;
    }
}
