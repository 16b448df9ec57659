package com.huiqi.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huiqi.search.catalogue.PublishedEntry;
import com.huiqi.search.query.ApplicationState;
import com.huiqi.search.query.QueryText;
import com.huiqi.search.query.SearchCursor;
import com.huiqi.search.query.SearchQuery;
import com.huiqi.search.query.SortOrder;
import com.huiqi.search.query.Synonyms;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

class DemoSearchTest {

    static final Analyzer ANALYZER = Fields.newAnalyzer();
    static final List<PublishedEntry> SIP = DemoCatalogue.of("sip");
    static final TenantIndex INDEX = new TenantIndex(IndexWriting.write(new Projection(SIP).all(), ANALYZER), ANALYZER);

    static SearchResult search(String text, Synonyms synonyms, Map<String, Set<String>> filters) throws IOException {
        return search(text, synonyms, filters, Set.of(), SortOrder.RELEVANCE, 10, null);
    }

    static SearchResult search(String text, Synonyms synonyms, Map<String, Set<String>> filters,
                               Set<ApplicationState> states, SortOrder sort, int limit, SearchCursor after)
            throws IOException {
        Query q = text == null ? new MatchAllDocsQuery() : QueryText.parse(text, ANALYZER, synonyms);
        Instant asOf = Instant.parse("2026-12-01T02:00:00Z");
        SearchQuery query = new SearchQuery(text, filters, states, sort, limit, after, asOf,
                Instant.parse("2026-12-07T16:00:00Z"), 5, "fp");
        return INDEX.search(query, q, c -> QueryText.parseOrNull(c, ANALYZER, synonyms));
    }

    static List<String> keys(SearchResult r) {
        return r.items().stream().map(h -> h.kind() + "/" + h.code()).toList();
    }

    static final Synonyms HIGH_TECH = new Synonyms(List.of(List.of("高企", "高新技术企业")));

    @Test
    void researchExpenseDeductionFindsItsProductItemAndDocumentFirst() throws IOException {
        SearchResult r = search("研发费用 加计扣除", Synonyms.NONE, Map.of());
        assertEquals(Set.of("products/P-JJKC", "items/BZ-JJKC", "documents/D-JJKC"), Set.copyOf(keys(r).subList(0, 3)));
        assertEquals("products/P-JJKC", keys(r).get(0), "the product, whose title is the query, ranks first");
        assertTrue(r.items().get(0).titleHighlight().contains("<em>"), r.items().get(0).titleHighlight());
        assertTrue(r.items().get(0).snippet().contains("<em>研发费用</em>"), r.items().get(0).snippet());
    }

    @Test
    void theAbbreviationFindsTheFullNameOnlyThroughTheCentersSynonyms() throws IOException {
        List<String> literal = keys(search("高企", Synonyms.NONE, Map.of()));
        assertTrue(literal.stream().allMatch(k -> k.contains("YQGQPY")), "only the entry that writes 高企: " + literal);
        List<String> expanded = keys(search("高企", HIGH_TECH, Map.of()));
        assertEquals(Set.of("products/P-YQGQPY", "products/P3205IP00145"), Set.copyOf(expanded.subList(0, 2)));
        assertTrue(expanded.containsAll(List.of("documents/D-GKFH-2016-32", "items/BZ000000000080",
                "notices/N2026-HT-01", "interpretations/I-GKFH-2016-32-1")), expanded.toString());
    }

    @Test
    void talentSubsidyInTheParkFindsTheLeadingTalentProgramme() throws IOException {
        SearchResult r = search("人才 补贴 苏州工业园区", Synonyms.NONE, Map.of());
        assertEquals("products/P-LJRC", keys(r).get(0));
    }

    @Test
    void aWordSmartcnSplitsIsStillFoundWhole() throws IOException {
        // smartcn reads 专精特新 as four single characters; the bigram field finds the run itself.
        List<String> top = keys(search("专精特新", Synonyms.NONE, Map.of()));
        assertEquals(4, top.size(), top.toString());
        assertTrue(top.stream().allMatch(k -> k.endsWith("JSZJTX")), top.toString());
    }

    @Test
    void aMisspeltQueryWithoutHitsGetsACorrectionThatHasHits() throws IOException {
        SearchResult r = search("高薪技术企业", Synonyms.NONE, Map.of());
        assertEquals(0, r.total());
        assertEquals("高新技术企业", r.didYouMean());
        assertTrue(search("高新技术企业", Synonyms.NONE, Map.of()).total() > 0);
        SearchResult typo = search("研发废用", Synonyms.NONE, Map.of());
        assertEquals("研发费用", typo.didYouMean());
        assertEquals(null, search("量子引力波", Synonyms.NONE, Map.of()).didYouMean(), "nothing close: no suggestion");
    }

    @Test
    void aFilteredDimensionIsCountedWithoutItsOwnFilter() throws IOException {
        SearchResult all = search(null, Synonyms.NONE, Map.of());
        SearchResult district = search(null, Synonyms.NONE, Map.of("level", Set.of("DISTRICT")));
        long districtCount = count(all, "level", "DISTRICT");
        assertEquals(districtCount, district.total());
        assertEquals(count(all, "level", "NATIONAL"), count(district, "level", "NATIONAL"),
                "the level facet still offers the other levels");
        assertTrue(count(district, "kind", "products") < count(all, "kind", "products"),
                "other facets follow the filter");
        assertTrue(district.items().stream().allMatch(h -> h.levels().contains("DISTRICT")));
    }

    @Test
    void aCityEnterpriseDoesNotSeeTheDistrictsOwnPolicies() throws IOException {
        Set<String> city = com.huiqi.search.query.SearchParametersAccess.regions("320500");
        assertEquals(Set.of("320500", "320000", "100000"), city);
        SearchResult r = search(null, Synonyms.NONE, Map.of("region", city), Set.of(), SortOrder.RELEVANCE, 100, null);
        assertTrue(r.total() > 0);
        assertTrue(r.items().stream().allMatch(h -> h.regions().stream().anyMatch(city::contains)));
        assertTrue(keys(r).contains("documents/D-SZJSZX") && !keys(r).contains("documents/D-LJRC"), keys(r).toString());
        SearchResult park = search(null, Synonyms.NONE,
                Map.of("region", com.huiqi.search.query.SearchParametersAccess.regions("320571")),
                Set.of(), SortOrder.RELEVANCE, 100, null);
        assertEquals(search(null, Synonyms.NONE, Map.of()).total(), park.total(), "the park sees everything of its center");
    }

    @Test
    void applicationStatesAreJudgedAtTheQueryInstant() throws IOException {
        SearchResult open = search(null, Synonyms.NONE, Map.of(), Set.of(ApplicationState.OPEN), SortOrder.DEADLINE, 100, null);
        SearchResult soon = search(null, Synonyms.NONE, Map.of(), Set.of(ApplicationState.CLOSING_SOON), SortOrder.DEADLINE, 100, null);
        SearchResult closed = search(null, Synonyms.NONE, Map.of(), Set.of(ApplicationState.CLOSED), SortOrder.DEADLINE, 100, null);
        Instant asOf = Instant.parse("2026-12-01T02:00:00Z");
        Instant soonBy = Instant.parse("2026-12-07T16:00:00Z");
        assertTrue(open.total() > 0 && soon.total() > 0 && closed.total() > 0);
        open.items().forEach(h -> assertTrue(!h.opensAt().isAfter(asOf) && h.closesAt().isAfter(asOf), h.code()));
        soon.items().forEach(h -> assertTrue(h.closesAt().isAfter(asOf) && !h.closesAt().isAfter(soonBy), h.code()));
        soon.items().forEach(h -> assertEquals(ApplicationState.CLOSING_SOON, h.applicationState()));
        closed.items().forEach(h -> assertTrue(!h.closesAt().isAfter(asOf), h.code()));
        assertTrue(keys(open).containsAll(keys(soon)), "closing soon is part of open");
        SearchResult all = search(null, Synonyms.NONE, Map.of());
        assertEquals(open.total(), count(all, "applicationState", "OPEN"));
        assertEquals(soon.total(), count(all, "applicationState", "CLOSING_SOON"));
        assertEquals(closed.total(), count(all, "applicationState", "CLOSED"));
        for (int i = 1; i < open.items().size(); i++) {
            assertTrue(!open.items().get(i).closesAt().isBefore(open.items().get(i - 1).closesAt()), "soonest deadline first");
        }
    }

    @Test
    void everySortPagesThroughEveryEntryOnceInTheSameOrder() throws IOException {
        for (SortOrder sort : SortOrder.values()) {
            for (String text : java.util.Arrays.asList(null, "企业")) {
                List<String> onePage = keys(search(text, Synonyms.NONE, Map.of(), Set.of(), sort, 100, null));
                List<String> paged = new java.util.ArrayList<>();
                SearchCursor after = null;
                do {
                    SearchResult page = search(text, Synonyms.NONE, Map.of(), Set.of(), sort, 4, after);
                    paged.addAll(keys(page));
                    after = page.nextCursor() == null ? null : SearchCursor.decode(page.nextCursor(), "fp");
                } while (after != null);
                assertEquals(onePage, paged, sort + " " + text);
                assertEquals(Set.copyOf(paged).size(), paged.size());
            }
        }
    }

    @Test
    void issueDateSortPutsTheNewestDocumentFirst() throws IOException {
        List<SearchResult.Hit> hits = search(null, Synonyms.NONE, Map.of("kind", Set.of("documents")), Set.of(),
                SortOrder.ISSUED, 100, null).items();
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i).issuedOn().compareTo(hits.get(i - 1).issuedOn()) <= 0);
        }
    }

    @Test
    void catalogueTextCannotInjectMarkup() throws IOException {
        var product = SIP.stream().filter(e -> e.code().equals("P-JJKC")).findFirst().orElseThrow();
        var content = product.content().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) content).put("name", "<script>alert(1)</script>加计扣除");
        List<PublishedEntry> entries = new java.util.ArrayList<>(SIP);
        entries.add(new PublishedEntry("products", "P-XSS", "PUBLISHED", 1, content));
        TenantIndex index = new TenantIndex(IndexWriting.write(new Projection(entries).all(), ANALYZER), ANALYZER);
        Query q = QueryText.parse("加计扣除", ANALYZER, Synonyms.NONE);
        SearchResult r = index.search(new SearchQuery("加计扣除", Map.of("kind", Set.of("products")), Set.of(),
                SortOrder.RELEVANCE, 10, null, Instant.now(), Instant.now(), 5, "fp"), q, c -> null);
        SearchResult.Hit xss = r.items().stream().filter(h -> h.code().equals("P-XSS")).findFirst().orElseThrow();
        assertTrue(xss.titleHighlight().startsWith("&lt;script&gt;"), xss.titleHighlight());
        assertTrue(!xss.titleHighlight().contains("<script>"));
    }

    private static long count(SearchResult r, String dim, String value) {
        return r.facets().get(dim).stream().filter(f -> f.value().equals(value)).mapToLong(SearchResult.FacetCount::count)
                .findFirst().orElse(0);
    }
}
