package com.huiqi.search.index;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import java.util.Map;

/**
 * The fields of a tenant's index and how their text is analysed. Every text is indexed twice:
 * segmented into words by smartcn (precise, ranks whole words first) and as overlapping character
 * bigrams (finds a word that smartcn split differently in the text, such as 人才 inside
 * 领军人才, which smartcn reads as 领 / 军人 / 才). Queries search both; the bigram field also feeds
 * highlighting and did-you-mean.
 */
public final class Fields {

    public static final String KEY = "key";
    public static final String KIND = "kind";
    public static final String CODE = "code";
    public static final String TITLE = "title";
    public static final String TITLE_GRAMS = "title_g";
    public static final String TEXT = "text";
    public static final String TEXT_GRAMS = "text_g";
    /** The stored start of the body that snippets are cut from. */
    public static final String EXCERPT = "excerpt";
    public static final String ISSUED_ON = "issuedOn";
    public static final String OPENS_AT = "opensAt";
    public static final String CLOSES_AT = "closesAt";

    /** Facet dimensions with plain values: each is indexed as a facet and as a filter field {@code f.<dim>}. */
    public static final List<String> DIMENSIONS = List.of("kind", "level", "region", "domain", "theme",
            "supportMethod", "industry", "businessType", "status");

    /** The text fields a query searches, with their boosts. */
    public static final Map<String, Float> QUERY_FIELDS = Map.of(TITLE, 4f, TITLE_GRAMS, 2f, TEXT, 1f, TEXT_GRAMS, 0.5f);

    private Fields() {
    }

    public static String filterField(String dimension) {
        return "f." + dimension;
    }

    /** The analyzers are thread-safe and costly to build (smartcn loads its dictionaries): one per process. */
    public static Analyzer newAnalyzer() {
        Analyzer grams = new CJKAnalyzer();
        return new PerFieldAnalyzerWrapper(new SmartChineseAnalyzer(), Map.of(TITLE_GRAMS, grams, TEXT_GRAMS, grams));
    }
}
