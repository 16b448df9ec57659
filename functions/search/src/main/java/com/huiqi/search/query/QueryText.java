package com.huiqi.search.query;

import com.huiqi.shared.error.ApiException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/** Parses the keywords of a query; a query the parser cannot read is the client's 400, never a 500. */
public final class QueryText {

    /** Longer than any real query; bounds what the parser and the analyser are made to do. */
    public static final int MAX_LENGTH = 200;

    private QueryText() {
    }

    public static Query parse(String text, Analyzer analyzer, Synonyms synonyms) {
        try {
            Query q = new PolicyQueryParser(analyzer, synonyms).parse(text);
            // Only stop characters (的, punctuation): nothing to look for.
            return q == null ? new MatchNoDocsQuery() : q;
        } catch (ParseException e) {
            throw invalid("查询语法有误（如引号或括号未配对、使用了不支持的字段或通配符）",
                    "The query cannot be parsed (unbalanced quotes or parentheses, a field name or a wildcard)");
        } catch (IndexSearcher.TooManyClauses e) {
            throw invalid("查询条件过于复杂", "The query is too complex");
        }
    }

    /** For a did-you-mean correction, which may well not parse: then there is nothing to offer. */
    public static Query parseOrNull(String text, Analyzer analyzer, Synonyms synonyms) {
        try {
            return parse(text, analyzer, synonyms);
        } catch (ApiException e) {
            return null;
        }
    }

    public static ApiException invalid(String zh, String en) {
        return ApiException.badRequest("INVALID_QUERY", zh, en, "q");
    }
}
