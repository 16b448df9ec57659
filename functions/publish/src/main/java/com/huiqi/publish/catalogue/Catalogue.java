package com.huiqi.publish.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.publish.catalogue.CatalogueEntry.PublicationStatus;
import com.huiqi.publish.catalogue.CatalogueEntry.Revision;
import com.huiqi.publish.catalogue.CatalogueEntry.RevisionState;
import com.huiqi.publish.model.ApplicationNotice;
import com.huiqi.publish.model.CatalogueContent;
import com.huiqi.publish.model.Codes;
import com.huiqi.shared.config.PlatformBeans;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.Page;
import com.huiqi.shared.storage.Stored;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.storage.Transaction;
import com.huiqi.shared.validation.Fields;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The lifecycle of catalogue entries (000 §6.1): draft → submitted for review → published →
 * expired or revoked. Editing a published entry makes a new revision while the published version
 * stays as it is; approving the revision publishes it as the next version. The reviewer is never
 * the revision's author or submitter. Every transition is audited in the same transaction.
 */
@Singleton
public class Catalogue {

    static final String ENTITY = "CatalogueEntry";
    static final String VERSION_ENTITY = "PublishedVersion";
    private static final String HEAD = "HEAD";

    private final ObjectMapper mapper;
    private final ContentChecks checks;

    public Catalogue(@Named(PlatformBeans.MAPPER) ObjectMapper mapper, ContentChecks checks) {
        this.mapper = mapper;
        this.checks = checks;
    }

    /** The body of a create: the entry's code and its first content. */
    public record NewEntry(String code, JsonNode content) {
    }

    /** The body of a draft edit. */
    public record DraftEdit(JsonNode content, Long version) {
    }

    /** The body of submit, approve, reject and revoke. */
    public record Transition(Long version, String reason) {
    }

    /** An entry as staff see it: head, its version for the next write, and the published content. */
    public record EntryView(CatalogueEntry entry, long version, PublishedVersion published) {
    }

    public EntryView create(TenantStore store, Caller actor, String requestId, CatalogueKind kind, NewEntry request) {
        String code = Codes.check("code", request.code());
        CatalogueContent content = checks.normalize(store, kind, request.content());
        if (store.get(pk(store, kind, code), HEAD, CatalogueEntry.class).isPresent()) {
            throw ApiException.conflict("CODE_EXISTS", kind.nameZh() + "编码已存在：" + code,
                    "A " + kind.segment() + " entry with code " + code + " exists");
        }
        Instant now = Instant.now();
        CatalogueEntry entry = new CatalogueEntry(kind.segment(), code, content.displayName(),
                PublicationStatus.UNPUBLISHED, null, null,
                new Revision(mapper.valueToTree(content), RevisionState.EDITING, actor.username(), now, null, null, null),
                null, null, now, now);
        store.begin(actor, requestId)
                .create(headKey(store, kind, code), ENTITY, entry)
                .audit("catalogue.create", kind.segment(), code, null, entry)
                .commit();
        return new EntryView(entry, 1, null);
    }

    public EntryView editDraft(TenantStore store, Caller actor, String requestId, CatalogueKind kind, String code,
                               DraftEdit edit) {
        Stored<CatalogueEntry> stored = head(store, kind, code);
        long version = expectVersion(edit.version());
        CatalogueEntry before = stored.value();
        if (before.status() == PublicationStatus.REVOKED) {
            throw state("已撤销的条目不能再编辑", "A revoked entry cannot be edited");
        }
        if (before.revision() != null && before.revision().state() == RevisionState.IN_REVIEW) {
            throw state("审核中的修订不能编辑，请先退回", "A revision in review cannot be edited; reject it first");
        }
        CatalogueContent content = checks.normalize(store, kind, edit.content());
        Instant now = Instant.now();
        CatalogueEntry after = before.with(before.status(), before.publishedVersion(), before.publishedAt(),
                new Revision(mapper.valueToTree(content), RevisionState.EDITING, actor.username(), now, null, null, null),
                before.statusReason(), before.publishedVersion() == null ? content.displayName() : before.displayName(), now);
        write(store, actor, requestId, kind, code, "catalogue.edit", before, after, version);
        return view(store, kind, after, version + 1);
    }

    public EntryView submit(TenantStore store, Caller actor, String requestId, CatalogueKind kind, String code,
                            Transition t) {
        Stored<CatalogueEntry> stored = head(store, kind, code);
        long version = expectVersion(t.version());
        CatalogueEntry before = stored.value();
        Revision r = before.revision();
        if (r == null || r.state() != RevisionState.EDITING) {
            throw state("没有待提交的修订", "There is no revision to submit");
        }
        Instant now = Instant.now();
        CatalogueEntry after = before.with(before.status(), before.publishedVersion(), before.publishedAt(),
                new Revision(r.content(), RevisionState.IN_REVIEW, r.author(), r.editedAt(), actor.username(), now, null),
                before.statusReason(), before.displayName(), now);
        write(store, actor, requestId, kind, code, "catalogue.submit", before, after, version);
        return view(store, kind, after, version + 1);
    }

    public EntryView approve(TenantStore store, Caller actor, String requestId, CatalogueKind kind, String code,
                             Transition t) {
        Stored<CatalogueEntry> stored = head(store, kind, code);
        long version = expectVersion(t.version());
        CatalogueEntry before = stored.value();
        Revision r = before.revision();
        if (r == null || r.state() != RevisionState.IN_REVIEW) {
            throw state("没有待审核的修订", "There is no revision in review");
        }
        if (actor.username().equals(r.author()) || actor.username().equals(r.submittedBy())) {
            throw ApiException.conflict("SELF_REVIEW", "审核人不能是修订的编写人或提交人",
                    "The reviewer cannot be the revision's author or submitter");
        }
        CatalogueContent content = checks.normalize(store, kind, r.content());
        checks.requirePublishedReferences(store, kind, content, ref -> false);
        var transaction = store.begin(actor, requestId);
        Publication publication = addPublication(transaction, store, actor, kind, before, version, content,
                Instant.now());
        transaction.commit();
        return new EntryView(publication.entry(), version + 1, publication.version());
    }

    /** An entry just published: its new head and the version it published. */
    public record Publication(CatalogueEntry entry, PublishedVersion version) {
    }

    /**
     * Adds to {@code transaction} the publication of the revision in review of {@code before},
     * read at {@code expectedVersion}, with {@code content} (already checked): the head moves to PUBLISHED at the next version, the
     * immutable version is written beside it, the change is audited, and an expiry mark is filed
     * if the content has a validity end. Shared by {@link #approve} and the bulk import's approval.
     */
    public Publication addPublication(Transaction transaction, TenantStore store, Caller reviewer, CatalogueKind kind,
                                      CatalogueEntry before, long expectedVersion, CatalogueContent content,
                                      Instant now) {
        Revision r = before.revision();
        String code = before.code();
        int next = before.publishedVersion() == null ? 1 : before.publishedVersion() + 1;
        PublishedVersion published = new PublishedVersion(kind.segment(), code, next, mapper.valueToTree(content),
                r.submittedBy(), reviewer.username(), now);
        CatalogueEntry after = before.with(PublicationStatus.PUBLISHED, next, now, null, null, content.displayName(), now);
        if (content instanceof ApplicationNotice notice) {
            after = after.withWindow(new CatalogueEntry.NoticeWindow(notice.itemCode(), notice.title(),
                    notice.opensAt(), notice.closesAt()));
        }
        transaction.update(headKey(store, kind, code), ENTITY, after, expectedVersion)
                .create(ItemKey.of(pk(store, kind, code), versionSk(next)), VERSION_ENTITY, published)
                .audit("catalogue.publish", kind.segment(), code, before, after);
        CatalogueExpiry.markFor(kind, code, content).ifPresent(mark -> transaction.putDerived(
                CatalogueExpiry.markKey(store, kind, code, mark.validUntil()), CatalogueExpiry.MARK_ENTITY, mark));
        return new Publication(after, published);
    }

    /**
     * Adds to {@code transaction} a new entry whose first revision is at once submitted for review
     * by {@code importer}: how a bulk import files each of its rows, for another person to approve.
     */
    public void addSubmittedEntry(Transaction transaction, TenantStore store, Caller importer, CatalogueKind kind,
                                  String code, CatalogueContent content, Instant now) {
        CatalogueEntry entry = new CatalogueEntry(kind.segment(), code, content.displayName(),
                PublicationStatus.UNPUBLISHED, null, null,
                new Revision(mapper.valueToTree(content), RevisionState.IN_REVIEW, importer.username(), now,
                        importer.username(), now, null),
                null, null, now, now);
        transaction.create(headKey(store, kind, code), ENTITY, entry)
                .audit("catalogue.import", kind.segment(), code, null, entry);
    }

    /** The key of one published version of an entry, for reading many at once. */
    public static ItemKey versionItemKey(TenantStore store, CatalogueKind kind, String code, int version) {
        return ItemKey.of(pk(store, kind, code), versionSk(version));
    }

    /** The key of an entry's head, for reading many at once. */
    public static ItemKey headItemKey(TenantStore store, CatalogueKind kind, String code) {
        return ItemKey.of(pk(store, kind, code), HEAD);
    }

    public EntryView reject(TenantStore store, Caller actor, String requestId, CatalogueKind kind, String code,
                            Transition t) {
        Stored<CatalogueEntry> stored = head(store, kind, code);
        long version = expectVersion(t.version());
        String reason = Fields.text("reason", t.reason(), 2, 500);
        CatalogueEntry before = stored.value();
        Revision r = before.revision();
        if (r == null || r.state() != RevisionState.IN_REVIEW) {
            throw state("没有待审核的修订", "There is no revision in review");
        }
        Instant now = Instant.now();
        CatalogueEntry after = before.with(before.status(), before.publishedVersion(), before.publishedAt(),
                new Revision(r.content(), RevisionState.EDITING, r.author(), r.editedAt(), null, null, reason),
                before.statusReason(), before.displayName(), now);
        write(store, actor, requestId, kind, code, "catalogue.reject", before, after, version);
        return view(store, kind, after, version + 1);
    }

    public EntryView revoke(TenantStore store, Caller actor, String requestId, CatalogueKind kind, String code,
                            Transition t) {
        Stored<CatalogueEntry> stored = head(store, kind, code);
        long version = expectVersion(t.version());
        String reason = Fields.text("reason", t.reason(), 2, 500);
        CatalogueEntry before = stored.value();
        if (before.status() != PublicationStatus.PUBLISHED && before.status() != PublicationStatus.EXPIRED) {
            throw state("只有已发布的条目可以撤销", "Only a published entry can be revoked");
        }
        CatalogueEntry after = before.with(PublicationStatus.REVOKED, before.publishedVersion(), before.publishedAt(),
                null, reason, before.displayName(), Instant.now());
        write(store, actor, requestId, kind, code, "catalogue.revoke", before, after, version);
        return view(store, kind, after, version + 1);
    }

    /** Staff view of one entry. */
    public EntryView get(TenantStore store, CatalogueKind kind, String code) {
        Stored<CatalogueEntry> stored = head(store, kind, code);
        return view(store, kind, stored.value(), stored.version());
    }

    /** What an enterprise sees: the latest published version, if the entry is published or expired. */
    public PublishedVersion published(TenantStore store, CatalogueKind kind, String code) {
        CatalogueEntry entry = head(store, kind, code).value();
        if (entry.publishedVersion() == null || entry.status() == PublicationStatus.REVOKED
                || entry.status() == PublicationStatus.UNPUBLISHED) {
            throw notFound(kind);
        }
        return version(store, kind, code, entry.publishedVersion());
    }

    public PublishedVersion version(TenantStore store, CatalogueKind kind, String code, int version) {
        if (!Codes.valid(code)) {
            throw notFound(kind);
        }
        return store.get(pk(store, kind, code), versionSk(version), PublishedVersion.class)
                .map(Stored::value).orElseThrow(() -> notFound(kind));
    }

    /** Every head of one kind, page by page: for views computed over the whole catalogue. */
    public List<CatalogueEntry> all(TenantStore store, CatalogueKind kind) {
        List<CatalogueEntry> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<CatalogueEntry> page = store.queryIndex("gsi1", store.keys().pk("CAT", kind.segment()), "",
                    CatalogueEntry.class, 100, cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    /** A page of entry heads; {@code publishedOnly} for readers who must not see drafts. */
    public Page<CatalogueEntry> list(TenantStore store, CatalogueKind kind, boolean publishedOnly,
                                     PublicationStatus status, int limit, String cursor) {
        Page<CatalogueEntry> page = store.queryIndex("gsi1", store.keys().pk("CAT", kind.segment()), "",
                CatalogueEntry.class, limit, cursor);
        List<CatalogueEntry> items = new ArrayList<>();
        for (CatalogueEntry e : page.items()) {
            boolean visible = !publishedOnly || e.status() == PublicationStatus.PUBLISHED;
            if (visible && (status == null || e.status() == status)) {
                items.add(publishedOnly ? e.with(e.status(), e.publishedVersion(), e.publishedAt(), null, null,
                        e.displayName(), e.updatedAt()) : e);
            }
        }
        return new Page<>(items, page.nextCursor());
    }

    Stored<CatalogueEntry> head(TenantStore store, CatalogueKind kind, String code) {
        if (!Codes.valid(code)) {
            throw notFound(kind);
        }
        return store.get(pk(store, kind, code), HEAD, CatalogueEntry.class).orElseThrow(() -> notFound(kind));
    }

    private EntryView view(TenantStore store, CatalogueKind kind, CatalogueEntry entry, long version) {
        PublishedVersion published = entry.publishedVersion() == null ? null
                : version(store, kind, entry.code(), entry.publishedVersion());
        return new EntryView(entry, version, published);
    }

    private void write(TenantStore store, Caller actor, String requestId, CatalogueKind kind, String code,
                       String action, CatalogueEntry before, CatalogueEntry after, long version) {
        store.begin(actor, requestId)
                .update(headKey(store, kind, code), ENTITY, after, version)
                .audit(action, kind.segment(), code, before, after)
                .commit();
    }

    static String pk(TenantStore store, CatalogueKind kind, String code) {
        return store.keys().pk("CAT", kind.segment(), code);
    }

    static ItemKey headKey(TenantStore store, CatalogueKind kind, String code) {
        return ItemKey.of(pk(store, kind, code), HEAD).withIndex(store.keys().pk("CAT", kind.segment()), code);
    }

    static String versionSk(int version) {
        return String.format("V#%06d", version);
    }

    private static long expectVersion(Long version) {
        if (version == null) {
            throw ApiException.validation("version", "缺少版本号", "version is required");
        }
        return version;
    }

    private static ApiException state(String zh, String en) {
        return ApiException.conflict("INVALID_CATALOGUE_STATE", zh, en);
    }

    private static ApiException notFound(CatalogueKind kind) {
        return ApiException.notFound(kind.nameZh(), kind.segment() + " entry");
    }
}
