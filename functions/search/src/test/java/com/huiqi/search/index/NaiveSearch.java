package com.huiqi.search.index;

import com.huiqi.search.catalogue.PublishedEntry;
import com.huiqi.search.query.ApplicationState;
import com.huiqi.search.query.SearchQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline of the search benchmarks: search without an index. Every entry of the catalogue is
 * projected as the indexer projects it (so that it carries what it inherits, and the filters mean
 * the same), its text searched for each keyword as a substring, the filters and every facet count
 * computed entry by entry, and the hits ranked by keyword occurrences. {@code SearchBaselineTest}
 * (benchmarks module) proves it finds exactly the index's hits for the benchmarks' query.
 *
 * <p>It touches no Lucene class (the load driver runs it without Lucene on its class path), so it
 * names the facet dimensions and judges application states itself, as {@link Fields} and
 * {@link TenantIndex} do.
 */
public final class NaiveSearch {

    private static final List<String> DIMENSIONS = List.of("kind", "level", "region", "domain", "theme",
            "supportMethod", "industry", "businessType", "status");

    private NaiveSearch() {
    }

    /** The hits and the facet counts, as a search without an index would compute them. */
    public record Result(List<SearchDocument> hits, Map<String, Map<String, Integer>> facets,
                         Map<ApplicationState, Integer> states) {
    }

    /** Projects {@code catalogue} (as read from the table), then {@link #scan}s it. */
    public static Result search(Collection<PublishedEntry> catalogue, SearchQuery q) {
        return scan(new Projection(catalogue).all(), q);
    }

    /** Every hit of {@code q} among projected entries, best first. Only keywords and plain filters are supported. */
    public static Result scan(List<SearchDocument> docs, SearchQuery q) {
        String[] words = q.text() == null ? new String[0] : q.text().split(" ");
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
            if (!every || !q.filters().entrySet().stream()
                    .allMatch(f -> values(d, f.getKey()).stream().anyMatch(f.getValue()::contains))) {
                continue;
            }
            hits.add(d);
            scores.put(d, score);
            for (String dim : DIMENSIONS) {
                Map<String, Integer> counts = facets.computeIfAbsent(dim, k -> new HashMap<>());
                values(d, dim).forEach(v -> counts.merge(v, 1, Integer::sum));
            }
            if (d.opensAt() != null) {
                for (ApplicationState s : states(d, q)) {
                    states.merge(s, 1, Integer::sum);
                }
            }
        }
        hits.sort(Comparator.comparing((SearchDocument d) -> -scores.get(d)).thenComparing(d -> d.key()));
        return new Result(hits, facets, states);
    }

    private static List<String> values(SearchDocument d, String dim) {
        return switch (dim) {
            case "kind" -> List.of(d.kind());
            case "level" -> d.levels();
            case "region" -> d.regions();
            case "domain" -> d.domains();
            case "theme" -> d.themes();
            case "supportMethod" -> d.supportMethods();
            case "industry" -> d.industries();
            case "businessType" -> d.businessTypes();
            case "status" -> List.of(d.status());
            default -> throw new IllegalArgumentException("no dimension " + dim);
        };
    }

    private static List<ApplicationState> states(SearchDocument d, SearchQuery q) {
        if (d.opensAt().isAfter(q.asOf())) {
            return List.of(ApplicationState.NOT_YET_OPEN);
        }
        if (!d.closesAt().isAfter(q.asOf())) {
            return List.of(ApplicationState.CLOSED);
        }
        return d.closesAt().isAfter(q.closingSoonBy()) ? List.of(ApplicationState.OPEN)
                : List.of(ApplicationState.OPEN, ApplicationState.CLOSING_SOON);
    }

    private static int occurrences(String text, String word) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
            n++;
        }
        return n;
    }
}
