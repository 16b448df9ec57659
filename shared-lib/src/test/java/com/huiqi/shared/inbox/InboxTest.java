package com.huiqi.shared.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.identity.Role;
import com.huiqi.shared.storage.EmbeddedDynamo;
import com.huiqi.shared.storage.StoreFactory;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Inboxes on DynamoDB Local: repeated news is one message, the unread count stays exact, inboxes never mix. */
class InboxTest {

    private static EmbeddedDynamo dynamo;
    private static StoreFactory stores;
    private final Inbox inbox = new Inbox();

    @BeforeAll
    static void start() {
        dynamo = new EmbeddedDynamo();
        stores = dynamo.stores();
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    private static Caller system(String tenant) {
        return new Caller("system", "system:test", TenantId.of(tenant), Set.of(), Optional.empty());
    }

    private static Caller enterpriseUser(String tenant, String code) {
        return new Caller("sub-" + code, "ent-" + code, TenantId.of(tenant), Set.of(Role.ENTERPRISE), Optional.of(code));
    }

    private static Inbox.News news(String key) {
        return new Inbox.News(key, "SAVED_SEARCH_MATCH", "新政策：" + key, "正文 " + key,
                List.of(new InboxMessage.Link("documents", key, key)), new InboxMessage.Source("savedSearch", "s1", "订阅"));
    }

    @Test
    void theSameNewsDeliveredTwiceIsOneMessageAndOneAnnouncement() {
        TenantStore store = stores.forTenant(TenantId.of("again"));
        Recipient to = Recipient.enterprise("91320594MA1N2P3Q4X");
        var announce = Optional.of(new Inbox.Announcement(List.of("SMS"), "新政策提醒", "两条"));
        List<InboxMessage> first = inbox.deliver(store, system("again"), "r1", to, List.of(news("A"), news("B")), announce);
        assertEquals(2, first.size());
        // A retried stream batch: the same news, plus one item that is new.
        List<InboxMessage> second = inbox.deliver(store, system("again"), "r2", to, List.of(news("A"), news("B"), news("C")),
                announce);
        assertEquals(List.of("C"), second.stream().map(m -> m.links().get(0).code()).toList());
        assertEquals(List.of(), inbox.deliver(store, system("again"), "r3", to, List.of(news("C")), announce));

        Inbox.Listing listing = inbox.list(store, to, 10, null);
        assertEquals(3, listing.items().size());
        assertEquals(3, listing.unread());
        assertEquals(2, outbox("again").size(), "one announcement per delivery that created messages");
        assertTrue(outbox("again").stream().allMatch(n -> n.get("state").s().equals(OutboundNotification.PENDING)));
    }

    @Test
    void readingCountsOnceAndOnlyInItsOwnInbox() {
        TenantStore store = stores.forTenant(TenantId.of("reads"));
        String code = "91320594MA1N2P3Q4X";
        Recipient to = Recipient.of(enterpriseUser("reads", code));
        InboxMessage m = inbox.deliver(store, system("reads"), "r1", to, List.of(news("A"), news("B")), Optional.empty()).get(0);
        assertEquals(List.of(), outbox("reads"), "no channels, no announcement");

        InboxMessage read = inbox.markRead(store, enterpriseUser("reads", code), "r2", to, m.id());
        assertNotNull(read.readAt());
        assertEquals(read, inbox.markRead(store, enterpriseUser("reads", code), "r3", to, m.id()));
        assertEquals(1, inbox.list(store, to, 10, null).unread());

        Recipient other = Recipient.enterprise("91330302MA2H7K8L9X");
        assertEquals(404, assertThrows(ApiException.class,
                () -> inbox.markRead(store, enterpriseUser("reads", other.id()), "r4", other, m.id())).status());
        assertEquals(0, inbox.list(store, other, 10, null).items().size());
        TenantStore elsewhere = stores.forTenant(TenantId.of("elsewhere"));
        assertEquals(404, assertThrows(ApiException.class,
                () -> inbox.markRead(elsewhere, enterpriseUser("elsewhere", code), "r5", to, m.id())).status());
        assertEquals(0, inbox.list(elsewhere, to, 10, null).items().size());
    }

    @Test
    void concurrentDeliveriesAndReadsKeepTheUnreadCountExact() throws Exception {
        TenantStore store = stores.forTenant(TenantId.of("busy"));
        Recipient to = Recipient.enterprise("91320594MA1N2P3Q4X");
        InboxMessage early = inbox.deliver(store, system("busy"), "r0", to, List.of(news("first")), Optional.empty()).get(0);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String key = "n" + i;
                work.add(threads.submit(() -> inbox.deliver(store, system("busy"), "d-" + key, to, List.of(news(key)),
                        Optional.empty())));
            }
            work.add(threads.submit(() -> inbox.markRead(store, system("busy"), "read", to, early.id())));
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }
        Inbox.Listing listing = inbox.list(store, to, 20, null);
        assertEquals(9, listing.items().size());
        assertEquals(8, listing.unread());
    }

    private static List<java.util.Map<String, AttributeValue>> outbox(String tenant) {
        return dynamo.client().query(q -> q.tableName(com.huiqi.shared.storage.Tables.DATA.tableName())
                .keyConditionExpression("pk = :pk").expressionAttributeValues(
                        java.util.Map.of(":pk", AttributeValue.fromS(tenant + "#OUTBOX")))).items();
    }
}
