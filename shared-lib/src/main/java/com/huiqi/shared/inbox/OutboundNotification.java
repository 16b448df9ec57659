package com.huiqi.shared.inbox;

import java.time.Instant;
import java.util.List;

/**
 * The outbound notification event (短信 / 微信 订阅消息): written to the tenant's outbox in the same
 * transaction as the inbox messages it announces, then published to the notifications topic by
 * the track function's publisher, whose SMS and WeChat senders subscribe to it. It carries no
 * personal data: the sender looks up the enterprise's contacts itself. Its wire format is
 * {@code frontend-contract/schemas/outbound-notification.schema.json}.
 *
 * @param id         unique per tenant; subscribers use it to drop a redelivered event
 * @param channels   where the recipient asked to be told: SMS, WECHAT
 * @param messageIds the inbox messages announced
 * @param state      PENDING until published, then SENT
 */
public record OutboundNotification(String id, String tenant, Recipient recipient, List<String> channels, String topic,
                                   String title, String text, List<String> messageIds, Instant createdAt, String state,
                                   Instant sentAt, String publishedMessageId) {

    public static final String ENTITY = "OutboundNotification";
    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";

    public OutboundNotification {
        channels = List.copyOf(channels);
        messageIds = List.copyOf(messageIds);
    }

    public OutboundNotification sent(Instant at, String messageId) {
        return new OutboundNotification(id, tenant, recipient, channels, topic, title, text, messageIds, createdAt, SENT,
                at, messageId);
    }
}
