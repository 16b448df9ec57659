package com.huiqi.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.QueryTermScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;

/**
 * Highlighted titles and snippets. The text is HTML-escaped before the {@code <em>} marks go in: a
 * catalogue entry can never inject markup into the client.
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

    /**
     * The highlighters of one query (not thread-safe: one per request). Words first: the text is
     * segmented by smartcn and every word of the query is marked, which is cheap. Only when no word
     * matches (the query found the text through its bigrams, as 人才 in 领军人才) are the bigrams of
     * the phrase matches marked, with QueryScorer, which checks positions by indexing the text into
     * a MemoryIndex: correct, but costlier than the search itself if done for every hit. (Bigrams
     * overlap, so a plain term scorer over them would mark from any matched bigram to the next.)
     */
    final class ForQuery {
        private final Highlighter titleWords;
        private final Highlighter titleGrams;
        private final Highlighter snippetWords;
        private final Highlighter snippetGrams;

        private ForQuery(Query query) {
            titleWords = highlighter(new QueryTermScorer(query, Fields.TITLE), new NullFragmenter());
            titleGrams = highlighter(new QueryScorer(query, Fields.TITLE_GRAMS), new NullFragmenter());
            snippetWords = highlighter(new QueryTermScorer(query, Fields.TEXT), new SimpleFragmenter(SNIPPET_LENGTH));
            snippetGrams = highlighter(new QueryScorer(query, Fields.TEXT_GRAMS), new SimpleFragmenter(SNIPPET_LENGTH));
        }

        String title(String text) {
            String marked = mark(titleWords, Fields.TITLE, text);
            if (marked == null) {
                marked = mark(titleGrams, Fields.TITLE_GRAMS, text);
            }
            return marked == null ? escape(text) : joined(marked);
        }

        String snippet(String text) {
            String marked = mark(snippetWords, Fields.TEXT, text);
            if (marked == null) {
                marked = mark(snippetGrams, Fields.TEXT_GRAMS, text);
            }
            return marked == null ? lead(text) : oneLine(joined(marked));
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

    private static Highlighter highlighter(org.apache.lucene.search.highlight.Scorer scorer,
                                           org.apache.lucene.search.highlight.Fragmenter fragmenter) {
        Highlighter h = new Highlighter(new SimpleHTMLFormatter("<em>", "</em>"), new SimpleHTMLEncoder(), scorer);
        h.setTextFragmenter(fragmenter);
        return h;
    }

    /** Adjacent marked words read as one marked run: <em>研发</em><em>费用</em> is <em>研发费用</em>. */
    private static String joined(String marked) {
        return marked.replace("</em><em>", "");
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
