package com.huiqi.enterprises.directory;

import com.huiqi.shared.storage.Stored;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.tenancy.TenantId;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The directory indexes of the centers this function instance has served recently, each read from
 * the bucket once per generation. An index is served as it is until the end of the clock's
 * {@link #CHECK_MILLIS} window it was checked in; after that the next request reads the tenant's
 * pointer item (one GetItem) and fetches the new generation if there is one. Memory stays bounded:
 * beyond {@link #MAX_BYTES} of index files or {@link #MAX_TENANTS} tenants the least recently used
 * index is dropped. Each index is keyed by its tenant, and a request only asks for its caller's.
 */
@Singleton
public class DirectoryIndexes {

    static final long CHECK_MILLIS = 500;
    private static final int MAX_TENANTS = 64;
    private static final long MAX_BYTES = 128L << 20;

    private final DirectoryIndexStore store;
    private final Analyzer analyzer = DirectoryIndex.newAnalyzer();
    private final Clock clock;
    /** Access order: the first entry is the least recently used. */
    private final Map<TenantId, Open> open = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    private record Open(DirectoryIndex index, long generation, long bytes, long checkedAt) {
    }

    public DirectoryIndexes(DirectoryIndexStore store) {
        this.store = store;
        this.clock = Clock.systemUTC();
    }

    /** The tenant's current directory, or empty if no file of the tenant was indexed yet. */
    public Optional<DirectoryIndex> of(TenantStore tenantStore) {
        TenantId tenant = tenantStore.keys().tenant();
        long now = clock.millis();
        Open cached;
        synchronized (open) {
            cached = open.get(tenant);
        }
        if (cached != null && Math.floorDiv(now, CHECK_MILLIS) == Math.floorDiv(cached.checkedAt(), CHECK_MILLIS)) {
            return Optional.of(cached.index());
        }
        Open fresh = null;
        for (int attempt = 1; fresh == null; attempt++) {
            DirectoryIndexStore.Pointer pointer = store.pointer(tenantStore).map(Stored::value).orElse(null);
            if (pointer == null) {
                return Optional.empty();
            }
            if (cached != null && cached.generation() == pointer.generation()) {
                fresh = new Open(cached.index(), cached.generation(), cached.bytes(), now);
            } else {
                try {
                    DirectoryIndexStore.Fetched files = store.fetch(pointer);
                    fresh = new Open(new DirectoryIndex(files.directory(), analyzer), pointer.generation(), files.bytes(), now);
                } catch (NoSuchKeyException overtaken) {
                    // The indexer keeps one generation behind the current and drops older ones; a busy
                    // import can move two on while this fetch starts. The pointer then names a newer one.
                    if (attempt == 3) {
                        throw overtaken;
                    }
                }
            }
        }
        synchronized (open) {
            Open replaced = open.put(tenant, fresh);
            bytes += fresh.bytes() - (replaced == null ? 0 : replaced.bytes());
            Iterator<Map.Entry<TenantId, Open>> lru = open.entrySet().iterator();
            while ((bytes > MAX_BYTES || open.size() > MAX_TENANTS) && lru.hasNext()) {
                Map.Entry<TenantId, Open> eldest = lru.next();
                if (!eldest.getKey().equals(tenant)) {
                    bytes -= eldest.getValue().bytes();
                    lru.remove();
                }
            }
        }
        // A replaced index is not closed: a request may still read it. It is heap only, freed once unread.
        return Optional.of(fresh.index());
    }
}
