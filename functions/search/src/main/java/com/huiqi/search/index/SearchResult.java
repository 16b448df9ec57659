package com.huiqi.search.index;

import com.huiqi.search.query.ApplicationState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page of a search.
 *
 * @param total      every entry that matches, on all pages
 * @param facets     per dimension, the values with their counts for this query; a dimension that is
 *                   filtered is counted without its own filter (the other filters still apply), so
 *                   its counts show what choosing another value would give
 * @param didYouMean a corrected query that has hits, when this one has none
 * @param asOf       the instant application states were judged at
 */
public record SearchResult(String query, long total, List<Hit> items, Map<String, List<FacetCount>> facets,
                           String didYouMean, String nextCursor, Instant asOf) {

    /**
     * One matching entry.
     *
     * @param titleHighlight the title, HTML-escaped, with the matched words in {@code <em>}
     * @param snippet        a passage of the text around the matches, HTML-escaped, matches in {@code <em>}
     */
    public record Hit(String kind, String code, String title, String titleHighlight, String snippet,
                      List<String> levels, List<String> regions, List<String> domains, List<String> themes,
                      List<String> supportMethods, List<String> businessTypes, String status, String issuedOn,
                      Instant opensAt, Instant closesAt, ApplicationState applicationState, Float score) {
    }

    public record FacetCount(String value, long count) {
    }
}
