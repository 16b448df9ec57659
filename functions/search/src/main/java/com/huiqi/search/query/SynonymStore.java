package com.huiqi.search.query;

import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.Stored;
import com.huiqi.shared.storage.TenantStore;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/** A center's synonyms, one item per tenant ({@code <tenant>#SEARCH} / {@code SYNONYMS}), edited with audit. */
@Singleton
public class SynonymStore {

    static final String ENTITY = "SearchSynonyms";

    private final TenantCache<Synonyms> cache = new TenantCache<>(java.time.Clock.systemUTC());

    /** As stored and shown: the groups, who edited them last and when. */
    public record SynonymSet(List<List<String>> groups, String updatedBy, Instant updatedAt) {
    }

    /** The body of a replace: all groups, and the version read (0 when the center has none yet). */
    public record Replace(List<List<String>> groups, Long version) {
    }

    /** The view: the set and its version for the next write. */
    public record View(SynonymSet synonyms, long version) {
    }

    public View get(TenantStore store) {
        ItemKey key = key(store);
        return store.get(key.pk(), key.sk(), SynonymSet.class)
                .map(s -> new View(s.value(), s.version()))
                .orElse(new View(new SynonymSet(List.of(), null, null), 0));
    }

    /** The synonyms a query applies, read again at most every {@link TenantCache#FRESH_MILLIS}. */
    public Synonyms synonyms(TenantStore store) {
        ItemKey key = key(store);
        return cache.get(store.keys().tenant(), () -> store.get(key.pk(), key.sk(), SynonymSet.class).map(Stored::value)
                .map(s -> new Synonyms(s.groups())).orElse(Synonyms.NONE));
    }

    public View replace(TenantStore store, Caller actor, String requestId, Replace body) {
        if (body.version() == null) {
            throw com.huiqi.shared.error.ApiException.validation("version", "缺少版本号（首次设置为0）",
                    "version is required (0 for the first set)");
        }
        Synonyms checked = Synonyms.checked(body.groups());
        View before = get(store);
        SynonymSet after = new SynonymSet(checked.groups(), actor.username(), Instant.now());
        var tx = store.begin(actor, requestId);
        if (body.version() == 0) {
            tx.create(key(store), ENTITY, after);
        } else {
            tx.update(key(store), ENTITY, after, body.version());
        }
        tx.audit("search.synonyms", "synonyms", "SYNONYMS", before.version() == 0 ? null : before.synonyms(), after)
                .commit();
        return new View(after, body.version() + 1);
    }

    private static ItemKey key(TenantStore store) {
        return ItemKey.of(store.keys().pk("SEARCH"), "SYNONYMS");
    }
}
