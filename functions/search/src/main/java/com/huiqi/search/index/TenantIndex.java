package com.huiqi.search.index;

import com.huiqi.search.query.ApplicationState;
import com.huiqi.search.query.SearchCursor;
import com.huiqi.search.query.SearchQuery;
import com.huiqi.search.query.SortOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * One tenant's open index: an immutable point-in-time view that any number of requests search at
 * once. Holds nothing of any other tenant: each tenant's entries live in an index of their own, so
 * no query, filter or bug in one can reach another's entries.
 */
public final class TenantIndex implements AutoCloseable {

    /** Facet values returned per dimension. */
    static final int FACET_VALUES = 50;

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final SortedSetDocValuesReaderState facetState;
    private final Analyzer analyzer;
    private final Highlighting highlighting;
    private final Spelling spelling;

    public TenantIndex(Directory dir, Analyzer analyzer) {
        try {
            this.reader = DirectoryReader.open(dir);
            this.searcher = new IndexSearcher(reader);
            // The facet ordinals of a reader are built once, here, not per query. A tenant with
            // nothing published has no facet field at all.
            boolean hasFacets = FieldInfos.getMergedFieldInfos(reader)
                    .fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME) != null;
            this.facetState = hasFacets ? new DefaultSortedSetDocValuesReaderState(reader, IndexWriting.facets()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.analyzer = analyzer;
        this.highlighting = new Highlighting(analyzer);
        this.spelling = new Spelling(analyzer);
    }

    public int size() {
        return reader.numDocs();
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    /**
     * Runs {@code q}; {@code textQuery} is its keywords already parsed (match-all when it has none),
     * and {@code reparse} parses a did-you-mean correction the same way.
     */
    public SearchResult search(SearchQuery q, Query textQuery, java.util.function.Function<String, Query> reparse)
            throws IOException {
        return search(q, textQuery, reparse, page -> { });
    }

    /**
     * {@link #search(SearchQuery, Query, java.util.function.Function)}, telling {@code shown} the keys
     * of the page's entries as soon as they are known, before facets are counted and hits are
     * highlighted: work that depends only on which entries a user is shown (the usage event) can
     * then run beside the rest of the query.
     */
    public SearchResult search(SearchQuery q, Query textQuery, java.util.function.Function<String, Query> reparse,
                               java.util.function.Consumer<List<String>> shown) throws IOException {
        Map<String, Query> filters = filters(q);
        Query main = combine(textQuery, filters, null);
        Sort sort = sort(q);
        // Keys are unique, so the doc id of "after" never decides; it only has to be a valid one.
        FieldDoc after = q.after() == null || reader.maxDoc() == 0 ? null : new FieldDoc(reader.maxDoc() - 1, Float.NaN,
                new Object[] {primaryOf(q.sort(), q.after().primary()), new BytesRef(q.after().key())});
        FacetsCollectorManager.FacetsResult found = FacetsCollectorManager.searchAfter(searcher, after, main,
                q.limit() + 1, sort, q.sort() == SortOrder.RELEVANCE, new FacetsCollectorManager());
        TopDocs top = found.topDocs();
        long total = top.totalHits.value;
        ScoreDoc[] docs = top.scoreDocs;
        // Every sort ends with the key (kind/code), so the page's keys are in its sort values already.
        List<String> page = new ArrayList<>();
        for (int i = 0; i < Math.min(docs.length, q.limit()); i++) {
            page.add(((BytesRef) ((FieldDoc) docs[i]).fields[1]).utf8ToString());
        }
        shown.accept(page);

        Map<String, List<SearchResult.FacetCount>> facets = new LinkedHashMap<>();
        // One count of every dimension over the hits; a filtered dimension is counted again over
        // the hits of the other filters.
        Facets all = counter(found.facetsCollector());
        for (String dim : Fields.DIMENSIONS) {
            Facets source = filters.containsKey(dim) ? counter(collect(combine(textQuery, filters, dim))) : all;
            facets.put(dim, counts(source, dim));
        }
        FacetsCollector forStates = filters.containsKey(STATE) ? collect(combine(textQuery, filters, STATE))
                : found.facetsCollector();
        facets.put(STATE, stateCounts(forStates, q));

        List<SearchResult.Hit> hits = new ArrayList<>();
        Highlighting.ForQuery marks = q.text() == null ? null : highlighting.forQuery(textQuery);
        String next = null;
        for (int i = 0; i < Math.min(docs.length, q.limit()); i++) {
            hits.add(hit(docs[i], marks, q));
        }
        if (docs.length > q.limit()) {
            FieldDoc last = (FieldDoc) docs[q.limit() - 1];
            next = encodeAfter(q, last);
        }
        String didYouMean = null;
        if (total == 0 && q.text() != null) {
            didYouMean = spelling.correct(q.text(), reader)
                    .filter(c -> {
                        Query corrected = reparse.apply(c);
                        return corrected != null && count(combine(corrected, filters, null)) > 0;
                    })
                    .orElse(null);
        }
        return new SearchResult(q.text(), total, hits, facets, didYouMean, next, q.asOf());
    }

    /** The key under which application states appear among the facets and filters. */
    public static final String STATE = "applicationState";

    private static String encodeAfter(SearchQuery q, FieldDoc last) {
        Object first = last.fields[0];
        double primary = first instanceof Float f ? f : ((Number) first).doubleValue();
        return new SearchCursor(q.fingerprint(), q.asOf(), primary, ((BytesRef) last.fields[1]).utf8ToString()).encode();
    }

    private int count(Query query) {
        try {
            return searcher.count(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FacetsCollector collect(Query query) throws IOException {
        return searcher.search(query, new FacetsCollectorManager());
    }

    private Facets counter(FacetsCollector fc) throws IOException {
        return facetState == null ? null : new SortedSetDocValuesFacetCounts(facetState, fc);
    }

    private static List<SearchResult.FacetCount> counts(Facets facets, String dim) throws IOException {
        if (facets == null) {
            return List.of();
        }
        FacetResult result;
        try {
            result = facets.getTopChildren(FACET_VALUES, dim);
        } catch (IllegalArgumentException noSuchDimension) {
            // no entry of this tenant has a value for the dimension
            return List.of();
        }
        if (result == null) {
            return List.of();
        }
        List<SearchResult.FacetCount> counts = new ArrayList<>();
        for (LabelAndValue lv : result.labelValues) {
            counts.add(new SearchResult.FacetCount(lv.label, lv.value.longValue()));
        }
        counts.sort(Comparator.comparingLong(SearchResult.FacetCount::count).reversed()
                .thenComparing(SearchResult.FacetCount::value));
        return counts;
    }

    private List<SearchResult.FacetCount> stateCounts(FacetsCollector fc, SearchQuery q) throws IOException {
        Map<ApplicationState, Long> counts = new EnumMap<>(ApplicationState.class);
        for (ApplicationState s : ApplicationState.values()) {
            counts.put(s, 0L);
        }
        for (FacetsCollector.MatchingDocs m : fc.getMatchingDocs()) {
            NumericDocValues opens = DocValues.getNumeric(m.context.reader(), Fields.OPENS_AT);
            NumericDocValues closes = DocValues.getNumeric(m.context.reader(), Fields.CLOSES_AT);
            DocIdSetIterator it = m.bits.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (opens.advanceExact(doc) && closes.advanceExact(doc)) {
                    for (ApplicationState s : states(opens.longValue(), closes.longValue(), q)) {
                        counts.merge(s, 1L, Long::sum);
                    }
                }
            }
        }
        List<SearchResult.FacetCount> out = new ArrayList<>();
        counts.forEach((s, n) -> out.add(new SearchResult.FacetCount(s.name(), n)));
        return out;
    }

    /** The states of a window as of the query's instant. */
    static Set<ApplicationState> states(long opensAt, long closesAt, SearchQuery q) {
        long now = q.asOf().toEpochMilli();
        if (opensAt > now) {
            return Set.of(ApplicationState.NOT_YET_OPEN);
        }
        if (closesAt <= now) {
            return Set.of(ApplicationState.CLOSED);
        }
        return closesAt <= q.closingSoonBy().toEpochMilli()
                ? Set.of(ApplicationState.OPEN, ApplicationState.CLOSING_SOON) : Set.of(ApplicationState.OPEN);
    }

    private Map<String, Query> filters(SearchQuery q) {
        Map<String, Query> filters = new LinkedHashMap<>();
        q.filters().forEach((dim, values) -> filters.put(dim,
                new TermInSetQuery(Fields.filterField(dim), values.stream().map(BytesRef::new).toList())));
        if (!q.states().isEmpty()) {
            long now = q.asOf().toEpochMilli();
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (ApplicationState s : q.states()) {
                any.add(switch (s) {
                    case NOT_YET_OPEN -> LongPoint.newRangeQuery(Fields.OPENS_AT, now + 1, Long.MAX_VALUE);
                    case OPEN -> open(now, Long.MAX_VALUE);
                    case CLOSING_SOON -> open(now, q.closingSoonBy().toEpochMilli());
                    case CLOSED -> LongPoint.newRangeQuery(Fields.CLOSES_AT, Long.MIN_VALUE, now);
                }, Occur.SHOULD);
            }
            filters.put(STATE, any.build());
        }
        return filters;
    }

    /** Open at {@code now} and closing no later than {@code closesBy}. */
    private static Query open(long now, long closesBy) {
        return new BooleanQuery.Builder()
                .add(LongPoint.newRangeQuery(Fields.OPENS_AT, Long.MIN_VALUE, now), Occur.FILTER)
                .add(LongPoint.newRangeQuery(Fields.CLOSES_AT, now + 1, closesBy), Occur.FILTER)
                .build();
    }

    /** The text query with every filter but {@code except}'s. */
    private static Query combine(Query text, Map<String, Query> filters, String except) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST);
        filters.forEach((dim, f) -> {
            if (!dim.equals(except)) {
                b.add(f, Occur.FILTER);
            }
        });
        return b.build();
    }

    private static Sort sort(SearchQuery q) {
        SortField key = new SortField(Fields.KEY, SortField.Type.STRING);
        return switch (q.sort()) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, key);
            case ISSUED -> {
                SortField issued = new SortField(Fields.ISSUED_ON, SortField.Type.LONG, true);
                issued.setMissingValue(Long.MIN_VALUE);
                yield new Sort(issued, key);
            }
            case DEADLINE -> new Sort(new DeadlineRank(q.asOf().toEpochMilli()).getSortField(false), key);
        };
    }

    private static Object primaryOf(SortOrder sort, double primary) {
        return sort == SortOrder.RELEVANCE ? (Object) (float) primary : (Object) (long) primary;
    }

    private SearchResult.Hit hit(ScoreDoc sd, Highlighting.ForQuery marks, SearchQuery q) throws IOException {
        Document d = searcher.storedFields().document(sd.doc);
        String title = d.get(Fields.TITLE);
        String excerpt = d.get(Fields.EXCERPT);
        Long opens = number(d, Fields.OPENS_AT);
        Long closes = number(d, Fields.CLOSES_AT);
        ApplicationState state = null;
        if (opens != null && closes != null) {
            Set<ApplicationState> s = states(opens, closes, q);
            state = s.contains(ApplicationState.CLOSING_SOON) ? ApplicationState.CLOSING_SOON : s.iterator().next();
        }
        return new SearchResult.Hit(d.get(Fields.KIND), d.get(Fields.CODE), title,
                marks == null ? Highlighting.escape(title) : marks.title(title),
                marks == null ? Highlighting.lead(excerpt) : marks.snippet(excerpt),
                values(d, "level"), values(d, "region"), values(d, "domain"), values(d, "theme"),
                values(d, "supportMethod"), values(d, "businessType"), values(d, "status").get(0),
                d.get(Fields.ISSUED_ON), opens == null ? null : Instant.ofEpochMilli(opens),
                closes == null ? null : Instant.ofEpochMilli(closes), state,
                q.sort() == SortOrder.RELEVANCE && q.text() != null ? sd.score : null);
    }

    private static List<String> values(Document d, String dim) {
        return List.of(d.getValues(Fields.filterField(dim)));
    }

    private static Long number(Document d, String field) {
        var f = d.getField(field);
        return f == null ? null : f.numericValue().longValue();
    }

    /**
     * The keys ({@code kind/code}) of the entries {@code q} finds with {@code textQuery}, at most
     * {@code max}, without facets or highlights: for matching saved searches against the entries
     * just published.
     */
    public List<String> keysMatching(SearchQuery q, Query textQuery, int max) throws IOException {
        TopDocs top = searcher.search(combine(textQuery, filters(q), null), max,
                new Sort(new SortField(Fields.KEY, SortField.Type.STRING)));
        List<String> keys = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
            Document d = searcher.storedFields().document(sd.doc);
            keys.add(SearchDocument.key(d.get(Fields.KIND), d.get(Fields.CODE)));
        }
        return keys;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
