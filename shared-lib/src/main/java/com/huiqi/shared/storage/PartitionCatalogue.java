package com.huiqi.shared.storage;

import com.huiqi.shared.tenancy.Keys;

/**
 * The list of partitions a tenant has written ({@code <tenant>#PARTITIONS}), one item per
 * partition, sort key {@code <table logical id>|<partition key>}. Maintained by
 * {@link Transaction#commit()}; read by offboarding.
 */
public final class PartitionCatalogue {

    static final String ENTITY = "Partition";
    private static final String CATALOGUE = "PARTITIONS";

    private PartitionCatalogue() {
    }

    public static String partitionKey(Keys keys) {
        return keys.pk(CATALOGUE);
    }

    static String entry(TableDefinition table, String pk) {
        return table.logicalId() + "|" + pk;
    }

    static ItemKey keyOf(Keys keys, String entry) {
        return ItemKey.of(partitionKey(keys), entry);
    }

    /** Splits a catalogue sort key back into its table and partition key. */
    public record Entry(TableDefinition table, String pk) {

        public static Entry parse(String sortKey) {
            int bar = sortKey.indexOf('|');
            String logicalId = sortKey.substring(0, bar);
            TableDefinition table = Tables.all().stream().filter(t -> t.logicalId().equals(logicalId))
                    .findFirst().orElseThrow(() -> new IllegalStateException("unknown table " + logicalId));
            return new Entry(table, sortKey.substring(bar + 1));
        }
    }
}
