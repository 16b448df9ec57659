package com.huiqi.tenants.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huiqi.shared.config.Env;
import com.huiqi.shared.config.PlatformBeans;
import com.huiqi.shared.storage.PartitionCatalogue;
import com.huiqi.shared.storage.TableDefinition;
import com.huiqi.shared.storage.Tables;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.tenancy.TenantId;
import com.huiqi.tenants.users.UserDirectory;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Exports all of one tenant's items to the archive bucket as gzipped JSON Lines (one
 * {@code {"table":..., "item":...}} per line), then deletes them, and the tenant's indexes derived
 * from them. It finds the items through the tenant's partition catalogue, by queries only: the
 * shared tables are never scanned.
 */
@Singleton
public class Offboarder {

    /** Built on first use: only offboarding writes to S3. */
    private final Provider<S3Client> s3;
    private final UserDirectory users;
    private final ObjectMapper mapper;

    public Offboarder(Provider<S3Client> s3, UserDirectory users, @Named(PlatformBeans.MAPPER) ObjectMapper mapper) {
        this.s3 = s3;
        this.users = users;
        this.mapper = mapper;
    }

    OffboardingReport exportAndDelete(TenantStore store, TenantId tenant) {
        // Each catalogue item lists the partitions of one write; read expands and deduplicates them.
        PartitionCatalogue.Listing catalogue = PartitionCatalogue.read(store);
        List<PartitionCatalogue.Entry> partitions = catalogue.partitions();
        List<String> accounts = new ArrayList<>();
        long exported;
        Path file = null;
        String bucket = Env.require(Env.ARCHIVE_BUCKET);
        String key = "offboarding/" + tenant.value() + "/" + Instant.now().toString().replace(':', '-') + ".jsonl.gz";
        try {
            file = Files.createTempFile("offboard-" + tenant.value(), ".jsonl.gz");
            exported = export(store, partitions, accounts, file);
            s3.get().putObject(b -> b.bucket(bucket).key(key).contentType("application/gzip")
                    .metadata(java.util.Map.of("tenant", tenant.value(), "items", Long.toString(exported))),
                    RequestBody.fromFile(file));
        } catch (IOException e) {
            throw new UncheckedIOException("export of tenant " + tenant + " failed", e);
        } finally {
            deleteQuietly(file);
        }
        // Only after the export is safely stored do we delete anything.
        long deleted = 0;
        for (PartitionCatalogue.Entry partition : partitions) {
            List<Key> keys = new ArrayList<>();
            store.forEachRaw(partition.table(), partition.pk(), doc -> keys.add(Key.builder()
                    .partitionValue(doc.getString(TableDefinition.PK)).sortValue(doc.getString(TableDefinition.SK)).build()));
            store.deleteRaw(partition.table(), keys);
            deleted += keys.size();
        }
        // Only the catalogue items read above: one written since (by a stream consumer finishing late)
        // names partitions not deleted, and stays, so that nothing of the tenant is left untraced.
        store.deleteRaw(Tables.DATA, catalogue.items());
        accounts.forEach(users::deleteAccount);
        int indexObjects = deleteIndexes(tenant);
        return new OffboardingReport(tenant.value(), bucket, key, exported, deleted, accounts.size(), indexObjects,
                Instant.now());
    }

    /**
     * The tenant's indexes in the index bucket (its policy search index and its enterprise directory,
     * every generation under {@code <tenant>/}): derived from the items just exported, so deleted,
     * not exported. The bucket is versioned; its lifecycle removes the superseded versions a day later.
     */
    private int deleteIndexes(TenantId tenant) {
        String bucket = Env.require(Env.SEARCH_INDEX_BUCKET);
        int deleted = 0;
        // The separator after the id: a tenant whose id extends this one's keeps its indexes.
        for (var page : s3.get().listObjectsV2Paginator(r -> r.bucket(bucket).prefix(tenant.value() + "/"))) {
            List<ObjectIdentifier> objects = page.contents().stream()
                    .map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
            if (!objects.isEmpty()) {
                s3.get().deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(objects).quiet(true)));
                deleted += objects.size();
            }
        }
        return deleted;
    }

    private long export(TenantStore store, List<PartitionCatalogue.Entry> partitions, List<String> accounts, Path file)
            throws IOException {
        long[] count = {0};
        String userPartition = store.keys().pk("USER");
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
            for (PartitionCatalogue.Entry partition : partitions) {
                store.forEachRaw(partition.table(), partition.pk(), doc -> {
                    try {
                        ObjectNode line = mapper.createObjectNode();
                        line.put("table", partition.table().logicalId());
                        line.set("item", mapper.readTree(doc.toJson()));
                        out.write(line.toString());
                        out.write('\n');
                        count[0]++;
                        if (partition.pk().equals(userPartition)) {
                            accounts.add(doc.getString(TableDefinition.SK));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        return count[0];
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file in /tmp; the execution environment discards it anyway
            }
        }
    }
}
