package com.huiqi.search.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.Page;
import com.huiqi.shared.storage.Stored;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.usage.UsageEvent;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what is published in a tenant's catalogue, in the layout the publish function writes: the
 * head of each entry at {@code <tenant>#CAT#<kind>#<code>} / {@code HEAD}, listed per kind in
 * {@code gsi1} under {@code <tenant>#CAT#<kind>}, and each published version beside it at
 * {@code V#<version, 6 digits>}. Only heads that are PUBLISHED or EXPIRED count: a revoked or
 * never-published entry is not in the policy supermarket.
 */
@Singleton
public class CatalogueReader {

    /** Every kind search reads: the five it indexes and the business varieties they inherit from. */
    public static final List<String> KINDS = List.of("documents", "varieties", "items", "products", "notices",
            "interpretations");

    /** The statuses of entries that readers see. */
    public static final Set<String> LISTED = Set.of("PUBLISHED", "EXPIRED");

    /** The fields of a head that search needs; the rest of the head is publish's business. */
    record Head(String kind, String code, String displayName, String status, Integer publishedVersion) {
    }

    /**
     * What a list of entries shows of each (saved entries, usage figures): its name and publication
     * status now (UNPUBLISHED, PUBLISHED, EXPIRED or REVOKED).
     */
    public record EntryHead(String kind, String code, String displayName, String status) {
    }

    record Version(JsonNode content) {
    }

    /** Everything published in the tenant's catalogue, kind by kind. */
    public List<PublishedEntry> all(TenantStore store) {
        List<PublishedEntry> entries = new ArrayList<>();
        for (String kind : KINDS) {
            String cursor = null;
            do {
                Page<Head> page = store.queryIndex("gsi1", store.keys().pk("CAT", kind), "", Head.class, 100, cursor);
                for (Head head : page.items()) {
                    load(store, head).ifPresent(entries::add);
                }
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        return entries;
    }

    /** The entry as it is now, or empty when it is not (or no longer) listed. */
    public Optional<PublishedEntry> find(TenantStore store, String kind, String code) {
        return store.get(store.keys().pk("CAT", kind, code), "HEAD", Head.class)
                .flatMap(head -> load(store, head.value()));
    }

    /** The head of an entry in any state, or empty when the tenant has no such entry. */
    public Optional<EntryHead> head(TenantStore store, String kind, String code) {
        return store.get(store.keys().pk("CAT", kind, code), "HEAD", Head.class)
                .map(h -> new EntryHead(kind, code, h.value().displayName(), h.value().status()));
    }

    /** The heads of {@code entries} that exist, by kind and code, in one batch read per hundred. */
    public Map<UsageEvent.EntryRef, EntryHead> heads(TenantStore store, Collection<UsageEvent.EntryRef> entries) {
        List<ItemKey> keys = entries.stream().distinct()
                .map(e -> ItemKey.of(store.keys().pk("CAT", e.kind(), e.code()), "HEAD")).toList();
        Map<UsageEvent.EntryRef, EntryHead> heads = new HashMap<>();
        store.getAll(keys, Head.class).values().forEach(h -> heads.put(new UsageEvent.EntryRef(h.kind(), h.code()),
                new EntryHead(h.kind(), h.code(), h.displayName(), h.status())));
        return heads;
    }

    private Optional<PublishedEntry> load(TenantStore store, Head head) {
        if (head.publishedVersion() == null || !LISTED.contains(head.status())) {
            return Optional.empty();
        }
        String sk = String.format("V#%06d", head.publishedVersion());
        return store.get(store.keys().pk("CAT", head.kind(), head.code()), sk, Version.class)
                .map(Stored::value)
                .map(v -> new PublishedEntry(head.kind(), head.code(), head.status(), head.publishedVersion(), v.content()));
    }
}
