package com.huiqi.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huiqi.search.query.SearchQuery;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The benchmark's sides answer the same question: both baselines find exactly the index's hits. */
class SearchBaselineTest {

    private static final SearchBenchmark BENCH = new SearchBenchmark();
    private static final SearchBenchmark.Table TABLE = new SearchBenchmark.Table();
    private static Set<String> indexed;

    @BeforeAll
    static void setUp() throws Exception {
        BENCH.products = 2_000;
        BENCH.setUp();
        TABLE.setUp(BENCH);
        SearchQuery q = BENCH.query();
        SearchQuery everything = new SearchQuery(q.text(), q.filters(), q.states(), q.sort(), 10_000, null, q.asOf(),
                q.closingSoonBy(), q.closingWithin(), q.fingerprint());
        SearchResult result = BENCH.index().search(everything, BENCH.text(), c -> null);
        assertTrue(result.total() > 20, "the query must have pages of hits: " + result.total());
        indexed = result.items().stream().map(h -> h.kind() + "/" + h.code()).collect(Collectors.toSet());
    }

    @AfterAll
    static void tearDown() {
        TABLE.tearDown();
    }

    @Test
    void theScanFindsWhatTheIndexFinds() {
        assertEquals(indexed, keys(BENCH.scanAll()));
    }

    @Test
    void theDynamoQueryFindsWhatTheIndexFinds() {
        assertEquals(indexed, keys(TABLE.search()));
    }

    @Test
    void theIndexAndTheBaselineCountTheSameFacets() throws IOException {
        var baseline = TABLE.search().facets();
        SearchResult result = BENCH.index().search(BENCH.query(), BENCH.text(), c -> null);
        // Unfiltered dimensions are counted over the same hits; filtered ones (level, region, status)
        // are counted by the index without their own filter, which the baseline does not do.
        for (String dim : Set.of("kind", "domain", "theme", "supportMethod", "businessType")) {
            var counts = result.facets().get(dim).stream()
                    .collect(Collectors.toMap(SearchResult.FacetCount::value, c -> (int) c.count()));
            assertEquals(baseline.getOrDefault(dim, java.util.Map.of()), counts, dim);
        }
        var states = result.facets().get(TenantIndex.STATE).stream().filter(c -> c.count() > 0)
                .collect(Collectors.toMap(SearchResult.FacetCount::value, c -> (int) c.count()));
        assertEquals(states, BENCH.scanAll().states().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().name(), java.util.Map.Entry::getValue)));
    }

    private static Set<String> keys(NaiveSearch.Result result) {
        return result.hits().stream().map(SearchDocument::key).collect(Collectors.toSet());
    }
}
