package com.huiqi.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huiqi.search.catalogue.PublishedEntry;
import com.huiqi.search.query.QueryText;
import com.huiqi.search.query.SearchQuery;
import com.huiqi.search.query.SortOrder;
import com.huiqi.search.query.Synonyms;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * The indexer's shortcut (re-project, rewrite only what changed, keep the rest of the previous
 * generation) must give exactly the index a full rebuild gives: checked after random sequences of
 * publications, new versions, revocations and re-publications over the demo catalogue, by
 * comparing every query's hits, order and facets, and the documents' projections themselves.
 */
class IndexerTest {

    private static final Analyzer ANALYZER = Fields.newAnalyzer();
    private static final List<String> QUERIES = Arrays.asList(null, "高新技术企业", "研发费用", "补贴", "园区 人才",
            "知识产权", "专精特新");

    @Test
    void incrementalUpdatesEqualAFullRebuild() throws IOException {
        List<PublishedEntry> demo = DemoCatalogue.of("sip");
        for (long seed = 1; seed <= 12; seed++) {
            Random random = new Random(seed);
            List<PublishedEntry> catalogue = new ArrayList<>(demo.subList(0, demo.size() / 2));
            Directory dir = IndexWriting.write(new Projection(catalogue).all(), ANALYZER);
            for (int step = 0; step < 8; step++) {
                Map<String, Optional<PublishedEntry>> changes = new LinkedHashMap<>();
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    PublishedEntry e = demo.get(random.nextInt(demo.size()));
                    String key = SearchDocument.key(e.kind(), e.code());
                    changes.put(key, switch (random.nextInt(3)) {
                        case 0 -> Optional.empty();
                        case 1 -> Optional.of(e);
                        default -> Optional.of(renamed(e, step));
                    });
                }
                Indexer.Delta delta = Indexer.delta(catalogue, changes);
                IndexWriting.update(dir, ANALYZER, delta.changed(), delta.gone());
                catalogue = new ArrayList<>(delta.catalogue());
                TenantIndex incremental = new TenantIndex(dir, ANALYZER);
                TenantIndex rebuilt = new TenantIndex(IndexWriting.write(new Projection(catalogue).all(), ANALYZER), ANALYZER);
                assertEquals(rebuilt.size(), incremental.size(), "seed " + seed + " step " + step);
                for (String q : QUERIES) {
                    for (SortOrder sort : SortOrder.values()) {
                        SearchResult a = search(incremental, q, sort);
                        SearchResult b = search(rebuilt, q, sort);
                        String where = "seed " + seed + " step " + step + " query " + q + " " + sort;
                        assertEquals(b.total(), a.total(), where);
                        assertEquals(b.facets(), a.facets(), where);
                        List<String> expected = b.items().stream().map(IndexerTest::describe).toList();
                        List<String> actual = a.items().stream().map(IndexerTest::describe).toList();
                        if (sort == SortOrder.RELEVANCE) {
                            // Scores may differ: deleted documents count in term statistics until merged away.
                            assertEquals(Set.copyOf(expected), Set.copyOf(actual), where);
                        } else {
                            assertEquals(expected, actual, where);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aChangedItemReachesTheProductThatGathersIt() {
        List<PublishedEntry> demo = DemoCatalogue.of("sip");
        PublishedEntry variety = demo.stream().filter(e -> e.code().equals("S-LJRC")).findFirst().orElseThrow();
        ObjectNode content = variety.content().deepCopy();
        content.put("type", "FUNDING");
        PublishedEntry changed = new PublishedEntry("varieties", "S-LJRC", "PUBLISHED", 2, content);
        Indexer.Delta delta = Indexer.delta(demo, Map.of("varieties/S-LJRC", Optional.of(changed)));
        List<String> keys = delta.changed().stream().map(SearchDocument::key).toList();
        assertTrue(keys.containsAll(List.of("items/BZ-LJRC", "products/P-LJRC", "notices/N-LJRC")), keys.toString());
        assertTrue(delta.changed().stream().allMatch(d -> d.businessTypes().contains("FUNDING")));
        assertEquals(List.of(), delta.gone());
    }

    @Test
    void aDraftChangeIsNoChange() {
        List<PublishedEntry> demo = DemoCatalogue.of("sip");
        Indexer.Delta draft = Indexer.delta(demo, Map.of("documents/D-DRAFT-ONLY", Optional.empty()));
        assertTrue(draft.unchanged());
        PublishedEntry variety = demo.stream().filter(e -> e.code().equals("S-LJRC")).findFirst().orElseThrow();
        ObjectNode content = variety.content().deepCopy();
        content.put("department", "另一个部门");
        Indexer.Delta unseen = Indexer.delta(demo, Map.of("varieties/S-LJRC",
                Optional.of(new PublishedEntry("varieties", "S-LJRC", "PUBLISHED", 2, content))));
        assertEquals(List.of(), unseen.changed(), "no document shows a variety's department");
        assertTrue(!unseen.unchanged(), "but the snapshot must keep the new version for later projections");
    }

    @Test
    void onlyWhatIsPublishedAndWasNotBeforeIsNewsForSavedSearches() {
        List<PublishedEntry> demo = DemoCatalogue.of("sip");
        PublishedEntry document = demo.stream().filter(e -> e.kind().equals("documents")).findFirst().orElseThrow();
        List<PublishedEntry> without = demo.stream().filter(e -> e != document).toList();
        String key = SearchDocument.key(document.kind(), document.code());

        Indexer.Delta first = Indexer.delta(without, Map.of(key, Optional.of(document)));
        assertEquals(List.of(key), first.published().stream().map(p -> p.document().key()).toList());
        assertEquals(document.version(), first.published().get(0).version());

        Indexer.Delta newVersion = Indexer.delta(demo, Map.of(key, Optional.of(renamed(document, 2))));
        assertTrue(!newVersion.changed().isEmpty(), "the new version is re-indexed");
        assertEquals(List.of(), newVersion.published(), "but a new version of a published entry is no news");

        PublishedEntry expired = new PublishedEntry(document.kind(), document.code(), "EXPIRED", document.version(),
                document.content());
        Indexer.Delta expiry = Indexer.delta(demo, Map.of(key, Optional.of(expired)));
        assertEquals(List.of(), expiry.published(), "an expiry is no news");
        List<PublishedEntry> afterExpiry = new ArrayList<>(expiry.catalogue());
        PublishedEntry republished = new PublishedEntry(document.kind(), document.code(), "PUBLISHED",
                document.version() + 1, document.content());
        Indexer.Delta again = Indexer.delta(afterExpiry, Map.of(key, Optional.of(republished)));
        assertEquals(List.of(key), again.published().stream().map(p -> p.document().key()).toList(),
                "published again after expiry is news again");
    }

    private static PublishedEntry renamed(PublishedEntry e, int step) {
        ObjectNode content = e.content().deepCopy();
        String field = content.has("name") ? "name" : "title";
        content.put(field, content.path(field).asText() + "（第" + step + "版补贴）");
        return new PublishedEntry(e.kind(), e.code(), "PUBLISHED", e.version() + 1, content);
    }

    private static String describe(SearchResult.Hit h) {
        return h.kind() + "/" + h.code() + "|" + h.title() + "|" + h.domains() + "|" + h.businessTypes() + "|"
                + h.regions() + "|" + h.closesAt() + "|" + h.snippet();
    }

    private static SearchResult search(TenantIndex index, String text, SortOrder sort) throws IOException {
        Query q = text == null ? new MatchAllDocsQuery() : QueryText.parse(text, ANALYZER, Synonyms.NONE);
        return index.search(new SearchQuery(text, Map.of(), Set.of(), sort, 100, null,
                Instant.parse("2026-12-01T02:00:00Z"), Instant.parse("2026-12-07T16:00:00Z"), 5, "fp"), q, c -> null);
    }
}
