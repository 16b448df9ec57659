package com.huiqi.tests;

import static com.huiqi.tests.support.Problems.assertProblem;
import static com.huiqi.tests.support.Publishing.publish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.local.demo.ApiClient.Exchange;
import com.huiqi.local.demo.DemoData;
import com.huiqi.shared.storage.Tables;
import com.huiqi.tests.support.CatalogueSamples;
import com.huiqi.tests.support.Polling;
import com.huiqi.tests.support.TestStack;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Saved searches (订阅): an enterprise keeps what it wants to hear about; a newly published
 * policy that the saved search would find lands in its inbox (served by the track function) and,
 * where the saved search asks for SMS or WeChat, an outbound notification event is published to
 * the notifications topic, which the local stack records in a queue (fauxqs, a real SNS/SQS
 * implementation) that this test reads.
 */
class SavedSearchTest {

    private static final TestStack STACK = TestStack.get();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIP_ENTERPRISE = DemoData.tenants().get(0).enterprise().creditCode();
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Test
    void aNewPolicyThatASavedSearchWouldFindReachesTheInboxAndIsAnnounced() throws Exception {
        String ent = STACK.token("sip-ent");
        String byKeywords = save(ent, "石墨烯补贴", Map.of("q", "石墨烯 量子点", "region", "320571"), List.of("SMS"));
        String byTags = save(ent, "低空经济贴息", Map.of("domain", "低空经济政策", "supportMethod", "贴息"), List.of());
        save(ent, "海洋牧场", Map.of("q", "海洋牧场 深远海"), List.of("WECHAT"));
        // The same subscription in another center: it must never hear of Suzhou's publications.
        String wzEnt = STACK.token("wz-ent");
        save(wzEnt, "石墨烯补贴", Map.of("q", "石墨烯 量子点"), List.of("SMS"));
        long unreadBefore = inbox(ent).get("unread").asLong();
        long wzUnreadBefore = inbox(wzEnt).get("unread").asLong();

        Map<String, Object> graphene = new HashMap<>(CatalogueSamples.document("石墨烯量子点材料研发补贴办法"));
        publish("documents", "D-SAVED-GRAPHENE", graphene);
        Map<String, Object> lowAltitude = new HashMap<>(CatalogueSamples.document("低空经济发展扶持办法"));
        lowAltitude.put("category", "低空经济政策");
        lowAltitude.put("supportMethods", List.of("贴息", "补助"));
        publish("documents", "D-SAVED-LOWALT", lowAltitude);
        Map<String, Object> unrelated = new HashMap<>(CatalogueSamples.document("建筑垃圾资源化利用管理办法"));
        publish("documents", "D-SAVED-NONE", unrelated);

        JsonNode inbox = Polling.await("/inbox?limit=50", ent,
                i -> message(i, "D-SAVED-GRAPHENE").isPresent() && message(i, "D-SAVED-LOWALT").isPresent(), DELIVERY);
        JsonNode toGraphene = message(inbox, "D-SAVED-GRAPHENE").orElseThrow();
        assertEquals("SAVED_SEARCH_MATCH", toGraphene.get("topic").asText());
        assertEquals(byKeywords, toGraphene.at("/source/id").asText());
        assertTrue(toGraphene.get("title").asText().contains("石墨烯量子点材料研发补贴办法"), toGraphene.toString());
        assertFalse(toGraphene.has("readAt"), "unread");
        assertEquals(byTags, message(inbox, "D-SAVED-LOWALT").orElseThrow().at("/source/id").asText());
        assertTrue(message(inbox, "D-SAVED-NONE").isEmpty(), "no saved search finds the unrelated policy");
        assertEquals(unreadBefore + 2, inbox.get("unread").asLong(), inbox.toString());

        // The announcement: one event for the SMS subscription; the tags one asked for none.
        String messageId = toGraphene.get("id").asText();
        JsonNode event = recordedNotification(e -> e.get("messageIds").toString().contains(messageId));
        assertEquals(List.of(), schema().validate(event).stream().map(Object::toString).toList());
        assertEquals("sip", event.get("tenant").asText());
        assertEquals(SIP_ENTERPRISE, event.at("/recipient/id").asText());
        assertEquals("[\"SMS\"]", event.get("channels").toString());
        assertFalse(event.toString().contains("牟建国"), "no personal data in the event");
        // The outbox keeps what was published, and that it was: a redelivered record publishes nothing again.
        Map<String, AttributeValue> filed = awaitOutbox(event.get("id").asText(), "SENT");
        assertFalse(filed.get("publishedMessageId").s().isBlank());

        // Wenzhou's identical saved search heard nothing, and cannot touch Suzhou's message.
        assertEquals(wzUnreadBefore, inbox(wzEnt).get("unread").asLong());
        assertTrue(message(inbox(wzEnt), "D-SAVED-GRAPHENE").isEmpty());
        assertProblem(STACK.call("POST", "/inbox/" + messageId + "/read", wzEnt, null), 404, "NOT_FOUND");

        // Read: once counts, twice changes nothing.
        Exchange read = STACK.call("POST", "/inbox/" + messageId + "/read", ent, null);
        assertEquals(200, read.status(), read.body());
        assertNotNull(read.json().get("readAt").asText(null));
        assertEquals(unreadBefore + 1, inbox(ent).get("unread").asLong());
        Exchange again = STACK.call("POST", "/inbox/" + messageId + "/read", ent, null);
        assertEquals(read.json().get("readAt"), again.json().get("readAt"));
        assertEquals(unreadBefore + 1, inbox(ent).get("unread").asLong());
        assertProblem(STACK.call("POST", "/inbox/not-a-message/read", ent, null), 404, "NOT_FOUND");
    }

    @Test
    void savedSearchesAreKeptWithVersionsAndChecksLikeASearch() {
        String ent = STACK.token("sip-ent");
        Exchange created = STACK.call("POST", "/search/saved", ent, Map.of("name", "专精特新",
                "query", Map.of("q", "专精特新", "level", "district,municipal")));
        assertEquals(201, created.status(), created.body());
        String id = created.json().at("/savedSearch/id").asText();
        assertEquals("[\"SMS\",\"WECHAT\"]", created.json().at("/savedSearch/channels").toString(), "both channels by default");
        assertTrue(list(ent).contains(id));

        Exchange replaced = STACK.call("PUT", "/search/saved/" + id, ent, Map.of("name", "专精特新（区级）",
                "query", Map.of("q", "专精特新", "level", "DISTRICT"), "channels", List.of("WECHAT"), "version", 1));
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals(2, replaced.json().get("version").asLong());
        assertProblem(STACK.call("PUT", "/search/saved/" + id, ent, Map.of("name", "旧版本",
                "query", Map.of("q", "专精特新"), "version", 1)), 409, "CONCURRENT_MODIFICATION");

        // Bad input: 4xx with the field, and nothing kept.
        int before = list(ent).size();
        assertEquals("query", assertProblem(STACK.call("POST", "/search/saved", ent,
                Map.of("name", "全部", "query", Map.of())), 400, "EMPTY_SAVED_SEARCH").get("field").asText());
        assertEquals("query.sort", assertProblem(STACK.call("POST", "/search/saved", ent,
                Map.of("name", "排序", "query", Map.of("q", "补贴", "sort", "DEADLINE"))), 400, "UNKNOWN_PARAMETER")
                .get("field").asText());
        assertEquals("query.region", assertProblem(STACK.call("POST", "/search/saved", ent,
                Map.of("name", "地区", "query", Map.of("region", "3205"))), 400, "INVALID_FILTER").get("field").asText());
        assertEquals("query.q", assertProblem(STACK.call("POST", "/search/saved", ent,
                Map.of("name", "长", "query", Map.of("q", "补".repeat(10_000)))), 400, "QUERY_TOO_LONG").get("field").asText());
        assertEquals("name", assertProblem(STACK.call("POST", "/search/saved", ent,
                Map.of("name", " ", "query", Map.of("q", "补贴"))), 422, "VALIDATION_FAILED").get("field").asText());
        assertEquals("channels", assertProblem(STACK.call("POST", "/search/saved", ent,
                Map.of("name", "邮件", "query", Map.of("q", "补贴"), "channels", List.of("EMAIL"))), 422,
                "VALIDATION_FAILED").get("field").asText());
        assertEquals(before, list(ent).size());

        // Another center's enterprise does not find it, by any route.
        String wz = STACK.token("wz-ent");
        assertProblem(STACK.call("GET", "/search/saved/" + id, wz, null), 404, "NOT_FOUND");
        assertProblem(STACK.call("PUT", "/search/saved/" + id, wz, Map.of("name", "x", "query", Map.of("q", "x"),
                "version", 2)), 404, "NOT_FOUND");
        assertProblem(STACK.call("DELETE", "/search/saved/" + id + "?version=2", wz, null), 404, "NOT_FOUND");
        assertFalse(list(wz).contains(id));
        assertEquals("专精特新（区级）", STACK.call("GET", "/search/saved/" + id, ent, null).json()
                .at("/savedSearch/name").asText(), "unchanged by the other center's calls");

        assertProblem(STACK.call("DELETE", "/search/saved/" + id, ent, null), 400, "VERSION_REQUIRED");
        assertProblem(STACK.call("DELETE", "/search/saved/" + id + "?version=1", ent, null), 409, "CONCURRENT_MODIFICATION");
        assertEquals(204, STACK.call("DELETE", "/search/saved/" + id + "?version=2", ent, null).status());
        assertProblem(STACK.call("GET", "/search/saved/" + id, ent, null), 404, "NOT_FOUND");
    }

    @Test
    void anEnterpriseKeepsAtMostTwentySavedSearches() {
        String wz = STACK.token("wz-ent");
        List<JsonNode> made = new ArrayList<>();
        try {
            while (STACK.call("GET", "/search/saved", wz, null).json().get("items").size() < 20) {
                Exchange e = STACK.call("POST", "/search/saved", wz, Map.of("name", "上限" + made.size(),
                        "query", Map.of("q", "上限测试专用词" + made.size())));
                assertEquals(201, e.status(), e.body());
                made.add(e.json());
            }
            int before = list(wz).size();
            assertProblem(STACK.call("POST", "/search/saved", wz, Map.of("name", "第二十一个",
                    "query", Map.of("q", "补贴"))), 409, "TOO_MANY_SAVED_SEARCHES");
            assertEquals(before, list(wz).size());
        } finally {
            // The other tests save searches for this enterprise too.
            for (JsonNode m : made) {
                assertEquals(204, STACK.call("DELETE", "/search/saved/" + m.at("/savedSearch/id").asText() + "?version="
                        + m.get("version").asLong(), wz, null).status());
            }
        }
    }

    private static String save(String token, String name, Map<String, String> query, List<String> channels) {
        Exchange e = STACK.call("POST", "/search/saved", token, Map.of("name", name, "query", query, "channels", channels));
        assertEquals(201, e.status(), e.body());
        return e.json().at("/savedSearch/id").asText();
    }

    private static List<String> list(String token) {
        Exchange e = STACK.call("GET", "/search/saved", token, null);
        assertEquals(200, e.status(), e.body());
        List<String> ids = new ArrayList<>();
        e.json().get("items").forEach(i -> ids.add(i.at("/savedSearch/id").asText()));
        return ids;
    }

    private static JsonNode inbox(String token) {
        Exchange e = STACK.call("GET", "/inbox?limit=50", token, null);
        assertEquals(200, e.status(), e.body());
        return e.json();
    }

    private static Optional<JsonNode> message(JsonNode inbox, String documentCode) {
        for (JsonNode m : inbox.get("items")) {
            if (m.at("/links/0/code").asText().equals(documentCode)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static Map<String, AttributeValue> awaitOutbox(String id, String state) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        Map<String, AttributeValue> item = Map.of();
        try (var dynamo = STACK.dynamo()) {
            while (System.nanoTime() < deadline) {
                item = dynamo.getItem(g -> g.tableName(Tables.DATA.tableName()).consistentRead(true).key(Map.of(
                        "pk", AttributeValue.fromS("sip#OUTBOX"), "sk", AttributeValue.fromS("N#" + id)))).item();
                if (item.containsKey("state") && item.get("state").s().equals(state)) {
                    return item;
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("outbound notification " + id + " is not " + state + ": " + item);
    }

    /** Reads the recording queue until an event satisfies {@code wanted}. */
    private static JsonNode recordedNotification(Predicate<JsonNode> wanted) throws IOException {
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        List<String> seen = new ArrayList<>();
        try (SqsClient sqs = STACK.sqs()) {
            String queue = STACK.stack().recordedNotificationsQueueUrl();
            while (System.nanoTime() < deadline) {
                for (Message m : sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
                        .messages()) {
                    JsonNode event = JSON.readTree(m.body());
                    seen.add(m.body());
                    if (wanted.test(event)) {
                        return event;
                    }
                }
            }
        }
        throw new AssertionError("no such notification was recorded; seen: " + seen);
    }

    private static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Files.readString(
                TestStack.repoRoot().resolve("frontend-contract/schemas/outbound-notification.schema.json")));
    }
}
