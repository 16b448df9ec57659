package com.huiqi.search.index;

import com.huiqi.search.catalogue.PublishedEntry;
import com.huiqi.search.query.ApplicationState;
import com.huiqi.search.query.QueryText;
import com.huiqi.search.query.SearchQuery;
import com.huiqi.search.query.SortOrder;
import com.huiqi.search.query.Synonyms;
import com.huiqi.search.synthetic.SyntheticCatalogue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One search of a tenant with 20,000 policy products (42,500 searchable entries with their items,
 * documents and notices): keywords 研发费用 补贴, two filters (level DISTRICT, region 320571 with
 * its city, province and the nation), all ten facets, first page of 20, highlighted.
 *
 * <ul>
 *   <li>{@code indexed}: the tenant's Lucene index, as the search function runs it;</li>
 *   <li>{@code scan}: the naive baseline once the rows are in memory: every entry's text searched
 *       for the keywords, the filters and facet counts computed entry by entry, ranked by keyword
 *       occurrences. The DynamoDB query that would fetch the rows first is not counted here, so the
 *       ratio is a lower bound; the load driver through the local stack measures it with the query.</li>
 *   <li>{@code coldTenant}: a tenant not open in this instance: the generation's files opened from
 *       the bytes downloaded from the bucket, then the same search (single shots).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
public class SearchBenchmark {

    /** Policy products of the tenant (tests use fewer). */
    @Param("20000")
    public int products;

    static final String KEYWORDS = "研发费用 补贴";

    private final Analyzer analyzer = Fields.newAnalyzer();
    private List<SearchDocument> docs;
    private TenantIndex index;
    private byte[] files;
    private Query text;
    private SearchQuery query;
    private Set<String> regions;

    TenantIndex index() {
        return index;
    }

    SearchQuery query() {
        return query;
    }

    Query text() {
        return text;
    }

    @Setup
    public void setUp() {
        List<PublishedEntry> catalogue = SyntheticCatalogue.generate(products);
        docs = new Projection(catalogue).all();
        var dir = IndexWriting.write(docs, analyzer);
        index = new TenantIndex(dir, analyzer);
        files = IndexStore.zip(dir);
        regions = Set.of("320571", "320500", "320000", "100000");
        text = QueryText.parse(KEYWORDS, analyzer, Synonyms.NONE);
        query = new SearchQuery(KEYWORDS, Map.of("level", Set.of("DISTRICT"), "region", regions,
                "status", Set.of("PUBLISHED")), Set.of(), SortOrder.RELEVANCE, 20, null, SyntheticCatalogue.AS_OF,
                SyntheticCatalogue.AS_OF.plusSeconds(7 * 86_400), 5, "bench");
        System.out.println("\n[search] " + docs.size() + " entries, index " + files.length / 1024 + " KiB, hits "
                + search(index).total());
    }

    SearchResult search(TenantIndex target) {
        try {
            return target.search(query, text, c -> null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public SearchResult indexed() {
        return search(index);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public List<SearchDocument> scan() {
        List<SearchDocument> hits = scanAll();
        return hits.subList(0, Math.min(20, hits.size()));
    }

    /** Every hit of the baseline, best first. */
    List<SearchDocument> scanAll() {
        String[] words = KEYWORDS.split(" ");
        List<SearchDocument> hits = new ArrayList<>();
        Map<SearchDocument, Integer> scores = new HashMap<>();
        Map<String, Map<String, Integer>> facets = new HashMap<>();
        Map<ApplicationState, Integer> states = new EnumMap<>(ApplicationState.class);
        for (SearchDocument d : docs) {
            String all = d.title() + "\n" + d.body();
            int score = 0;
            boolean every = true;
            for (String w : words) {
                int n = occurrences(all, w);
                every &= n > 0;
                score += n;
            }
            if (!every || !d.status().equals("PUBLISHED") || !d.levels().contains("DISTRICT")
                    || d.regions().stream().noneMatch(regions::contains)) {
                continue;
            }
            hits.add(d);
            scores.put(d, score);
            count(facets, "kind", List.of(d.kind()));
            count(facets, "level", d.levels());
            count(facets, "region", d.regions());
            count(facets, "domain", d.domains());
            count(facets, "theme", d.themes());
            count(facets, "supportMethod", d.supportMethods());
            count(facets, "industry", d.industries());
            count(facets, "businessType", d.businessTypes());
            count(facets, "status", List.of(d.status()));
            if (d.opensAt() != null) {
                for (ApplicationState s : TenantIndex.states(d.opensAt().toEpochMilli(), d.closesAt().toEpochMilli(), query)) {
                    states.merge(s, 1, Integer::sum);
                }
            }
        }
        hits.sort(Comparator.comparing((SearchDocument d) -> -scores.get(d)).thenComparing(d -> d.key()));
        return hits;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 3)
    @Measurement(iterations = 15)
    public SearchResult coldTenant() {
        return search(new TenantIndex(IndexStore.unzip(files), analyzer));
    }

    private static int occurrences(String text, String word) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
            n++;
        }
        return n;
    }

    private static void count(Map<String, Map<String, Integer>> facets, String dim, List<String> values) {
        Map<String, Integer> counts = facets.computeIfAbsent(dim, k -> new HashMap<>());
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
    }
}
