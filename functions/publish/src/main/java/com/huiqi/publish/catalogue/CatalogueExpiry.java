package com.huiqi.publish.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.publish.catalogue.CatalogueEntry.PublicationStatus;
import com.huiqi.publish.model.PolicyDocument;
import com.huiqi.shared.config.PlatformBeans;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.Page;
import com.huiqi.shared.storage.Stored;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.tenancy.TenantId;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Expiry by the validity date (有效期), without anyone acting: a published policy document whose
 * {@code validUntil} has passed in the tenant's zone becomes EXPIRED — still readable, no longer
 * listed for enterprises — with an audit record by the system.
 *
 * <p>Publishing a document with a validity end writes an {@link ExpiryMark} in the tenant's
 * {@code EXPIRY} partition, sorted by date, so the daily check is one query of the marks that are
 * due rather than a read of the whole catalogue. A mark is only a hint: the entry is expired only
 * if its current published version still ends on that date; a mark left behind by a republication
 * with another date is dropped.
 */
@Singleton
public class CatalogueExpiry {

    static final String MARK_ENTITY = "ExpiryMark";

    private final ObjectMapper mapper;

    public CatalogueExpiry(@Named(PlatformBeans.MAPPER) ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Where an entry's validity ends, filed under that date. */
    public record ExpiryMark(String kind, String code, LocalDate validUntil) {
    }

    /** The system actor that expiry audit records name. */
    public static Caller systemActor(TenantId tenant) {
        return new Caller("system", "system:expiry", tenant, Set.of(), Optional.empty());
    }

    static ItemKey markKey(TenantStore store, CatalogueKind kind, String code, LocalDate validUntil) {
        return ItemKey.of(store.keys().pk("EXPIRY"), validUntil + "#" + kind.segment() + "#" + code);
    }

    /** The mark to write when {@code content} is published, if its validity has an end. */
    static Optional<ExpiryMark> markFor(CatalogueKind kind, String code, Object content) {
        return content instanceof PolicyDocument d && d.validUntil() != null
                ? Optional.of(new ExpiryMark(kind.segment(), code, d.validUntil()))
                : Optional.empty();
    }

    /**
     * Expires every entry of the tenant whose validity ended before {@code today}.
     *
     * @return how many entries were expired
     */
    public int expireDue(TenantStore store, LocalDate today, String requestId) {
        int expired = 0;
        String cursor = null;
        do {
            Page<ExpiryMark> due = store.queryBefore(store.keys().pk("EXPIRY"), today.toString(), ExpiryMark.class, 100,
                    cursor);
            for (ExpiryMark mark : due.items()) {
                if (expire(store, mark, requestId)) {
                    expired++;
                }
            }
            cursor = due.nextCursor();
        } while (cursor != null);
        return expired;
    }

    private boolean expire(TenantStore store, ExpiryMark mark, String requestId) {
        CatalogueKind kind = CatalogueKind.fromSegment(mark.kind());
        ItemKey markKey = markKey(store, kind, mark.code(), mark.validUntil());
        long markVersion = store.get(markKey.pk(), markKey.sk(), ExpiryMark.class).map(Stored::version).orElse(0L);
        if (markVersion == 0) {
            return false; // expired by a run that overlapped this one
        }
        Caller system = systemActor(store.keys().tenant());
        Optional<Stored<CatalogueEntry>> head = store.get(Catalogue.pk(store, kind, mark.code()), "HEAD", CatalogueEntry.class);
        boolean due = head.isPresent() && head.get().value().status() == PublicationStatus.PUBLISHED
                && stillEndsOn(store, kind, head.get().value(), mark.validUntil());
        var transaction = store.begin(system, requestId).delete(markKey, markVersion);
        if (due) {
            CatalogueEntry before = head.get().value();
            CatalogueEntry after = before.with(PublicationStatus.EXPIRED, before.publishedVersion(), before.publishedAt(),
                    before.revision(), "有效期至" + mark.validUntil() + "，已届满（validity ended " + mark.validUntil() + "）",
                    before.displayName(), Instant.now());
            transaction.update(Catalogue.headKey(store, kind, mark.code()), Catalogue.ENTITY, after, head.get().version())
                    .audit("catalogue.expire", kind.segment(), mark.code(), before, after);
        }
        transaction.commit();
        return due;
    }

    private boolean stillEndsOn(TenantStore store, CatalogueKind kind, CatalogueEntry entry, LocalDate validUntil) {
        PublishedVersion published = store.get(Catalogue.pk(store, kind, entry.code()),
                Catalogue.versionSk(entry.publishedVersion()), PublishedVersion.class).map(Stored::value).orElse(null);
        if (published == null) {
            return false;
        }
        Object content = mapper.convertValue(published.content(), kind.type());
        return markFor(kind, entry.code(), content).map(m -> m.validUntil().equals(validUntil)).orElse(false);
    }
}
