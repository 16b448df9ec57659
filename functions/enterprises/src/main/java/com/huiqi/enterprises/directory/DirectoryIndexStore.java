package com.huiqi.enterprises.directory;

import com.huiqi.shared.config.Env;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.index.IndexFiles;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.Stored;
import com.huiqi.shared.storage.TenantStore;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.store.Directory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where each center's directory index lives between function instances: each generation is one
 * object, {@code <tenant>/directory/<generation>-<random>/index.zip}, in the index bucket that also
 * holds the policy search indexes (derived data, rebuilt from its source if lost). The pointer item
 * {@code <tenant>#ENTDIR} / {@code INDEX} names the current generation; it is written with
 * optimistic locking after the object, so a reader that sees a generation always finds it, and of
 * two indexers racing for a tenant one wins and the other's batch is retried.
 */
@Singleton
public class DirectoryIndexStore {

    static final String POINTER_ENTITY = "DirectoryIndexPointer";
    private static final String DEFAULT_BUCKET = "huiqi-search-local";

    private final Provider<S3Client> s3;
    private final String bucket = Env.get(Env.SEARCH_INDEX_BUCKET).orElse(DEFAULT_BUCKET);

    public DirectoryIndexStore(Provider<S3Client> s3) {
        this.s3 = s3;
    }

    /**
     * The current generation of a tenant's directory and where its object is.
     *
     * @param previousLocation the generation before it, kept for readers that are fetching it
     */
    public record Pointer(long generation, String location, String previousLocation, int enterprises, Instant updatedAt) {
    }

    public Optional<Stored<Pointer>> pointer(TenantStore store) {
        ItemKey key = pointerKey(store);
        return store.get(key.pk(), key.sk(), Pointer.class);
    }

    /** Writes a generation's object; the pointer does not name it yet. */
    String put(TenantStore store, long generation, Directory index) {
        String location = store.keys().tenant().value() + "/directory/" + generation + "-" + UUID.randomUUID();
        s3.get().putObject(r -> r.bucket(bucket).key(location + "/index.zip"), RequestBody.fromBytes(IndexFiles.zip(index)));
        return location;
    }

    /** Makes {@code next} current if the pointer is still at {@code expectedVersion} (0: none yet). */
    void advance(TenantStore store, Pointer next, long expectedVersion) {
        Caller indexer = new Caller("system", "system:directory-indexer", store.keys().tenant(), Set.of(), Optional.empty());
        var tx = store.begin(indexer, "directory-index-" + next.generation());
        if (expectedVersion == 0) {
            tx.create(pointerKey(store), POINTER_ENTITY, next);
        } else {
            tx.update(pointerKey(store), POINTER_ENTITY, next, expectedVersion);
        }
        tx.commit();
    }

    /** The index files of a generation, and how many bytes they are. */
    record Fetched(Directory directory, long bytes) {
    }

    Fetched fetch(Pointer pointer) {
        byte[] zip = s3.get().getObjectAsBytes(r -> r.bucket(bucket).key(pointer.location() + "/index.zip")).asByteArray();
        return new Fetched(IndexFiles.unzip(zip), zip.length);
    }

    void delete(String location) {
        s3.get().deleteObject(r -> r.bucket(bucket).key(location + "/index.zip"));
    }

    private static ItemKey pointerKey(TenantStore store) {
        return ItemKey.of(store.keys().pk("ENTDIR"), "INDEX");
    }
}
