package com.huiqi.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Did-you-mean for Chinese: most mistakes are one wrong character, often a homophone (高薪 for 高新,
 * 研发废用 for 研发费用). Each character bigram of the query that no entry contains is looked up
 * among the bigrams the tenant's entries do contain, one edit away, and votes for fixing the
 * differing character. A correction is offered only if it finds entries, which the
 * caller checks.
 */
final class Spelling {

    private final Analyzer analyzer;
    /** Known bigrams considered per unknown one. */
    private static final int SUGGESTIONS = 10;

    private final DirectSpellChecker checker = new DirectSpellChecker();

    Spelling(Analyzer analyzer) {
        this.analyzer = analyzer;
        checker.setMinPrefix(0);
        checker.setMinQueryLength(2);
        checker.setMaxEdits(1);
        checker.setAccuracy(0.4f);
    }

    /**
     * The query with its misspelt characters fixed, or empty when nothing could be fixed. Every
     * unknown bigram votes for the single-character fixes that would make it a known one; a wrong
     * character sits in two bigrams (高薪技 → 高薪, 薪技), and the fix both agree on (新) wins.
     */
    Optional<String> correct(String query, IndexReader reader) {
        List<int[]> unknown = new ArrayList<>();
        Map<Long, int[]> votes = new HashMap<>();
        try (TokenStream ts = analyzer.tokenStream(Fields.TEXT_GRAMS, query)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String gram = term.toString();
                int start = offset.startOffset();
                if (gram.length() != 2 || offset.endOffset() - start != 2
                        || reader.docFreq(new Term(Fields.TEXT_GRAMS, gram)) > 0) {
                    continue;
                }
                unknown.add(new int[] {start, start + 1});
                for (SuggestWord s : checker.suggestSimilar(new Term(Fields.TEXT_GRAMS, gram), SUGGESTIONS, reader,
                        SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
                    int at = onlyDifference(gram, s.string);
                    if (at >= 0) {
                        int pos = start + at;
                        int[] v = votes.computeIfAbsent(((long) pos << 32) | s.string.charAt(at), k -> new int[2]);
                        v[0]++;
                        v[1] += s.freq;
                    }
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        char[] chars = query.toCharArray();
        boolean[] resolved = new boolean[unknown.size()];
        boolean changed = false;
        List<Map.Entry<Long, int[]>> ranked = new ArrayList<>(votes.entrySet());
        ranked.sort(Comparator.comparingInt((Map.Entry<Long, int[]> e) -> -e.getValue()[0])
                .thenComparingInt(e -> -e.getValue()[1]).thenComparingLong(Map.Entry::getKey));
        for (Map.Entry<Long, int[]> fix : ranked) {
            int pos = (int) (fix.getKey() >>> 32);
            boolean applies = false;
            for (int i = 0; i < unknown.size(); i++) {
                if (!resolved[i] && (unknown.get(i)[0] == pos || unknown.get(i)[1] == pos)) {
                    resolved[i] = true;
                    applies = true;
                }
            }
            if (applies) {
                chars[pos] = (char) (fix.getKey() & 0xFFFF);
                changed = true;
            }
        }
        return changed ? Optional.of(new String(chars)) : Optional.empty();
    }

    /** The one position where two bigrams differ, or -1 when they differ otherwise. */
    private static int onlyDifference(String a, String b) {
        if (b.length() != a.length()) {
            return -1;
        }
        int at = -1;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (at >= 0) {
                    return -1;
                }
                at = i;
            }
        }
        return at;
    }
}
