package com.huiqi.search.index;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.search.catalogue.PublishedEntry;
import com.huiqi.shared.config.Env;
import com.huiqi.shared.config.PlatformBeans;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.index.IndexFiles;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.Stored;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.tenancy.TenantId;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.lucene.store.Directory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where each tenant's index lives between function instances: each generation of tenant {@code t}
 * is two objects in the search index bucket under a location of its own,
 * {@code t/<generation>-<random>/index.zip} (the Lucene files) and {@code .../catalogue.json.gz}
 * (the published entries it was projected from, which the indexer diffs against). The pointer item
 * {@code <t>#SEARCH} / {@code INDEX} names the current location; it is written with optimistic
 * locking after both objects, so a reader that sees a generation always finds its objects, and of
 * two indexers racing for a tenant one wins and the other's objects are dropped unseen.
 */
@Singleton
public class IndexStore {

    static final String POINTER_ENTITY = "SearchIndexPointer";
    static final String INDEX_FILE = "index.zip";
    static final String CATALOGUE_FILE = "catalogue.json.gz";
    private static final String DEFAULT_BUCKET = "huiqi-search-local";
    private static final TypeReference<List<PublishedEntry>> ENTRIES = new TypeReference<>() {
    };

    private final Provider<S3Client> s3;
    private final ObjectMapper mapper;
    private final String bucket = Env.get(Env.SEARCH_INDEX_BUCKET).orElse(DEFAULT_BUCKET);

    public IndexStore(Provider<S3Client> s3, @Named(PlatformBeans.MAPPER) ObjectMapper mapper) {
        this.s3 = s3;
        this.mapper = mapper;
    }

    /**
     * The current generation of a tenant's index, where its objects are, and how many entries it holds.
     *
     * @param previousLocation the generation before it, still kept for searchers that are fetching it
     */
    public record Pointer(long generation, String location, String previousLocation, int documents, Instant updatedAt) {
    }

    public Optional<Stored<Pointer>> pointer(TenantStore store) {
        ItemKey key = pointerKey(store);
        return store.get(key.pk(), key.sk(), Pointer.class);
    }

    /** Makes {@code next} current if the pointer is still at {@code expectedVersion} (0: none yet). */
    void advance(TenantStore store, Pointer next, long expectedVersion) {
        Caller indexer = new Caller("system", "system:search-indexer", store.keys().tenant(), Set.of(), Optional.empty());
        var tx = store.begin(indexer, "search-index-" + next.generation());
        if (expectedVersion == 0) {
            tx.create(pointerKey(store), POINTER_ENTITY, next);
        } else {
            tx.update(pointerKey(store), POINTER_ENTITY, next, expectedVersion);
        }
        tx.commit();
    }

    /** Writes a new generation's objects and returns their location. */
    String putGeneration(TenantId tenant, long generation, Directory index, List<PublishedEntry> catalogue) {
        String location = tenant.value() + "/" + generation + "-" + UUID.randomUUID();
        put(location + "/" + INDEX_FILE, IndexFiles.zip(index));
        put(location + "/" + CATALOGUE_FILE, gzip(catalogue));
        return location;
    }

    /** The Lucene files of a generation, and their size. */
    record Files(Directory directory, long bytes) {
    }

    Files index(Pointer pointer) {
        byte[] zip = get(pointer.location() + "/" + INDEX_FILE);
        return new Files(IndexFiles.unzip(zip), zip.length);
    }

    List<PublishedEntry> catalogue(Pointer pointer) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(get(pointer.location() + "/" + CATALOGUE_FILE)))) {
            return mapper.readValue(in, ENTRIES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void deleteGeneration(String location) {
        for (String file : List.of(INDEX_FILE, CATALOGUE_FILE)) {
            s3.get().deleteObject(r -> r.bucket(bucket).key(location + "/" + file));
        }
    }

    private void put(String key, byte[] bytes) {
        s3.get().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    private byte[] get(String key) {
        return s3.get().getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
    }

    private byte[] gzip(List<PublishedEntry> catalogue) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            mapper.writeValue(gz, catalogue);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static ItemKey pointerKey(TenantStore store) {
        return ItemKey.of(store.keys().pk("SEARCH"), "INDEX");
    }
}
