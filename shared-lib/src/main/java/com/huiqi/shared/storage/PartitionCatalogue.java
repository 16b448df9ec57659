package com.huiqi.shared.storage;

import com.huiqi.shared.tenancy.Keys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * The list of partitions a tenant has written ({@code <tenant>#PARTITIONS}), so that offboarding can
 * find and delete all of a tenant's items by queries alone, without ever scanning the shared tables.
 * An entry names one partition as {@code <table logical id>|<partition key>}.
 *
 * <p>A write lists all the partitions it wrote in one item (not one item per partition, which cost a
 * bulk import an item per new enterprise): sort key {@code SET#<SHA-256 of the sorted entries>},
 * attribute {@code partitions} the sorted entries. The key is a function of the set, so the same set
 * written again is the same idempotent put, and a catalogue grows by one item per distinct set.
 * Written by {@link Transaction}, {@link CounterBatch} and {@link BulkLoad}; read by offboarding.
 *
 * <p>Catalogues written before sets held one item per partition, its sort key the entry itself.
 * {@link #read} still understands those: data kept between local runs ({@code --data-dir}) and any
 * table deployed before hold them, and an entry missed is a partition offboarding would leave behind.
 */
public final class PartitionCatalogue {

    static final String ENTITY = "PartitionSet";

    /**
     * The most entries one item lists. A transaction writes at most 100 items, so it never lists more
     * partitions than this; a bulk load splits its entries into items of this many. An entry is about
     * 60 to 120 bytes, so an item stays near 12 KB, far below DynamoDB's 400 KB item limit.
     */
    static final int MAX_ENTRIES = Transaction.MAX_ITEMS;

    private static final String CATALOGUE = "PARTITIONS";
    private static final String SET = "SET#";

    private PartitionCatalogue() {
    }

    /** The attributes of one catalogue item: the entries of one write, sorted. */
    record PartitionSet(List<String> partitions) {
    }

    public static String partitionKey(Keys keys) {
        return keys.pk(CATALOGUE);
    }

    static String entry(TableDefinition table, String pk) {
        return table.logicalId() + "|" + pk;
    }

    /** The one item that lists {@code entries} (at most {@link #MAX_ENTRIES}) in {@code store}'s catalogue. */
    static EnhancedDocument item(TenantStore store, Collection<String> entries) {
        if (entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("a catalogue item lists 1 to " + MAX_ENTRIES + " partitions, not "
                    + entries.size());
        }
        List<String> sorted = List.copyOf(new TreeSet<>(entries));
        ItemKey key = ItemKey.of(partitionKey(store.keys()), SET + sha256(String.join("\n", sorted)));
        return store.toDocument(key, new PartitionSet(sorted), ENTITY, 1);
    }

    /** The items that list {@code entries}, {@link #MAX_ENTRIES} a piece: for loads larger than a transaction. */
    static List<EnhancedDocument> items(TenantStore store, Collection<String> entries) {
        List<String> sorted = List.copyOf(new TreeSet<>(entries));
        List<EnhancedDocument> items = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += MAX_ENTRIES) {
            items.add(item(store, sorted.subList(from, Math.min(sorted.size(), from + MAX_ENTRIES))));
        }
        return items;
    }

    /** How many items {@link #items} writes for {@code entries} distinct entries. */
    static int itemCount(int entries) {
        return (entries + MAX_ENTRIES - 1) / MAX_ENTRIES;
    }

    /** A tenant's whole catalogue: every partition it lists, once each in entry order, and the catalogue's own items. */
    public record Listing(List<Entry> partitions, List<Key> items) {
    }

    /** Reads the tenant's catalogue, set items and single-entry items of before alike. */
    public static Listing read(TenantStore store) {
        TreeSet<String> entries = new TreeSet<>();
        List<Key> items = new ArrayList<>();
        store.forEachRaw(Tables.DATA, partitionKey(store.keys()), doc -> {
            String sk = doc.getString(TableDefinition.SK);
            items.add(Key.builder().partitionValue(doc.getString(TableDefinition.PK)).sortValue(sk).build());
            if (sk.startsWith(SET)) {
                entries.addAll(store.toEntity(doc, PartitionSet.class).partitions());
            } else {
                entries.add(sk);
            }
        });
        return new Listing(entries.stream().map(Entry::parse).toList(), items);
    }

    /** One partition of the catalogue: its table and partition key. */
    public record Entry(TableDefinition table, String pk) {

        static Entry parse(String entry) {
            int bar = entry.indexOf('|');
            String logicalId = entry.substring(0, bar);
            TableDefinition table = Tables.all().stream().filter(t -> t.logicalId().equals(logicalId))
                    .findFirst().orElseThrow(() -> new IllegalStateException("unknown table " + logicalId));
            return new Entry(table, entry.substring(bar + 1));
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
