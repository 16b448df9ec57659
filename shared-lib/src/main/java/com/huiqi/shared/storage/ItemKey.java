package com.huiqi.shared.storage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an item lives: its primary key and, optionally, its keys in the table's global secondary
 * indexes ({@link TableDefinition#indexes}), index name to key. Build partition keys with
 * {@link com.huiqi.shared.tenancy.Keys#pk}; the store rejects any that the tenant does not own.
 */
public record ItemKey(String pk, String sk, Map<String, IndexKey> indexes) {

    /** An item's key in one index: {@code <index>pk} and {@code <index>sk}. */
    public record IndexKey(String pk, String sk) {
    }

    public ItemKey {
        indexes = Map.copyOf(indexes);
    }

    public static ItemKey of(String pk, String sk) {
        return new ItemKey(pk, sk, Map.of());
    }

    /** The same item, also listed in {@code gsi1}. */
    public ItemKey withIndex(String gsi1pk, String gsi1sk) {
        return withIndex("gsi1", gsi1pk, gsi1sk);
    }

    /** The same item, also listed in index {@code index} under partition {@code indexPk}. */
    public ItemKey withIndex(String index, String indexPk, String indexSk) {
        Map<String, IndexKey> more = new LinkedHashMap<>(indexes);
        more.put(index, new IndexKey(indexPk, indexSk));
        return new ItemKey(pk, sk, more);
    }
}
