package com.huiqi.shared.storage;

/** A value read from the store with the version it had, for an optimistic-locking write back. */
public record Stored<T>(T value, long version) {
}
