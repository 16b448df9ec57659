package com.huiqi.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huiqi.search.query.SearchQuery;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The benchmark's two sides answer the same question: the baseline finds exactly the index's hits. */
class SearchBaselineTest {

    @Test
    void theScanFindsWhatTheIndexFinds() throws IOException {
        SearchBenchmark bench = new SearchBenchmark();
        bench.products = 2_000;
        bench.setUp();
        SearchQuery q = bench.query();
        SearchQuery everything = new SearchQuery(q.text(), q.filters(), q.states(), q.sort(), 10_000, null, q.asOf(),
                q.closingSoonBy(), q.closingWithin(), q.fingerprint());
        SearchResult indexed = bench.index().search(everything, bench.text(), c -> null);
        Set<String> scanned = bench.scanAll().stream().map(d -> d.key()).collect(Collectors.toSet());
        assertTrue(indexed.total() > 20, "the query must have pages of hits: " + indexed.total());
        assertEquals(scanned, indexed.items().stream().map(h -> h.kind() + "/" + h.code()).collect(Collectors.toSet()));
    }
}
