package com.huiqi.tests;

import static com.huiqi.tests.support.Publishing.publish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.local.demo.ApiClient.Exchange;
import com.huiqi.tests.support.CatalogueSamples;
import com.huiqi.tests.support.TestStack;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The policy supermarket (政策超市) through the local stack, over the demo catalogue the stack
 * seeds: the queries a center's staff would try return what they would expect first, filters and
 * facets agree, pages do not overlap, and search follows publication, revocation and expiry
 * within seconds.
 */
class SearchTest {

    private static final TestStack STACK = TestStack.get();
    /** How long search may take to follow a change of the catalogue. */
    private static final long FRESHNESS_MILLIS = 15_000;

    static JsonNode search(String account, String query) {
        Exchange e = STACK.call("GET", "/search?" + query, STACK.token(account), null);
        assertEquals(200, e.status(), e.body());
        return e.json();
    }

    static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static List<String> keys(JsonNode result) {
        List<String> keys = new ArrayList<>();
        result.get("items").forEach(h -> keys.add(h.get("kind").asText() + "/" + h.get("code").asText()));
        return keys;
    }

    @Test
    void researchExpenseDeductionFindsItsProductItemAndDocumentFirst() {
        List<String> top = keys(search("sip-ent", q("研发费用 加计扣除")));
        assertEquals(java.util.Set.of("products/P-JJKC", "items/BZ-JJKC", "documents/D-JJKC"),
                java.util.Set.copyOf(top.subList(0, 3)), top.toString());
    }

    @Test
    void theCentersAbbreviationFindsTheHighTechEnterprisePolicies() {
        // The demo seed sets the center's synonyms: 高企 = 高新技术企业.
        List<String> top = keys(search("sip-ent", q("高企") + "&limit=5"));
        assertTrue(top.containsAll(List.of("products/P-YQGQPY", "products/P3205IP00145")), top.toString());
    }

    @Test
    void talentSubsidyInTheParkFindsTheLeadingTalentProgramme() {
        JsonNode r = search("sip-staff", q("人才 补贴 苏州工业园区"));
        assertEquals("products/P-LJRC", keys(r).get(0), r.toString());
        assertTrue(r.at("/items/0/titleHighlight").asText().contains("<em>人才</em>"), r.toString());
    }

    @Test
    void aMisspeltQueryGetsADidYouMean() {
        JsonNode r = search("sip-ent", q("高薪技术企业"));
        assertEquals(0, r.get("total").asInt());
        assertEquals("高新技术企业", r.get("didYouMean").asText());
    }

    @Test
    void filtersAndFacetsAgreeAndPagesDoNotOverlap() {
        JsonNode all = search("sip-ent", "region=320571&kind=products,items&limit=100");
        long funding = facet(all, "businessType", "FUNDING");
        assertTrue(funding > 0, all.get("facets").toString());
        JsonNode filtered = search("sip-ent", "region=320571&kind=products,items&businessType=FUNDING&limit=100");
        assertEquals(funding, filtered.get("total").asLong());
        filtered.get("items").forEach(h -> assertTrue(h.get("businessTypes").toString().contains("FUNDING")));
        assertEquals(facet(all, "businessType", "RECOGNITION"), facet(filtered, "businessType", "RECOGNITION"),
                "a filtered dimension still counts its other values");

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = search("sip-ent", "region=320571&kind=products,items&sort=deadline&limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            paged.addAll(keys(page));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        assertEquals(keys(search("sip-ent", "region=320571&kind=products,items&sort=deadline&limit=100")), paged);
    }

    @Test
    void openCallsAreTheOnesTodaysApplicationsLists() {
        JsonNode today = STACK.call("GET", "/applications/today", STACK.token("sip-ent"), null).json();
        List<String> openNotices = new ArrayList<>();
        today.get("items").forEach(n -> openNotices.add("notices/" + n.get("noticeCode").asText()));
        JsonNode open = search("sip-ent", "kind=notices&applicationState=OPEN&sort=deadline&limit=100");
        assertEquals(openNotices, keys(open), "open notices, soonest deadline first, as 今日申报 orders them");
        List<String> soon = new ArrayList<>();
        today.get("items").forEach(n -> {
            if (n.get("closingSoon").asBoolean()) {
                soon.add("notices/" + n.get("noticeCode").asText());
            }
        });
        assertEquals(soon, keys(search("sip-ent", "kind=notices&applicationState=CLOSING_SOON&sort=deadline&limit=100")));
    }

    @Test
    void searchFollowsPublicationRevocationAndExpiryWithinSeconds() throws Exception {
        String word = "量子通信";
        Map<String, Object> doc = CatalogueSamples.document("苏州工业园区" + word + "产业补贴办法");
        publish("documents", "D-SRCH-FRESH", doc);
        long published = awaitSearch("sip-ent", q(word), r -> keys(r).contains("documents/D-SRCH-FRESH"));

        String author = STACK.token("sip-staff");
        long v = STACK.call("GET", "/catalogue/documents/D-SRCH-FRESH", author, null).json().get("version").asLong();
        assertEquals(200, STACK.call("POST", "/catalogue/documents/D-SRCH-FRESH/revoke", author,
                Map.of("version", v, "reason", "测试撤销")).status());
        long revoked = awaitSearch("sip-ent", q(word), r -> !keys(r).contains("documents/D-SRCH-FRESH"));

        Map<String, Object> ending = CatalogueSamples.document("苏州工业园区" + word + "试点办法");
        ending.put("issuedOn", "2020-01-01");
        ending.put("validUntil", LocalDate.now().minusDays(2).toString());
        publish("documents", "D-SRCH-EXPIRE", ending);
        awaitSearch("sip-ent", q(word), r -> keys(r).contains("documents/D-SRCH-EXPIRE"));
        JsonNode run = new ObjectMapper().readTree(STACK.stack().schedules().runNow("CatalogueExpiryFunction", "Hourly"));
        assertTrue(run.get("expired").asInt() >= 1, run.toString());
        long expired = awaitSearch("sip-ent", q(word), r -> !keys(r).contains("documents/D-SRCH-EXPIRE"));
        JsonNode asExpired = search("sip-ent", q(word) + "&status=EXPIRED");
        assertEquals(List.of("documents/D-SRCH-EXPIRE"), keys(asExpired), "an expired policy is still found on request");
        assertEquals("EXPIRED", asExpired.at("/items/0/status").asText());

        assertFalse(keys(search("wz-ent", q(word))).contains("documents/D-SRCH-EXPIRE"));

        // The index the searchers picked up is the indexer's, persisted per tenant in the bucket.
        var pointer = STACK.dynamo().getItem(r -> r.tableName("huiqi-data").consistentRead(true).key(Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("sip#SEARCH"),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("INDEX")))).item();
        String location = pointer.get("location").s();
        assertTrue(location.startsWith("sip/"), location);
        assertTrue(Long.parseLong(pointer.get("generation").n()) > 1, pointer.toString());
        assertTrue(STACK.s3().headObject(r -> r.bucket("huiqi-search-local").key(location + "/index.zip"))
                .contentLength() > 0);
        System.out.println("search followed: publish " + published + " ms, revoke " + revoked + " ms, expiry "
                + expired + " ms");
    }

    /** Polls until the search result satisfies {@code until}; returns how long it took. */
    private static long awaitSearch(String account, String query, Predicate<JsonNode> until) throws InterruptedException {
        long start = System.currentTimeMillis();
        JsonNode last;
        do {
            last = search(account, query);
            if (until.test(last)) {
                return System.currentTimeMillis() - start;
            }
            Thread.sleep(100);
        } while (System.currentTimeMillis() - start < FRESHNESS_MILLIS);
        throw new AssertionError("search did not follow the change within " + FRESHNESS_MILLIS + " ms: " + last);
    }

    private static long facet(JsonNode result, String dim, String value) {
        for (JsonNode f : result.at("/facets/" + dim)) {
            if (f.get("value").asText().equals(value)) {
                return f.get("count").asLong();
            }
        }
        return 0;
    }

    @Test
    void synonymsAreTheCentersOwnAndAudited() {
        String staff = STACK.token("sip-staff");
        JsonNode mine = STACK.call("GET", "/search/synonyms", staff, null).json();
        assertNotNull(mine.get("version"));
        assertTrue(mine.at("/synonyms/groups").toString().contains("高新技术企业"), mine.toString());
        Exchange stale = STACK.call("PUT", "/search/synonyms", staff, Map.of("groups", List.of(List.of("甲", "乙")),
                "version", 0));
        assertEquals(409, stale.status(), stale.body());
    }
}
