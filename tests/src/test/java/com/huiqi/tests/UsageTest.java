package com.huiqi.tests;

import static com.huiqi.tests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huiqi.local.demo.ApiClient.Exchange;
import com.huiqi.tests.support.AuditTrail;
import com.huiqi.tests.support.CatalogueSamples;
import com.huiqi.tests.support.Polling;
import com.huiqi.tests.support.TestStack;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Usage figures per entry (views, search hits, saves) through the local stack: enterprise users'
 * use is counted exactly, nobody else's is, the aggregator on the stream counts a redelivered
 * event once, and each center sees its own figures only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UsageTest {

    private static final TestStack STACK = TestStack.get();
    private static final Duration COUNTED_WITHIN = Duration.ofSeconds(15);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** A word no other entry has, so that a search finds these two documents only. */
    private static final String WORD = "氢能船舶";
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private static final String FIRST = "D-USE1-" + SUFFIX;
    private static final String SECOND = "D-USE2-" + SUFFIX;

    @BeforeAll
    static void publishTwoDocuments() throws InterruptedException {
        publish(FIRST, "苏州工业园区" + WORD + "示范补贴办法" + SUFFIX);
        publish(SECOND, "苏州工业园区" + WORD + "推广扶持办法" + SUFFIX);
        // Staff searches do not count, so waiting for the index with them leaves the figures alone.
        Polling.await("/search?" + q(WORD) + "&limit=5", STACK.token("sip-staff"),
                r -> r.get("total").asInt() == 2, COUNTED_WITHIN);
    }

    @Test
    @Order(1)
    void viewsCountEnterpriseReadsOnly() throws Exception {
        for (String reader : List.of("sip-staff", "sip-admin", "sip-auditor", "sip-kjj", "sip-expert")) {
            assertEquals(200, STACK.call("GET", "/catalogue/documents/" + FIRST, STACK.token(reader), null).status());
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(200, STACK.call("GET", "/catalogue/documents/" + FIRST, STACK.token("sip-ent"), null).status());
        }
        // Reads around an opened entry are not views of it again.
        assertEquals(200, STACK.call("GET", "/catalogue/documents/" + FIRST + "/link", STACK.token("sip-ent"), null).status());
        assertEquals(200, STACK.call("GET", "/catalogue/documents/" + FIRST + "/versions/1", STACK.token("sip-ent"), null)
                .status());

        JsonNode usage = awaitEntry(FIRST, u -> u.at("/totals/views").asLong() >= 3);
        settle();
        usage = entry(FIRST);
        assertEquals(3, usage.at("/totals/views").asLong(), usage.toString());
        assertEquals(0, usage.at("/totals/searchHits").asLong(), usage.toString());
        String today = LocalDate.now(SHANGHAI).toString();
        JsonNode last = usage.get("days").get(usage.get("days").size() - 1);
        assertEquals(today, last.get("day").asText());
        assertEquals(3, last.get("views").asLong());
        assertEquals(30, usage.get("days").size(), "30 days by default");
        assertTrue(usage.get("title").asText().contains(WORD), usage.toString());
    }

    @Test
    @Order(2)
    void aSearchCountsTheEntriesOfThePageItShowed() throws Exception {
        String ent = STACK.token("sip-ent");
        JsonNode page1 = STACK.call("GET", "/search?" + q(WORD) + "&limit=1", ent, null).json();
        assertEquals(2, page1.get("total").asInt(), page1.toString());
        String shown = page1.at("/items/0/code").asText();
        String notShown = shown.equals(FIRST) ? SECOND : FIRST;
        awaitEntry(shown, u -> u.at("/totals/searchHits").asLong() >= 1);
        settle();
        assertEquals(1, entry(shown).at("/totals/searchHits").asLong());
        assertEquals(0, entry(notShown).at("/totals/searchHits").asLong(), "a hit the page did not show is not counted");

        JsonNode page2 = STACK.call("GET", "/search?" + q(WORD) + "&limit=1&cursor=" + page1.get("nextCursor").asText(),
                ent, null).json();
        assertEquals(notShown, page2.at("/items/0/code").asText());
        STACK.call("GET", "/search?" + q(WORD + " 示范"), STACK.token("sip-staff"), null);
        awaitEntry(notShown, u -> u.at("/totals/searchHits").asLong() >= 1);
        settle();
        assertEquals(1, entry(notShown).at("/totals/searchHits").asLong());
        assertEquals(1, entry(shown).at("/totals/searchHits").asLong(), "a staff search counts nothing");
    }

    @Test
    @Order(3)
    void savesCountWhenAddedAndUncountWhenRemoved() throws Exception {
        String ent = STACK.token("sip-ent");
        String path = "/search/favourites/documents/" + FIRST;

        Exchange saved = STACK.call("PUT", path, ent, null);
        assertEquals(201, saved.status(), saved.body());
        assertEquals("PUBLISHED", saved.json().get("status").asText());
        assertEquals(200, STACK.call("PUT", path, ent, null).status(), "saving again changes nothing");
        JsonNode list = STACK.call("GET", "/search/favourites", ent, null).json();
        assertEquals(FIRST, list.at("/items/0/code").asText(), list.toString());
        assertTrue(list.at("/items/0/title").asText().contains(WORD));
        String ownEnterprise = com.huiqi.local.demo.DemoData.tenants().get(0).enterprise().creditCode();
        assertEquals(1, AuditTrail.of("sip-auditor", "favourite.save", ownEnterprise + "/documents/" + FIRST).size(),
                "one audit record for one save, none for saving again");

        Exchange second = STACK.call("PUT", "/search/favourites/documents/" + SECOND, ent, null);
        assertEquals(201, second.status(), second.body());
        JsonNode newestFirst = STACK.call("GET", "/search/favourites?limit=1", ent, null).json();
        assertEquals(SECOND, newestFirst.at("/items/0/code").asText(), newestFirst.toString());
        JsonNode next = STACK.call("GET", "/search/favourites?limit=1&cursor=" + newestFirst.get("nextCursor").asText(),
                ent, null).json();
        assertEquals(FIRST, next.at("/items/0/code").asText(), next.toString());

        assertEquals(204, STACK.call("DELETE", path, ent, null).status());
        assertEquals(204, STACK.call("DELETE", path, ent, null).status(), "removing again changes nothing");
        assertEquals(201, STACK.call("PUT", path, ent, null).status());
        assertEquals(204, STACK.call("DELETE", "/search/favourites/documents/" + SECOND, ent, null).status());

        // FIRST: saved, removed, saved again; SECOND: saved and removed.
        awaitEntry(FIRST, u -> u.at("/totals/saves").asLong() == 1);
        awaitEntry(SECOND, u -> u.at("/totals/saves").asLong() == 0 && u.at("/totals/views").asLong() == 0);
        settle();
        assertEquals(1, entry(FIRST).at("/totals/saves").asLong());
        assertEquals(0, entry(SECOND).at("/totals/saves").asLong());
        JsonNode mine = STACK.call("GET", "/search/favourites", ent, null).json();
        assertTrue(codes(mine).contains(FIRST) && !codes(mine).contains(SECOND), mine.toString());
    }

    @Test
    @Order(4)
    void theMonthsRankingListsTheFiguresHighestFirst() {
        String month = YearMonth.now(SHANGHAI).toString();
        String staff = STACK.token("sip-staff");
        JsonNode byViews = STACK.call("GET", "/search/usage?month=" + month + "&kind=documents&limit=100", staff, null).json();
        assertEquals("views", byViews.get("sort").asText());
        JsonNode first = find(byViews, FIRST);
        assertNotNull(first, byViews.toString());
        assertEquals(3, first.get("views").asLong());
        assertEquals(1, first.get("searchHits").asLong());
        assertEquals(1, first.get("saves").asLong());
        assertTrue(first.get("title").asText().contains(WORD));
        assertEquals("PUBLISHED", first.get("status").asText());
        long previous = Long.MAX_VALUE;
        int rank = 0;
        for (JsonNode item : byViews.get("items")) {
            assertEquals("documents", item.get("kind").asText());
            assertTrue(item.get("views").asLong() <= previous, byViews.toString());
            previous = item.get("views").asLong();
            assertEquals(++rank, item.get("rank").asInt());
        }

        // Paging one at a time gives the same list.
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = STACK.call("GET", "/search/usage?month=" + month + "&kind=documents&sort=saves&limit=1"
                    + (cursor == null ? "" : "&cursor=" + cursor), STACK.token("sip-auditor"), null).json();
            page.get("items").forEach(i -> paged.add(i.get("code").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        JsonNode bySaves = STACK.call("GET", "/search/usage?month=" + month + "&kind=documents&sort=saves&limit=100",
                STACK.token("sip-admin"), null).json();
        assertEquals(codes(bySaves), paged);

        JsonNode lastYear = STACK.call("GET", "/search/usage?month=2020-01", staff, null).json();
        assertEquals(0, lastYear.get("items").size(), "a month without usage lists nothing");
    }

    @Test
    @Order(5)
    void aRedeliveredStreamBatchCountsNothingTwice() throws Exception {
        JsonNode before = entry(FIRST);
        ArrayNode records = new ObjectMapper().createArrayNode();
        String partition = "sip#USAGE#EVENTS#" + LocalDate.now(SHANGHAI);
        try (var dynamo = STACK.dynamo()) {
            for (Map<String, AttributeValue> item : dynamo.query(r -> r.tableName("huiqi-data").consistentRead(true)
                    .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition))))
                    .items()) {
                if (item.get("entries").toString().contains(FIRST)) {
                    assertTrue(item.containsKey("counted0"), "counted events are marked: " + item);
                    records.add(insertRecord(item));
                }
            }
            assertTrue(records.size() >= 5, "three views and three saves of FIRST, a search: " + records.size());

            // A new event, written straight into the table: the stream delivers it, and so does this batch.
            Map<String, AttributeValue> fresh = new java.util.HashMap<>(itemOf(records.get(0)));
            String id = UUID.randomUUID().toString();
            fresh.put("id", AttributeValue.fromS(id));
            fresh.put("sk", AttributeValue.fromS(fresh.get("at").s() + "#" + id));
            fresh.put("type", AttributeValue.fromS("VIEW"));
            fresh.put("entries", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                    "kind", AttributeValue.fromS("documents"), "code", AttributeValue.fromS(SECOND))))));
            fresh.remove("counted0");
            dynamo.putItem(r -> r.tableName("huiqi-data").item(fresh));
            records.add(insertRecord(fresh));
        }
        ObjectNode event = new ObjectMapper().createObjectNode();
        event.set("Records", records);
        JsonNode run = new ObjectMapper().readTree(STACK.stack().invoke("UsageAggregatorFunction", event.toString()));
        assertEquals(records.size(), run.get("records").asInt(), run.toString());
        assertTrue(run.get("skipped").asInt() >= records.size() - 1, run.toString());
        JsonNode again = new ObjectMapper().readTree(STACK.stack().invoke("UsageAggregatorFunction", event.toString()));
        assertEquals(0, again.get("counted").asInt(), again.toString());

        awaitEntry(SECOND, u -> u.at("/totals/views").asLong() == 1);
        settle();
        assertEquals(1, entry(SECOND).at("/totals/views").asLong(), "counted once, by the stream or by the batch");
        assertEquals(before.get("totals"), entry(FIRST).get("totals"));
    }

    @Test
    @Order(6)
    void eachCenterSeesOnlyItsOwnUsageAndEntries() {
        String month = YearMonth.now(SHANGHAI).toString();
        JsonNode wz = STACK.call("GET", "/search/usage?month=" + month + "&limit=100", STACK.token("wz-staff"), null).json();
        assertFalse(codes(wz).contains(FIRST) || codes(wz).contains(SECOND), wz.toString());
        assertProblem(STACK.call("GET", "/search/usage/documents/" + FIRST, STACK.token("wz-admin"), null), 404, "NOT_FOUND");
        assertProblem(STACK.call("PUT", "/search/favourites/documents/" + FIRST, STACK.token("wz-ent"), null), 404, "NOT_FOUND");
        assertProblem(STACK.call("PUT", "/search/favourites/documents/" + SECOND, STACK.token("wz-ent"), null), 404, "NOT_FOUND");
        // Removing what Wenzhou never saved is the same no-op as for any entry it has not saved.
        assertEquals(204, STACK.call("DELETE", "/search/favourites/documents/" + FIRST, STACK.token("wz-ent"), null).status());
        JsonNode wzSaved = STACK.call("GET", "/search/favourites?limit=100", STACK.token("wz-ent"), null).json();
        assertFalse(codes(wzSaved).contains(FIRST), wzSaved.toString());
        // Wenzhou's enterprise reading its own catalogue does not touch the park's figures.
        assertEquals(3, entry(FIRST).at("/totals/views").asLong());
        // The park's cursor is refused by Wenzhou's list rather than read there.
        JsonNode page = STACK.call("GET", "/search/usage?month=" + month + "&limit=1", STACK.token("sip-staff"), null).json();
        if (page.hasNonNull("nextCursor")) {
            JsonNode other = STACK.call("GET", "/search/usage?month=" + month + "&limit=1&cursor="
                    + page.get("nextCursor").asText(), STACK.token("wz-staff"), null).json();
            assertFalse(codes(other).contains(FIRST) || codes(other).contains(SECOND), other.toString());
        }
    }

    @Test
    @Order(7)
    void badInputIsRefusedAndChangesNothing() {
        String staff = STACK.token("sip-staff");
        String ent = STACK.token("sip-ent");
        JsonNode savedBefore = STACK.call("GET", "/search/favourites?limit=100", ent, null).json();
        assertProblem(STACK.call("GET", "/search/usage?month=2026-13", staff, null), 400, "INVALID_DATE", "month");
        assertProblem(STACK.call("GET", "/search/usage?month=12-2026", staff, null), 400, "INVALID_DATE", "month");
        assertProblem(STACK.call("GET", "/search/usage?sort=clicks", staff, null), 400, "INVALID_FILTER", "sort");
        assertProblem(STACK.call("GET", "/search/usage?kind=widgets", staff, null), 400, "INVALID_FILTER", "kind");
        assertProblem(STACK.call("GET", "/search/usage?top=10", staff, null), 400, "UNKNOWN_PARAMETER", "top");
        assertProblem(STACK.call("GET", "/search/usage?limit=0", staff, null), 400, "INVALID_LIMIT", "limit");
        assertProblem(STACK.call("GET", "/search/usage?cursor=bm90LWEtY3Vyc29y", staff, null), 400, "INVALID_CURSOR", "cursor");
        String entry = "/search/usage/documents/" + FIRST;
        assertProblem(STACK.call("GET", entry + "?from=2026-01-01&to=2026-12-01", staff, null), 400, "RANGE_TOO_LONG", "from");
        assertProblem(STACK.call("GET", entry + "?from=2026-12-01&to=2026-11-01", staff, null), 400, "INVALID_RANGE", "from");
        assertProblem(STACK.call("GET", entry + "?to=2026-02-30", staff, null), 400, "INVALID_DATE", "to");
        assertProblem(STACK.call("GET", entry + "?days=7", staff, null), 400, "UNKNOWN_PARAMETER", "days");
        assertProblem(STACK.call("GET", "/search/usage/widgets/" + FIRST, staff, null), 404, "NOT_FOUND");
        assertProblem(STACK.call("GET", "/search/usage/documents/D-NO-SUCH-ENTRY", staff, null), 404, "NOT_FOUND");
        JsonNode quarter = STACK.call("GET", entry + "?from=2026-09-01&to=2026-11-30", staff, null).json();
        assertEquals(91, quarter.get("days").size(), "a quarter is within the bound");

        assertProblem(STACK.call("PUT", "/search/favourites/widgets/" + FIRST, ent, null), 404, "NOT_FOUND");
        assertProblem(STACK.call("PUT", "/search/favourites/documents/d-lower-case", ent, null), 404, "NOT_FOUND");
        assertProblem(STACK.call("PUT", "/search/favourites/documents/D-NO-SUCH-ENTRY", ent, null), 404, "NOT_FOUND");
        assertProblem(STACK.call("GET", "/search/favourites?sort=new", ent, null), 400, "UNKNOWN_PARAMETER", "sort");
        assertProblem(STACK.call("GET", "/search/favourites?cursor=bm90LWEtY3Vyc29y", ent, null), 400, "INVALID_CURSOR", "cursor");
        assertEquals(savedBefore, STACK.call("GET", "/search/favourites?limit=100", ent, null).json());
    }

    @Test
    @Order(8)
    void aDraftOrRevokedEntryCannotBeSavedButAStaleFavouriteShowsItsState() {
        String ent = STACK.token("sip-ent");
        String author = STACK.token("sip-staff");
        String draft = "D-USE3-" + SUFFIX;
        assertEquals(201, STACK.call("POST", "/catalogue/documents", author,
                Map.of("code", draft, "content", CatalogueSamples.document("草稿" + SUFFIX))).status());
        assertProblem(STACK.call("PUT", "/search/favourites/documents/" + draft, ent, null), 404, "NOT_FOUND");

        long v = STACK.call("GET", "/catalogue/documents/" + FIRST, author, null).json().get("version").asLong();
        assertEquals(200, STACK.call("POST", "/catalogue/documents/" + FIRST + "/revoke", author,
                Map.of("version", v, "reason", "测试撤销")).status());
        JsonNode saved = STACK.call("GET", "/search/favourites?limit=100", ent, null).json();
        assertEquals("REVOKED", find(saved, FIRST).get("status").asText(), saved.toString());
        assertEquals(204, STACK.call("DELETE", "/search/favourites/documents/" + FIRST, ent, null).status());
        assertNull(find(STACK.call("GET", "/search/favourites?limit=100", ent, null).json(), FIRST));
    }

    // ------------------------------------------------------------------ helpers

    private static void publish(String code, String name) {
        String author = STACK.token("sip-staff");
        Exchange created = STACK.call("POST", "/catalogue/documents", author,
                Map.of("code", code, "content", CatalogueSamples.document(name)));
        assertEquals(201, created.status(), created.body());
        long v = STACK.call("POST", "/catalogue/documents/" + code + "/submit", author,
                Map.of("version", created.json().get("version").asLong())).json().get("version").asLong();
        assertEquals(200, STACK.call("POST", "/catalogue/documents/" + code + "/approve", STACK.token("sip-window"),
                Map.of("version", v)).status());
    }

    private static JsonNode entry(String code) {
        Exchange e = STACK.call("GET", "/search/usage/documents/" + code, STACK.token("sip-staff"), null);
        assertEquals(200, e.status(), e.body());
        return e.json();
    }

    private static JsonNode awaitEntry(String code, java.util.function.Predicate<JsonNode> done) throws InterruptedException {
        return Polling.await("/search/usage/documents/" + code, STACK.token("sip-staff"), done, COUNTED_WITHIN);
    }

    /** Gives a count that would wrongly go on rising the time to do so. */
    private static void settle() throws InterruptedException {
        Thread.sleep(1_500);
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> codes(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.get("items").forEach(i -> codes.add(i.get("code").asText()));
        return codes;
    }

    private static JsonNode find(JsonNode page, String code) {
        for (JsonNode item : page.get("items")) {
            if (item.get("code").asText().equals(code)) {
                return item;
            }
        }
        return null;
    }

    /** A stream record of the item's insertion, in the shape Lambda delivers it. */
    private static ObjectNode insertRecord(Map<String, AttributeValue> item) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode record = json.createObjectNode();
        record.put("eventID", UUID.randomUUID().toString());
        record.put("eventName", "INSERT");
        record.put("eventSource", "aws:dynamodb");
        ObjectNode dynamodb = record.putObject("dynamodb");
        ObjectNode keys = dynamodb.putObject("Keys");
        keys.set("pk", attribute(json, item.get("pk")));
        keys.set("sk", attribute(json, item.get("sk")));
        ObjectNode image = dynamodb.putObject("NewImage");
        item.forEach((name, value) -> image.set(name, attribute(json, value)));
        dynamodb.put("StreamViewType", "NEW_AND_OLD_IMAGES");
        return record;
    }

    private static JsonNode attribute(ObjectMapper json, AttributeValue value) {
        ObjectNode node = json.createObjectNode();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case BOOL -> node.put("BOOL", value.bool());
            case NUL -> node.put("NULL", true);
            case L -> value.l().forEach(v -> node.withArray("L").add(attribute(json, v)));
            case M -> {
                ObjectNode m = node.putObject("M");
                value.m().forEach((k, v) -> m.set(k, attribute(json, v)));
            }
            default -> throw new IllegalArgumentException("unexpected attribute type " + value.type());
        }
        return node;
    }

    /** The item back from a record built by {@link #insertRecord}. */
    private static Map<String, AttributeValue> itemOf(JsonNode record) {
        Map<String, AttributeValue> item = new java.util.HashMap<>();
        record.at("/dynamodb/NewImage").fields().forEachRemaining(f -> item.put(f.getKey(), value(f.getValue())));
        return item;
    }

    private static AttributeValue value(JsonNode node) {
        if (node.has("S")) {
            return AttributeValue.fromS(node.get("S").asText());
        }
        if (node.has("N")) {
            return AttributeValue.fromN(node.get("N").asText());
        }
        if (node.has("BOOL")) {
            return AttributeValue.fromBool(node.get("BOOL").asBoolean());
        }
        if (node.has("L")) {
            List<AttributeValue> list = new ArrayList<>();
            node.get("L").forEach(v -> list.add(value(v)));
            return AttributeValue.fromL(list);
        }
        Map<String, AttributeValue> map = new java.util.HashMap<>();
        node.get("M").fields().forEachRemaining(f -> map.put(f.getKey(), value(f.getValue())));
        return AttributeValue.fromM(map);
    }
}
