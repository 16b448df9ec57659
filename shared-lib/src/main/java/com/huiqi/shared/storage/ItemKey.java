package com.huiqi.shared.storage;

/**
 * Where an item lives: its primary key and, optionally, its {@code gsi1} key. Build partition
 * keys with {@link com.huiqi.shared.tenancy.Keys#pk}; the store rejects any that the tenant does
 * not own.
 */
public record ItemKey(String pk, String sk, String gsi1pk, String gsi1sk) {

    public static ItemKey of(String pk, String sk) {
        return new ItemKey(pk, sk, null, null);
    }

    public ItemKey withIndex(String gsi1pk, String gsi1sk) {
        return new ItemKey(pk, sk, gsi1pk, gsi1sk);
    }
}
