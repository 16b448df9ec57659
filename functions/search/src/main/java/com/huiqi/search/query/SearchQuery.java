package com.huiqi.search.query;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One checked search request.
 *
 * @param text         the keywords, absent to browse the catalogue (政策一览) by filters alone
 * @param filters      facet dimension to the values any of which an entry must have
 * @param states       application states any of which an entry must be in (empty: no condition)
 * @param asOf         the instant application states are judged at; kept in the cursor so pages agree
 * @param closingSoonBy a window closing at or before this instant is closing soon
 * @param closingWithin the number of working days {@code closingSoonBy} was computed for
 * @param fingerprint  the tenant and every parameter but the cursor, hashed: what a cursor must match
 */
public record SearchQuery(String text, Map<String, Set<String>> filters, Set<ApplicationState> states, SortOrder sort,
                          int limit, SearchCursor after, Instant asOf, Instant closingSoonBy, int closingWithin,
                          String fingerprint) {

    public SearchQuery {
        filters = Map.copyOf(filters);
        states = Set.copyOf(states);
    }
}
