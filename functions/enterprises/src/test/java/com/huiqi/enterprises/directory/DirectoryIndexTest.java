package com.huiqi.enterprises.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.huiqi.shared.enterprise.EnterpriseItems.DirectoryEntry;
import com.huiqi.shared.enterprise.Lifecycle;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.storage.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The directory index on its own: what each condition finds, together, in name order, page by page. */
class DirectoryIndexTest {

    private static final Analyzer ANALYZER = DirectoryIndex.newAnalyzer();
    private static final String NAWEI = "91320594MA1N2P3Q4X";
    private static final String LEIDI = "91320505MA1R1E1M1T";
    private static final String HUAXIN = "91320571MA1W2X3Y4B";
    private static final String XIANGCHENG = "91320507MA1G6H7J8K";

    private final Directory dir = new ByteBuffersDirectory();

    private static DirectoryIndex.Change file(String code, String name, Lifecycle.Status status, String region,
                                              String industry, String size, String... tags) {
        return new DirectoryIndex.Change(code, new DirectoryIndex.Listing(
                new DirectoryEntry(code, name, status, region, industry, size), List.of(tags), null));
    }

    @BeforeEach
    void fourEnterprises() {
        DirectoryIndex.apply(dir, ANALYZER, List.of(
                file(NAWEI, "苏州纳微科技股份有限公司", Lifecycle.Status.ACTIVE, "320571", "C3985", "中型", "高新技术企业"),
                file(LEIDI, "苏州雷迪光电有限公司", Lifecycle.Status.ACTIVE, "320505", "C3976", "小型", "科技型中小企业"),
                file(HUAXIN, "苏州华信软件有限公司", Lifecycle.Status.MOVED_OUT, "320571", "I6513", "微型"),
                file(XIANGCHENG, "相城纳米材料有限公司", Lifecycle.Status.ACTIVE, "320507", "C2662", null)));
    }

    private List<String> codes(DirectoryQuery query) {
        return new DirectoryIndex(dir, ANALYZER).find(query, "sip", 100, null).items().stream()
                .map(DirectoryEntry::creditCode).toList();
    }

    private static DirectoryQuery query(String... pairs) {
        Map<String, String> given = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            given.put(pairs[i], pairs[i + 1]);
        }
        return DirectoryQuery.parse(name -> Optional.ofNullable(given.get(name)));
    }

    @Test
    void aNameIsFoundByAWordOrAnyRunOfItsCharactersNotOnlyByItsStart() {
        assertEquals(List.of(NAWEI), codes(query("name", "纳微")));
        assertEquals(List.of(NAWEI), codes(query("name", "纳微科技")));
        assertEquals(List.of(LEIDI), codes(query("name", "光电")));
        assertEquals(List.of(NAWEI, LEIDI, HUAXIN), sorted(codes(query("name", "苏州"))));
        assertEquals(List.of(XIANGCHENG), codes(query("name", "相城纳米")));
        // Characters that do not follow each other in a name do not find it.
        assertEquals(List.of(), codes(query("name", "纳米科技")));
        assertEquals(List.of(), codes(query("name", "杭州")));
    }

    @Test
    void codesRegionsAndIndustriesAreFoundByTheirStartAndEveryConditionMustHold() {
        assertEquals(List.of(NAWEI), codes(query("code", "91320594")));
        assertEquals(4, codes(query("region", "3205")).size());
        assertEquals(List.of(NAWEI, HUAXIN), sorted(codes(query("region", "320571"))));
        assertEquals(List.of(NAWEI, LEIDI), sorted(codes(query("industry", "C39"))));
        assertEquals(List.of(NAWEI), codes(query("industry", "3985")));
        assertEquals(List.of(HUAXIN), codes(query("industry", "I")));
        assertEquals(List.of(LEIDI), codes(query("size", "小型")));
        assertEquals(List.of(NAWEI), codes(query("tag", "高新技术企业")));
        assertEquals(List.of(HUAXIN), codes(query("status", "MOVED_OUT")));
        // Together: 苏州 in the name, in 320571, active.
        assertEquals(List.of(NAWEI), codes(query("name", "苏州", "region", "320571", "status", "ACTIVE")));
        assertEquals(List.of(), codes(query("name", "华信", "size", "小型")));
    }

    @Test
    void aLaterChangeReplacesTheDocumentAndARemovalDropsIt() {
        DirectoryIndex.apply(dir, ANALYZER, List.of(
                file(LEIDI, "苏州雷迪光电有限公司", Lifecycle.Status.DEREGISTERED, "320505", "C3976", "小型"),
                new DirectoryIndex.Change(HUAXIN, null)));
        DirectoryIndex index = new DirectoryIndex(dir, ANALYZER);
        assertEquals(3, index.size());
        assertEquals(List.of(LEIDI), codes(query("status", "DEREGISTERED")));
        assertEquals(List.of(), codes(query("tag", "科技型中小企业")));
        assertEquals(List.of(), codes(query("name", "华信")));
    }

    @Test
    void pagesFollowEachOtherInNameOrderAndACursorOnlyContinuesItsOwnQueryAndTenant() {
        DirectoryIndex index = new DirectoryIndex(dir, ANALYZER);
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<DirectoryEntry> page = index.find(DirectoryQuery.ALL, "sip", 3, cursor);
            page.items().forEach(e -> names.add(e.name()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(2, pages);
        List<String> expected = new ArrayList<>(names);
        java.util.Collections.sort(expected);
        assertEquals(expected, names);
        assertEquals(4, names.size());

        String next = index.find(DirectoryQuery.ALL, "sip", 1, null).nextCursor();
        assertNotNull(next);
        assertEquals(1, index.find(DirectoryQuery.ALL, "sip", 1, next).items().size());
        assertThrows(ApiException.class, () -> index.find(DirectoryQuery.ALL, "wenzhou", 1, next));
        assertThrows(ApiException.class, () -> index.find(query("status", "ACTIVE"), "sip", 1, next));
        assertThrows(ApiException.class, () -> index.find(DirectoryQuery.ALL, "sip", 1, "bm90LWEtY3Vyc29y"));
        assertNull(index.find(DirectoryQuery.ALL, "sip", 4, null).nextCursor());
    }

    @Test
    void malformedConditionsAreRefusedNamingTheParameter() {
        for (String[] bad : List.of(new String[] {"code", "9132O"}, new String[] {"region", "3"},
                new String[] {"industry", "Z1"}, new String[] {"size", "特大型"}, new String[] {"status", "GONE"},
                new String[] {"name", " "})) {
            ApiException e = assertThrows(ApiException.class, () -> query(bad));
            assertEquals(400, e.status(), bad[0]);
            assertEquals(bad[0], e.field(), bad[0]);
        }
    }

    private static List<String> sorted(List<String> codes) {
        List<String> out = new ArrayList<>(codes);
        out.sort(java.util.Comparator.comparing(c -> List.of(NAWEI, LEIDI, HUAXIN, XIANGCHENG).indexOf(c)));
        return out;
    }
}
