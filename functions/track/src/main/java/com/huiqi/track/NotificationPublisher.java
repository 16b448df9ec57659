package com.huiqi.track;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.shared.config.Env;
import com.huiqi.shared.config.PlatformBeans;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.inbox.OutboundNotification;
import com.huiqi.shared.inbox.Recipient;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.Stored;
import com.huiqi.shared.storage.TenantStore;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/**
 * Publishes an outbound notification from a tenant's outbox to the notifications topic. The
 * message is the event of {@code frontend-contract/schemas/outbound-notification.schema.json};
 * its attributes {@code tenant} and {@code channels} let each sender subscribe with a filter
 * policy (the SMS sender to SMS only). Delivery is at least once: a crash between the publish and
 * the SENT mark publishes again on the retry, with the same event id for subscribers to drop.
 */
@Singleton
public class NotificationPublisher {

    private final SnsClient sns;
    private final ObjectMapper json;
    private final String topicArn = Env.require(Env.NOTIFICATIONS_TOPIC_ARN);

    public NotificationPublisher(SnsClient sns, @Named(PlatformBeans.MAPPER) ObjectMapper json) {
        this.sns = sns;
        this.json = json;
    }

    /** The event as subscribers get it: the notification without its outbox bookkeeping. */
    record Event(String id, String tenant, Recipient recipient, List<String> channels, String topic, String title,
                 String text, List<String> messageIds, Instant createdAt) {
    }

    /** Publishes the notification unless it was already; true when published now. */
    boolean publish(TenantStore store, String id) {
        ItemKey key = ItemKey.of(store.keys().pk("OUTBOX"), "N#" + id);
        Optional<Stored<OutboundNotification>> stored = store.get(key.pk(), key.sk(), OutboundNotification.class);
        if (stored.isEmpty() || OutboundNotification.SENT.equals(stored.get().value().state())) {
            return false;
        }
        OutboundNotification n = stored.get().value();
        String message;
        try {
            message = json.writeValueAsString(new Event(n.id(), n.tenant(), n.recipient(), n.channels(), n.topic(),
                    n.title(), n.text(), n.messageIds(), n.createdAt()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        PublishResponse published = sns.publish(p -> p.topicArn(topicArn).message(message).messageAttributes(Map.of(
                "tenant", MessageAttributeValue.builder().dataType("String").stringValue(n.tenant()).build(),
                "channels", MessageAttributeValue.builder().dataType("String.Array")
                        .stringValue(arrayOf(n.channels())).build())));
        Caller system = new Caller("system", "system:notification-publisher", store.keys().tenant(), Set.of(), Optional.empty());
        store.begin(system, "publish-" + id)
                .update(key, OutboundNotification.ENTITY, n.sent(Instant.now(), published.messageId()), stored.get().version())
                .commit();
        return true;
    }

    private String arrayOf(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
