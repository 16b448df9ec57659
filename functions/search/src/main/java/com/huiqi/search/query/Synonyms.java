package com.huiqi.search.query;

import com.huiqi.shared.error.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A center's synonyms and abbreviations (同义词、简称): groups of terms that mean the same, such as
 * 高企 and 高新技术企业. They apply when a query is parsed, not when entries are indexed, so a
 * center's edit takes effect on its next query without reindexing.
 */
public record Synonyms(List<List<String>> groups) {

    public static final int MAX_GROUPS = 500;
    public static final int MAX_TERMS = 10;
    public static final int MAX_TERM_LENGTH = 20;

    public static final Synonyms NONE = new Synonyms(List.of());

    public Synonyms {
        groups = groups.stream().map(List::copyOf).toList();
    }

    /** Checks and cleans a center's groups; every problem names the group and term. */
    public static Synonyms checked(List<List<String>> raw) {
        if (raw == null) {
            throw ApiException.validation("groups", "缺少同义词组", "groups is required");
        }
        if (raw.size() > MAX_GROUPS) {
            throw ApiException.validation("groups", "同义词组最多" + MAX_GROUPS + "组", "At most " + MAX_GROUPS + " groups");
        }
        List<List<String>> groups = new ArrayList<>();
        for (int g = 0; g < raw.size(); g++) {
            String field = "groups[" + g + "]";
            List<String> terms = raw.get(g);
            if (terms == null || terms.size() < 2 || terms.size() > MAX_TERMS) {
                throw ApiException.validation(field, "每组须有2至" + MAX_TERMS + "个词", "A group has 2 to " + MAX_TERMS + " terms");
            }
            Set<String> clean = new LinkedHashSet<>();
            for (int t = 0; t < terms.size(); t++) {
                String term = terms.get(t) == null ? "" : terms.get(t).strip();
                if (term.isEmpty() || term.length() > MAX_TERM_LENGTH || term.chars().anyMatch(Synonyms::isSyntax)) {
                    throw ApiException.validation(field + "[" + t + "]",
                            "同义词须为1至" + MAX_TERM_LENGTH + "个字符，不含空格和查询符号",
                            "A term has 1 to " + MAX_TERM_LENGTH + " characters, without spaces or query syntax");
                }
                clean.add(term);
            }
            if (clean.size() < 2) {
                throw ApiException.validation(field, "同一组内的词不能重复", "A group's terms must differ");
            }
            groups.add(List.copyOf(clean));
        }
        return new Synonyms(groups);
    }

    /**
     * The ways of writing {@code text}: itself, and for every group with a term inside it, the text
     * with that term replaced by each other term of the group. 高企奖励 becomes also 高新技术企业奖励.
     */
    public List<String> variants(String text) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(text);
        for (List<String> group : groups) {
            for (String term : group) {
                if (text.contains(term)) {
                    for (String other : group) {
                        if (!other.equals(term)) {
                            variants.add(text.replace(term, other));
                        }
                    }
                }
            }
        }
        return List.copyOf(variants);
    }

    private static boolean isSyntax(int c) {
        return Character.isWhitespace(c) || "+-&|!(){}[]^\"~*?:\\/".indexOf(c) >= 0;
    }
}
