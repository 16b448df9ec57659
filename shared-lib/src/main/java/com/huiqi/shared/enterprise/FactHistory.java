package com.huiqi.shared.enterprise;

import java.time.Instant;

/**
 * A value that a later one replaced or that its source withdrew: kept beside the file so a reader
 * can trace every figure back through its sources.
 *
 * @param key          the figure ({@link FileFields#key})
 * @param claim        the value as it was, with its source and time
 * @param supersededAt when it stopped being that source's value
 * @param supersededBy who recorded the change
 * @param withdrawn    true when the source withdrew it rather than giving a new value
 */
public record FactHistory(String key, Claim claim, Instant supersededAt, String supersededBy, boolean withdrawn) {
}
