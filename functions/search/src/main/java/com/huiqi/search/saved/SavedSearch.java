package com.huiqi.search.saved;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A saved search (订阅, Qingdao 千企千面): what an enterprise wants to hear about, as the parameters
 * of {@code GET /search} (keywords, or a set of tags such as theme, domain or industry), and how
 * it wants to be told besides its inbox.
 *
 * @param enterprise the credit code of the enterprise that keeps it
 * @param query      the search parameters, in {@code GET /search}'s syntax
 * @param channels   SMS and/or WECHAT; empty for the inbox alone
 */
public record SavedSearch(String id, String enterprise, String name, Map<String, String> query, List<String> channels,
                          String createdBy, Instant createdAt, Instant updatedAt) {

    public SavedSearch {
        query = Map.copyOf(query);
        channels = List.copyOf(channels);
    }
}
