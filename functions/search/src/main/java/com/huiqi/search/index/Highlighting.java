package com.huiqi.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryTermScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;

/**
 * Highlighted titles and snippets. Texts are marked by re-analysing them into character bigrams,
 * so every matched run is marked whatever smartcn made of it. The text is HTML-escaped before the
 * {@code <em>} marks go in: a catalogue entry can never inject markup into the client.
 */
final class Highlighting {

    /** Characters of a snippet. */
    static final int SNIPPET_LENGTH = 120;

    private final Analyzer analyzer;

    Highlighting(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    ForQuery forQuery(Query query) {
        return new ForQuery(query);
    }

    /** The highlighters of one query (not thread-safe: one per request). */
    final class ForQuery {
        private final Highlighter title;
        private final Highlighter snippet;

        private ForQuery(Query query) {
            SimpleHTMLFormatter em = new SimpleHTMLFormatter("<em>", "</em>");
            // Term scorers, not QueryScorer: QueryScorer checks phrase positions by indexing every
            // highlighted text into a MemoryIndex, which costs more than the search itself. A query
            // bigram found anywhere is marked; adjacent marks join into one run.
            title = new Highlighter(em, new SimpleHTMLEncoder(), new QueryTermScorer(query, Fields.TITLE_GRAMS));
            title.setTextFragmenter(new NullFragmenter());
            snippet = new Highlighter(em, new SimpleHTMLEncoder(), new QueryTermScorer(query, Fields.TEXT_GRAMS));
            snippet.setTextFragmenter(new SimpleFragmenter(SNIPPET_LENGTH));
        }

        String title(String text) {
            String marked = mark(title, Fields.TITLE_GRAMS, text);
            return marked == null ? escape(text) : marked;
        }

        String snippet(String text) {
            String marked = mark(snippet, Fields.TEXT_GRAMS, text);
            return marked == null ? lead(text) : oneLine(marked);
        }

        private String mark(Highlighter h, String field, String text) {
            try {
                return h.getBestFragment(analyzer, field, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InvalidTokenOffsetsException e) {
                throw new IllegalStateException("analyser offsets out of the text", e);
            }
        }
    }

    /** The start of a text, escaped, when nothing in it matched. */
    static String lead(String text) {
        String start = text.length() > SNIPPET_LENGTH ? text.substring(0, SNIPPET_LENGTH) + "…" : text;
        return escape(oneLine(start));
    }

    /** The body joins its parts with line breaks; a snippet reads as one line. */
    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\n\s*", " · ");
    }

    static String escape(String text) {
        return new SimpleHTMLEncoder().encodeText(text);
    }
}
