package com.huiqi.enterprises.directory;

import com.huiqi.shared.enterprise.EnterpriseItems.DirectoryEntry;
import com.huiqi.shared.enterprise.Lifecycle;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.storage.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * One center's enterprise directory (企业名录) as a Lucene index: a document per enterprise file,
 * with what staff look enterprises up by and the list line it shows. The name is indexed twice:
 * segmented into words by smartcn, and as overlapping character bigrams, so a query finds a name by
 * any run of two or more of its characters even where smartcn splits the name differently (纳微 in
 * 苏州纳微科技有限公司); a one-character query or the start of a name also matches the name as a
 * whole. Lists are in name order, then credit code, so pages follow each other stably.
 */
public final class DirectoryIndex {

    static final String CODE = "code";
    static final String NAME = "name";
    static final String NAME_GRAMS = "name_g";
    static final String NAME_WHOLE = "name_w";
    static final String REGION = "region";
    static final String INDUSTRY = "industry";
    static final String SIZE = "size";
    static final String STATUS = "status";
    static final String TAG = "tag";
    static final String PORTRAIT_DUE = "portraitDue";
    private static final String SORT_NAME = "s_name";
    private static final String SORT_CODE = "s_code";
    private static final Sort ORDER = new Sort(new SortField(SORT_NAME, SortField.Type.STRING),
            new SortField(SORT_CODE, SortField.Type.STRING));
    private static final String CURSOR_VERSION = "d1";

    /**
     * A file as the directory lists it: its list line and the tags it is listed by, and when its
     * portrait is next due to be recomputed (null: only a change of its figures changes it).
     */
    public record Listing(DirectoryEntry entry, List<String> tags, Instant portraitDue) {
        public Listing {
            tags = List.copyOf(tags);
        }
    }

    /** A file changed ({@code listing} is what it is now) or removed ({@code listing} null). */
    public record Change(String creditCode, Listing listing) {
    }

    private final IndexSearcher searcher;
    private final Analyzer analyzer;

    /** Opens an index for reading. The analyzer must be {@link #newAnalyzer()}'s. */
    public DirectoryIndex(Directory dir, Analyzer analyzer) {
        try {
            this.searcher = new IndexSearcher(DirectoryReader.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.analyzer = analyzer;
    }

    /** Thread-safe and costly to build (smartcn loads its dictionaries): one per process. */
    public static Analyzer newAnalyzer() {
        return new PerFieldAnalyzerWrapper(new SmartChineseAnalyzer(), Map.of(NAME_GRAMS, new CJKAnalyzer()));
    }

    /** Applies the changes in order (a later change of the same file wins), commits them, and says how many files the index lists. */
    public static int apply(Directory dir, Analyzer analyzer, List<Change> changes) {
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            for (Change change : changes) {
                Term id = new Term(CODE, change.creditCode());
                if (change.listing() == null) {
                    writer.deleteDocuments(id);
                } else {
                    writer.updateDocument(id, document(change.listing()));
                }
            }
            writer.commit();
            return writer.getDocStats().numDocs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(Listing listing) {
        DirectoryEntry e = listing.entry();
        Document doc = new Document();
        doc.add(new StringField(CODE, e.creditCode(), Field.Store.YES));
        doc.add(new SortedDocValuesField(SORT_CODE, new BytesRef(e.creditCode())));
        doc.add(new TextField(NAME, e.name(), Field.Store.YES));
        doc.add(new TextField(NAME_GRAMS, e.name(), Field.Store.NO));
        doc.add(new StringField(NAME_WHOLE, e.name(), Field.Store.NO));
        doc.add(new SortedDocValuesField(SORT_NAME, new BytesRef(e.name())));
        doc.add(new StringField(STATUS, e.status().name(), Field.Store.YES));
        optional(doc, REGION, e.registeredRegion());
        optional(doc, INDUSTRY, e.industryCode());
        optional(doc, SIZE, e.sizeClass());
        for (String tag : listing.tags()) {
            doc.add(new StringField(TAG, tag, Field.Store.NO));
        }
        if (listing.portraitDue() != null) {
            doc.add(new LongPoint(PORTRAIT_DUE, listing.portraitDue().toEpochMilli()));
        }
        return doc;
    }

    private static void optional(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new StringField(field, value, Field.Store.YES));
        }
    }

    /** How many enterprises the directory lists. */
    public int size() {
        return searcher.getIndexReader().numDocs();
    }

    /**
     * A page of the entries that meet every condition of {@code query}, in name order.
     *
     * @param scope  what a cursor is bound to besides the query (the tenant): a cursor of another
     *               tenant or query is refused
     * @param cursor the previous page's {@link Page#nextCursor()}, or null for the first page
     */
    public Page<DirectoryEntry> find(DirectoryQuery query, String scope, int limit, String cursor) {
        String fingerprint = Integer.toHexString((scope + "|" + query).hashCode());
        FieldDoc after = cursor == null ? null : decode(cursor, fingerprint, searcher.getIndexReader().maxDoc());
        try {
            TopDocs top = searcher.searchAfter(after, lucene(query), limit + 1, ORDER);
            StoredFields stored = searcher.storedFields();
            List<DirectoryEntry> items = new ArrayList<>();
            for (int i = 0; i < Math.min(limit, top.scoreDocs.length); i++) {
                items.add(entry(stored.document(top.scoreDocs[i].doc)));
            }
            String next = null;
            if (top.scoreDocs.length > limit) {
                DirectoryEntry last = items.get(items.size() - 1);
                next = encode(fingerprint, last.name(), last.creditCode());
            }
            return new Page<>(items, next);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Up to {@code limit} files whose portrait was due to be recomputed by {@code now}, in no particular order. */
    public List<String> portraitsDue(Instant now, int limit) {
        try {
            StoredFields stored = searcher.storedFields();
            List<String> codes = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(LongPoint.newRangeQuery(PORTRAIT_DUE, Long.MIN_VALUE, now.toEpochMilli()),
                    limit).scoreDocs) {
                codes.add(stored.document(hit.doc).get(CODE));
            }
            return codes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query lucene(DirectoryQuery q) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        if (q.name() != null) {
            BooleanQuery.Builder name = new BooleanQuery.Builder();
            addPhrase(name, NAME, q.name());
            addPhrase(name, NAME_GRAMS, q.name());
            name.add(new PrefixQuery(new Term(NAME_WHOLE, q.name())), Occur.SHOULD);
            all.add(name.build(), Occur.FILTER);
        }
        prefix(all, CODE, q.code());
        prefix(all, REGION, q.region());
        prefix(all, INDUSTRY, q.industry());
        term(all, SIZE, q.size());
        term(all, TAG, q.tag());
        term(all, STATUS, q.status() == null ? null : q.status().name());
        BooleanQuery built = all.build();
        return built.clauses().isEmpty() ? new MatchAllDocsQuery() : built;
    }

    /** The text's tokens in {@code field} as one phrase: the words must follow each other as in the query. */
    private void addPhrase(BooleanQuery.Builder to, String field, String text) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        int tokens = 0;
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                phrase.add(new Term(field, term.toString()), position);
                tokens++;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tokens > 0) {
            to.add(phrase.build(), Occur.SHOULD);
        }
    }

    private static void prefix(BooleanQuery.Builder to, String field, String value) {
        if (value != null) {
            to.add(new PrefixQuery(new Term(field, value)), Occur.FILTER);
        }
    }

    private static void term(BooleanQuery.Builder to, String field, String value) {
        if (value != null) {
            to.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }

    private static DirectoryEntry entry(Document doc) {
        return new DirectoryEntry(doc.get(CODE), doc.get(NAME), Lifecycle.Status.valueOf(doc.get(STATUS)), doc.get(REGION),
                doc.get(INDUSTRY), doc.get(SIZE));
    }

    /** The last entry's sort values, bound to the query and tenant they came from. The name goes last: it may hold '|'. */
    private static String encode(String fingerprint, String name, String code) {
        String plain = String.join("|", CURSOR_VERSION, fingerprint, code, name);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The sort values to continue after. The doc id only breaks ties of equal sort values, which the
     * credit code never leaves: the last one of the index excludes the entry the cursor names itself.
     */
    private static FieldDoc decode(String raw, String fingerprint, int maxDoc) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8).split("\\|", 4);
            if (parts.length == 4 && parts[0].equals(CURSOR_VERSION) && parts[1].equals(fingerprint) && !parts[2].isEmpty()) {
                return new FieldDoc(maxDoc - 1, Float.NaN, new Object[]{new BytesRef(parts[3]), new BytesRef(parts[2])});
            }
        } catch (IllegalArgumentException e) {
            // fall through: any malformed cursor is the same client error
        }
        throw ApiException.badRequest("INVALID_CURSOR", "分页游标无效或不属于本次查询",
                "The paging cursor is invalid or belongs to another query", "cursor");
    }
}
