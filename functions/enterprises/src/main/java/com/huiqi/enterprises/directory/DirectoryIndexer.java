package com.huiqi.enterprises.directory;

import com.huiqi.shared.storage.Stored;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.tenancy.TenantId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * Keeps each center's directory index in step with its enterprise files: a batch of changes of one
 * tenant becomes the next generation of its index. The changes come from the stream in order, each
 * with what the file is now, so applying a batch again (a retry) writes the same documents.
 *
 * <p>A warm instance keeps the generation it wrote last for a few tenants, so a busy import's
 * batches do not each fetch the index they just wrote; any other generation is fetched.
 */
@Singleton
public class DirectoryIndexer {

    private static final int KEPT_TENANTS = 8;

    private final DirectoryIndexStore indexes;
    private final Analyzer analyzer = DirectoryIndex.newAnalyzer();
    /** Access order, least recently used first; bounded by {@link #KEPT_TENANTS}. */
    private final Map<TenantId, Written> written = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TenantId, Written> eldest) {
            return size() > KEPT_TENANTS;
        }
    };

    private record Written(long generation, Directory directory) {
    }

    /** What a batch made of a tenant's index (generation 0: none was written). */
    public record Outcome(long generation, int enterprises) {
    }

    public DirectoryIndexer(DirectoryIndexStore indexes) {
        this.indexes = indexes;
    }

    public synchronized Outcome apply(TenantStore store, List<DirectoryIndex.Change> changes) {
        TenantId tenant = store.keys().tenant();
        Stored<DirectoryIndexStore.Pointer> current = indexes.pointer(store).orElse(null);
        DirectoryIndexStore.Pointer pointer = current == null ? null : current.value();
        Written kept = written.remove(tenant);
        Directory dir;
        if (pointer == null) {
            dir = new ByteBuffersDirectory();
        } else if (kept != null && kept.generation() == pointer.generation()) {
            dir = kept.directory();
        } else {
            dir = indexes.fetch(pointer).directory();
        }
        int enterprises = DirectoryIndex.apply(dir, analyzer, changes);
        if (pointer == null && enterprises == 0) {
            // An empty index is not written where none exists: what an offboarded tenant's deleted
            // files look like when their records arrive after offboarding, and no index may be left of it.
            return new Outcome(0, 0);
        }
        long generation = pointer == null ? 1 : pointer.generation() + 1;
        String location = indexes.put(store, generation, dir);
        DirectoryIndexStore.Pointer next = new DirectoryIndexStore.Pointer(generation, location,
                pointer == null ? null : pointer.location(), enterprises, Instant.now());
        try {
            indexes.advance(store, next, current == null ? 0 : current.version());
        } catch (RuntimeException lostRace) {
            indexes.delete(location);
            throw lostRace;
        }
        if (pointer != null && pointer.previousLocation() != null) {
            indexes.delete(pointer.previousLocation());
        }
        written.put(tenant, new Written(generation, dir));
        return new Outcome(generation, enterprises);
    }
}
