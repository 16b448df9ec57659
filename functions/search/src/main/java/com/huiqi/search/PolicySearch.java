package com.huiqi.search;

import com.huiqi.search.index.SearchResult;
import com.huiqi.search.index.TenantIndex;
import com.huiqi.search.index.TenantIndexes;
import com.huiqi.search.query.QueryText;
import com.huiqi.search.query.SearchQuery;
import com.huiqi.search.query.SynonymStore;
import com.huiqi.search.query.Synonyms;
import com.huiqi.shared.storage.TenantStore;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/** 政策超市 search: one query against the caller's tenant index, with the tenant's synonyms. */
@Singleton
public class PolicySearch {

    private final TenantIndexes indexes;
    private final SynonymStore synonyms;

    public PolicySearch(TenantIndexes indexes, SynonymStore synonyms) {
        this.indexes = indexes;
        this.synonyms = synonyms;
    }

    /** Runs the query; {@code shown} hears the keys of the page's entries before facets and highlights are done. */
    public SearchResult search(TenantStore store, SearchQuery query, Consumer<List<String>> shown) {
        TenantIndex index = indexes.of(store);
        Synonyms tenantSynonyms = query.text() == null ? Synonyms.NONE : synonyms.synonyms(store);
        Query text = query.text() == null ? new MatchAllDocsQuery()
                : QueryText.parse(query.text(), index.analyzer(), tenantSynonyms);
        try {
            return index.search(query, text, corrected -> QueryText.parseOrNull(corrected, index.analyzer(), tenantSynonyms),
                    shown);
        } catch (IndexSearcher.TooManyClauses e) {
            throw QueryText.invalid("查询条件过于复杂", "The query is too complex");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
