package com.huiqi.shared.storage;

import java.util.List;

/** One page of a list, with the opaque cursor of the next page ({@code null} on the last page). */
public record Page<T>(List<T> items, String nextCursor) {
}
