package com.huiqi.search.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.huiqi.search.index.Fields;
import com.huiqi.shared.error.ApiException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class QueryTextTest {

    private static final Analyzer ANALYZER = Fields.newAnalyzer();

    @Test
    void unreadableQueriesAreTheClientsError() {
        for (String bad : List.of("(研发", "\"研发费用", "研发)", "title:研发", "研发*", "研发~", "[a TO b]", "/研.*/",
                "AND", "研发 AND")) {
            ApiException e = assertThrows(ApiException.class, () -> QueryText.parse(bad, ANALYZER, Synonyms.NONE), bad);
            assertEquals(400, e.status(), bad);
            assertEquals("INVALID_QUERY", e.code(), bad);
            assertEquals("q", e.field(), bad);
        }
    }

    @Test
    void synonymGroupsAreChecked() {
        assertEquals(List.of(List.of("高企", "高新技术企业")),
                Synonyms.checked(List.of(List.of(" 高企 ", "高新技术企业"))).groups());
        for (List<List<String>> bad : List.of(List.of(List.of("高企")), List.of(List.of("高企", "高企")),
                List.of(List.of("高 企", "高新技术企业")), List.of(List.of("高企", "a:b")))) {
            ApiException e = assertThrows(ApiException.class, () -> Synonyms.checked(bad));
            assertEquals(422, e.status());
        }
    }

    @Test
    void aVariantReplacesTheTermInsideALongerWord() {
        Synonyms s = new Synonyms(List.of(List.of("高企", "高新技术企业")));
        assertEquals(List.of("高企奖励", "高新技术企业奖励"), s.variants("高企奖励"));
        assertEquals(List.of("高新技术企业", "高企"), s.variants("高新技术企业"));
    }
}
