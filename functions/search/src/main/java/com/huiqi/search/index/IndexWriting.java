package com.huiqi.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/** Writes search documents into a Lucene index: what each field holds and how it is indexed. */
public final class IndexWriting {

    /** How much of a body is stored for snippets; the whole body is searchable. */
    static final int EXCERPT_LENGTH = 600;

    private static final FacetsConfig FACETS = facetsConfig();

    private IndexWriting() {
    }

    static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        Fields.DIMENSIONS.forEach(d -> config.setMultiValued(d, true));
        return config;
    }

    /** A new in-memory index of {@code docs}, committed and merged to one segment. */
    public static ByteBuffersDirectory write(List<SearchDocument> docs, Analyzer analyzer) {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
            for (SearchDocument d : docs) {
                writer.addDocument(FACETS.build(toLucene(d)));
            }
            writer.forceMerge(1);
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Replaces the documents of {@code changed} and deletes those of {@code removedKeys}, then commits. */
    public static void update(Directory dir, Analyzer analyzer, List<SearchDocument> changed, List<String> removedKeys) {
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND))) {
            for (String key : removedKeys) {
                writer.deleteDocuments(new Term(Fields.KEY, key));
            }
            for (SearchDocument d : changed) {
                writer.updateDocument(new Term(Fields.KEY, d.key()), FACETS.build(toLucene(d)));
            }
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document toLucene(SearchDocument d) {
        Document doc = new Document();
        doc.add(new StringField(Fields.KEY, d.key(), Field.Store.YES));
        doc.add(new SortedDocValuesField(Fields.KEY, new BytesRef(d.key())));
        doc.add(new StoredField(Fields.KIND, d.kind()));
        doc.add(new StoredField(Fields.CODE, d.code()));
        doc.add(new TextField(Fields.TITLE, d.title(), Field.Store.YES));
        doc.add(new TextField(Fields.TITLE_GRAMS, d.title(), Field.Store.NO));
        doc.add(new TextField(Fields.TEXT, d.body(), Field.Store.NO));
        doc.add(new TextField(Fields.TEXT_GRAMS, d.title() + "\n" + d.body(), Field.Store.NO));
        doc.add(new StoredField(Fields.EXCERPT, d.body().length() > EXCERPT_LENGTH
                ? d.body().substring(0, EXCERPT_LENGTH) : d.body()));
        dimension(doc, "kind", List.of(d.kind()));
        dimension(doc, "level", d.levels());
        dimension(doc, "region", d.regions());
        dimension(doc, "domain", d.domains());
        dimension(doc, "theme", d.themes());
        dimension(doc, "supportMethod", d.supportMethods());
        dimension(doc, "industry", d.industries());
        dimension(doc, "businessType", d.businessTypes());
        dimension(doc, "status", List.of(d.status()));
        if (d.issuedOn() != null) {
            doc.add(new NumericDocValuesField(Fields.ISSUED_ON, d.issuedOn().toEpochDay()));
            doc.add(new StoredField(Fields.ISSUED_ON, d.issuedOn().toString()));
        }
        instant(doc, Fields.OPENS_AT, d.opensAt());
        instant(doc, Fields.CLOSES_AT, d.closesAt());
        return doc;
    }

    private static void dimension(Document doc, String dim, List<String> values) {
        for (String v : values) {
            doc.add(new SortedSetDocValuesFacetField(dim, v));
            doc.add(new StringField(Fields.filterField(dim), v, Field.Store.YES));
        }
    }

    private static void instant(Document doc, String field, Instant at) {
        if (at != null) {
            doc.add(new LongPoint(field, at.toEpochMilli()));
            doc.add(new NumericDocValuesField(field, at.toEpochMilli()));
            doc.add(new StoredField(field, at.toEpochMilli()));
        }
    }

    static FacetsConfig facets() {
        return FACETS;
    }
}
