package com.huiqi.search.query;

import com.huiqi.search.index.Fields;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * Lucene's classic query syntax over the text fields: words separated by spaces must all match
 * (研发费用 加计扣除), "quotes" keep words together, OR, NOT, - and parentheses work as usual. A
 * run of Chinese is matched as a phrase, not as loose characters. Synonyms expand each word into
 * its variants. Naming a field ({@code status:EXPIRED}) is refused: filters are query parameters,
 * and the fields of the index are not the client's to address. Wildcards, fuzzy, range and regular
 * expression queries are refused too: on Chinese words they find little and cost much.
 */
final class PolicyQueryParser extends MultiFieldQueryParser {

    private final Synonyms synonyms;

    PolicyQueryParser(Analyzer analyzer, Synonyms synonyms) {
        super(Fields.QUERY_FIELDS.keySet().toArray(String[]::new), analyzer, Fields.QUERY_FIELDS);
        this.synonyms = synonyms;
        setDefaultOperator(AND_OPERATOR);
        setSplitOnWhitespace(true);
        setAutoGeneratePhraseQueries(true);
        setAllowLeadingWildcard(false);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        requireDefaultField(field);
        List<String> variants = synonyms.variants(queryText);
        if (variants.size() == 1) {
            return super.getFieldQuery(null, queryText, quoted);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String variant : variants) {
            Query q = super.getFieldQuery(null, variant, quoted);
            if (q != null) {
                any.add(q, BooleanClause.Occur.SHOULD);
            }
        }
        return any.build();
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        requireDefaultField(field);
        return super.getFieldQuery(null, queryText, slop);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        throw new ParseException("wildcards are not supported");
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        throw new ParseException("wildcards are not supported");
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        throw new ParseException("fuzzy queries are not supported");
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                  boolean endInclusive) throws ParseException {
        throw new ParseException("range queries are not supported");
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        throw new ParseException("regular expressions are not supported");
    }

    private void requireDefaultField(String field) throws ParseException {
        if (field != null) {
            throw new ParseException("unknown field " + field);
        }
    }
}
