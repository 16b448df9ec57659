package com.huiqi.search.index;

import com.huiqi.search.catalogue.CatalogueReader;
import com.huiqi.search.catalogue.PublishedEntry;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.storage.Stored;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.tenancy.TenantId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.store.Directory;

/**
 * Brings a tenant's persisted index up to date with changed catalogue entries. It never trusts a
 * stream record's image: it reads each changed entry as it is now (a retry, a duplicate or an
 * out-of-order record therefore changes nothing), updates the previous generation's catalogue
 * snapshot, projects the whole snapshot again (cheap, in memory) and rewrites in Lucene only the
 * documents whose projection changed; so the result is always the index a full rebuild would give
 * (IndexerTest proves it). A tenant without an index yet gets a full build.
 */
@Singleton
public class Indexer {

    private static final String PUBLISHED = "PUBLISHED";

    /** Two indexers racing for one tenant: the loser starts again from the winner's generation. */
    static final int ATTEMPTS = 5;

    private final CatalogueReader reader;
    private final IndexStore indexes;
    private final PublicationListener listener;
    private final Analyzer analyzer = Fields.newAnalyzer();

    public Indexer(CatalogueReader reader, IndexStore indexes, PublicationListener listener) {
        this.reader = reader;
        this.indexes = indexes;
        this.listener = listener;
    }

    /**
     * Told of the entries an update makes searchable as published that were not before (new, or
     * published again after expiry or revocation), before anything of the update is written, so
     * that a failure of the listener fails the batch and its retry tells it again. A tenant's first
     * build tells it nothing: that is the catalogue as it stood, not news.
     */
    public interface PublicationListener {
        void published(TenantStore store, List<NewlyPublished> entries);
    }

    /** An entry just published, as the index holds it, and the version that was published. */
    public record NewlyPublished(SearchDocument document, int version) {
    }

    /** A changed catalogue entry, by the key of its head. */
    public record Change(String kind, String code) {
    }

    /** What one update did: the generation now current (0: none written) and how many documents it rewrote or removed. */
    public record Outcome(long generation, int documents, int rewritten, int removed) {
    }

    public Outcome apply(TenantStore store, Collection<Change> changes) {
        TenantId tenant = store.keys().tenant();
        for (int attempt = 1; ; attempt++) {
            Optional<Stored<IndexStore.Pointer>> stored = indexes.pointer(store);
            IndexStore.Pointer current = stored.map(Stored::value).orElse(null);
            Directory dir;
            List<PublishedEntry> catalogue;
            int rewritten;
            int removed = 0;
            if (current == null) {
                catalogue = reader.all(store);
                if (catalogue.isEmpty()) {
                    // An empty index is not written where none exists (searches build one from the
                    // empty catalogue): this is also what an offboarded tenant's deleted entries
                    // look like when their records arrive after offboarding, and no index may be left of it.
                    return new Outcome(0, 0, 0, 0);
                }
                List<SearchDocument> docs = new Projection(catalogue).all();
                dir = IndexWriting.write(docs, analyzer);
                rewritten = docs.size();
            } else {
                Map<String, Optional<PublishedEntry>> now = new LinkedHashMap<>();
                for (Change c : changes) {
                    now.put(SearchDocument.key(c.kind(), c.code()), reader.find(store, c.kind(), c.code()));
                }
                Delta delta = delta(indexes.catalogue(current), now);
                if (delta.unchanged()) {
                    // A draft edited, submitted or rejected: nothing published changed.
                    return new Outcome(current.generation(), current.documents(), 0, 0);
                }
                if (!delta.published().isEmpty()) {
                    listener.published(store, delta.published());
                }
                catalogue = delta.catalogue();
                dir = indexes.index(current).directory();
                IndexWriting.update(dir, analyzer, delta.changed(), delta.gone());
                rewritten = delta.changed().size();
                removed = delta.gone().size();
            }
            long next = current == null ? 1 : current.generation() + 1;
            int documents = new Projection(catalogue).all().size();
            String location = indexes.putGeneration(tenant, next, dir, catalogue);
            try {
                indexes.advance(store, new IndexStore.Pointer(next, location, current == null ? null : current.location(),
                        documents, Instant.now()), stored.map(Stored::version).orElse(0L));
            } catch (ApiException lostRace) {
                indexes.deleteGeneration(location);
                if (!"CONCURRENT_MODIFICATION".equals(lostRace.code()) || attempt >= ATTEMPTS) {
                    throw lostRace;
                }
                continue;
            }
            if (current != null && current.previousLocation() != null) {
                // Searchers may still be fetching the generation just replaced; the one before it is unused.
                indexes.deleteGeneration(current.previousLocation());
            }
            return new Outcome(next, documents, rewritten, removed);
        }
    }

    /**
     * What changes in the index when entries change.
     *
     * @param catalogue the published entries after the change
     * @param changed   the documents whose projection differs from before, or that are new
     * @param gone      keys of documents that no longer exist
     * @param published the changed documents that are PUBLISHED now and were not before
     * @param unchanged whether the published entries are exactly as before
     */
    record Delta(List<PublishedEntry> catalogue, List<SearchDocument> changed, List<String> gone,
                 List<NewlyPublished> published, boolean unchanged) {
    }

    /**
     * The change from {@code before} when the entries of {@code current}'s keys are now as given
     * (empty: no longer published). Every entry is projected again, so a change reaches every
     * entry that inherits from it, however indirectly.
     */
    static Delta delta(List<PublishedEntry> before, Map<String, Optional<PublishedEntry>> current) {
        Map<String, PublishedEntry> previous = byKey(before);
        Map<String, PublishedEntry> after = new LinkedHashMap<>(previous);
        current.forEach((key, entry) -> entry.ifPresentOrElse(e -> after.put(key, e), () -> after.remove(key)));
        List<PublishedEntry> catalogue = List.copyOf(after.values());
        Map<String, SearchDocument> old = docsByKey(before);
        Map<String, SearchDocument> now = docsByKey(catalogue);
        List<SearchDocument> changed = now.values().stream().filter(d -> !d.equals(old.get(d.key()))).toList();
        List<String> gone = old.keySet().stream().filter(k -> !now.containsKey(k)).toList();
        List<NewlyPublished> published = changed.stream()
                .filter(d -> PUBLISHED.equals(d.status()))
                .filter(d -> old.get(d.key()) == null || !PUBLISHED.equals(old.get(d.key()).status()))
                .map(d -> new NewlyPublished(d, after.get(d.key()).version()))
                .toList();
        return new Delta(catalogue, changed, gone, published, after.equals(previous));
    }

    private static Map<String, PublishedEntry> byKey(List<PublishedEntry> entries) {
        Map<String, PublishedEntry> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(SearchDocument.key(e.kind(), e.code()), e));
        return map;
    }

    private static Map<String, SearchDocument> docsByKey(List<PublishedEntry> catalogue) {
        return new Projection(catalogue).all().stream()
                .collect(Collectors.toMap(SearchDocument::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
