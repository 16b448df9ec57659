package com.huiqi.search.index;

import com.huiqi.shared.index.IndexFiles;
import com.huiqi.search.catalogue.CatalogueReader;
import com.huiqi.shared.config.Env;
import com.huiqi.shared.storage.Stored;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.tenancy.TenantId;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The open indexes of the tenants this function instance has served recently. Memory stays
 * bounded however many tenants share the function: beyond {@code SEARCH_CACHE_MB} of index files
 * (or {@link #MAX_TENANTS} tenants) the least recently used index is dropped, to be fetched again
 * from the bucket when its tenant comes back. Each index is keyed by its tenant, and a request
 * only ever asks for its caller's tenant.
 *
 * <p>Freshness: an index is served as it is until the end of the clock's {@link #CHECK_MILLIS}
 * window it was checked in (so at most that long, and in step with the synonyms and calendar the
 * same request refreshes, see {@code TenantCache}); after that the next request reads the tenant's
 * pointer item (one consistent GetItem) and fetches the new generation if the
 * indexer has written one. A tenant the indexer has not indexed yet (nothing changed since search
 * was deployed) is built here from its catalogue, and served until the indexer's first generation.
 */
@Singleton
public class TenantIndexes {

    static final int MAX_TENANTS = 64;
    static final long CHECK_MILLIS = 500;
    static final String CACHE_MB = "SEARCH_CACHE_MB";
    private static final long DEFAULT_CACHE_MB = 256;

    private final CatalogueReader catalogue;
    private final IndexStore store;
    private final Analyzer analyzer = Fields.newAnalyzer();
    private final Clock clock;
    private final long maxBytes = Env.get(CACHE_MB).map(Long::parseLong).orElse(DEFAULT_CACHE_MB) << 20;
    /** Access order: the first entry is the least recently used. */
    private final Map<TenantId, Open> open = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    /** An open index, the generation it is (0: built here, not by the indexer) and when that was last checked. */
    private record Open(TenantIndex index, long generation, long bytes, long checkedAt) {
    }

    public TenantIndexes(CatalogueReader catalogue, IndexStore store) {
        this(catalogue, store, Clock.systemUTC());
    }

    TenantIndexes(CatalogueReader catalogue, IndexStore store, Clock clock) {
        this.catalogue = catalogue;
        this.store = store;
        this.clock = clock;
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    /** The tenant's current index. */
    public TenantIndex of(TenantStore tenantStore) {
        TenantId tenant = tenantStore.keys().tenant();
        long now = clock.millis();
        Open cached;
        synchronized (open) {
            cached = open.get(tenant);
        }
        if (cached != null && Math.floorDiv(now, CHECK_MILLIS) == Math.floorDiv(cached.checkedAt(), CHECK_MILLIS)) {
            return cached.index();
        }
        IndexStore.Pointer pointer = store.pointer(tenantStore).map(Stored::value).orElse(null);
        long generation = pointer == null ? 0 : pointer.generation();
        Open fresh;
        if (cached != null && cached.generation() == generation) {
            fresh = new Open(cached.index(), generation, cached.bytes(), now);
        } else if (pointer == null) {
            ByteBuffersDirectory dir = IndexWriting.write(
                    new Projection(catalogue.all(tenantStore)).all(), analyzer);
            fresh = new Open(new TenantIndex(dir, analyzer), 0, IndexFiles.sizeOf(dir), now);
        } else {
            IndexStore.Files files = store.index(pointer);
            fresh = new Open(new TenantIndex(files.directory(), analyzer), generation, files.bytes(), now);
        }
        synchronized (open) {
            Open replaced = open.put(tenant, fresh);
            bytes += fresh.bytes() - (replaced == null ? 0 : replaced.bytes());
            evict(tenant);
        }
        // A replaced or evicted index is not closed: a request may still be searching it. It holds
        // heap only (no files), so the garbage collector frees it once the last search is done.
        return fresh.index();
    }

    /** Drops least recently used tenants, never {@code keep}, until within bounds. Holds the lock. */
    private void evict(TenantId keep) {
        Iterator<Map.Entry<TenantId, Open>> lru = open.entrySet().iterator();
        while ((bytes > maxBytes || open.size() > MAX_TENANTS) && lru.hasNext()) {
            Map.Entry<TenantId, Open> eldest = lru.next();
            if (!eldest.getKey().equals(keep)) {
                bytes -= eldest.getValue().bytes();
                lru.remove();
            }
        }
    }
}
