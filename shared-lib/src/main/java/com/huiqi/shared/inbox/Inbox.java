package com.huiqi.shared.inbox;

import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.Page;
import com.huiqi.shared.storage.Stored;
import com.huiqi.shared.storage.Tables;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.storage.Transaction;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Inboxes (站内消息): delivering news to a {@link Recipient}, listing it newest first, marking it
 * read, and the count of unread messages, within one tenant's store.
 *
 * <p>Layout, one partition per inbox, {@code <tenant>#INBOX#ENT#<credit code>} (or {@code USER#<sub>}):
 * <ul>
 *   <li>{@code M#<epoch millis, 13 digits>#<hash>}: a message, newest last in key order;</li>
 *   <li>{@code D#<hash>}: the delivery guard of a message, by the hash of its dedupe key: delivering
 *       the same news again (a retried stream batch) creates nothing;</li>
 *   <li>{@code STATE}: the unread count, versioned, changed in the transaction of every delivery and
 *       every read.</li>
 * </ul>
 * An announcement for SMS or WeChat ({@link OutboundNotification}) is written to the tenant's
 * {@code OUTBOX} partition in the delivery's transaction, so a message is never announced without
 * being in the inbox, nor in the inbox with its announcement lost.
 */
@Singleton
public class Inbox {

    /** Messages per delivery transaction: each takes two items, with the state and the announcement beside them. */
    public static final int MAX_PER_DELIVERY = 48;
    static final String MESSAGE = "InboxMessage";
    static final String GUARD = "InboxDelivery";
    static final String STATE = "InboxState";
    private static final int ATTEMPTS = 8;

    private final Clock clock;

    public Inbox() {
        this(Clock.systemUTC());
    }

    Inbox(Clock clock) {
        this.clock = clock;
    }

    /** One piece of news to deliver: {@code dedupeKey} names it, so the same news twice is one message. */
    public record News(String dedupeKey, String topic, String title, String body, List<InboxMessage.Link> links,
                       InboxMessage.Source source) {
    }

    /** What to send outside the platform about a delivery; no channels, no announcement. */
    public record Announcement(List<String> channels, String title, String text) {
    }

    /** The unread count beside a page of messages. */
    public record Listing(List<InboxMessage> items, String nextCursor, long unread) {
    }

    record State(long unread) {
    }

    record Guard(String messageId) {
    }

    /**
     * Delivers the news not delivered before and, when there is any and {@code announce} has
     * channels, files its announcement. Returns the messages created (none on a repeat).
     */
    public List<InboxMessage> deliver(TenantStore store, Caller system, String requestId, Recipient to, List<News> news,
                                      Optional<Announcement> announce) {
        if (news.size() > MAX_PER_DELIVERY) {
            throw new IllegalArgumentException("at most " + MAX_PER_DELIVERY + " messages per delivery");
        }
        String pk = partition(store, to);
        List<String> hashes = news.stream().map(n -> hash(n.dedupeKey())).toList();
        List<ItemKey> guards = hashes.stream().map(h -> ItemKey.of(pk, "D#" + h)).toList();
        // A retry may find news delivered meanwhile, by another delivery of the same batch.
        return retryingConflicts(() -> {
            Set<ItemKey> delivered = store.getAll(guards, Guard.class).keySet();
            Instant now = clock.instant();
            List<InboxMessage> created = new ArrayList<>();
            Transaction tx = store.begin(system, requestId);
            for (int i = 0; i < news.size(); i++) {
                if (delivered.contains(guards.get(i))) {
                    continue;
                }
                News n = news.get(i);
                InboxMessage message = new InboxMessage(now.toEpochMilli() + "-" + hashes.get(i), n.topic(), n.title(),
                        n.body(), n.links(), n.source(), now, null);
                tx.create(guards.get(i), GUARD, new Guard(message.id()));
                tx.create(messageKey(pk, message.id()), MESSAGE, message);
                created.add(message);
            }
            if (created.isEmpty()) {
                return List.of();
            }
            Optional<Stored<State>> state = store.get(pk, "STATE", State.class);
            writeState(tx, pk, state, state.map(s -> s.value().unread()).orElse(0L) + created.size());
            announce.filter(a -> !a.channels().isEmpty()).ifPresent(a -> {
                List<String> ids = created.stream().map(InboxMessage::id).toList();
                String id = hash(to.keyPart() + "|" + String.join(",", ids));
                tx.create(ItemKey.of(store.keys().pk("OUTBOX"), "N#" + id), OutboundNotification.ENTITY,
                        new OutboundNotification(id, store.keys().tenant().value(), to, a.channels(),
                                created.get(0).topic(), a.title(), a.text(), ids, now, OutboundNotification.PENDING,
                                null, null));
            });
            tx.commit();
            return created;
        });
    }

    /** A page of the inbox, newest first, with the unread count. */
    public Listing list(TenantStore store, Recipient of, int limit, String cursor) {
        String pk = partition(store, of);
        Page<InboxMessage> page = store.queryBackwards(Tables.DATA, pk, "M#", InboxMessage.class,
                limit, cursor);
        long unread = store.get(pk, "STATE", State.class).map(s -> s.value().unread()).orElse(0L);
        return new Listing(page.items(), page.nextCursor(), unread);
    }

    /** Marks one message read (again: no change); 404 when the inbox has no such message. */
    public InboxMessage markRead(TenantStore store, Caller reader, String requestId, Recipient of, String id) {
        String pk = partition(store, of);
        ItemKey key = messageKey(pk, id);
        return retryingConflicts(() -> {
            Stored<InboxMessage> message = store.get(key.pk(), key.sk(), InboxMessage.class)
                    .orElseThrow(() -> ApiException.notFound("消息", "Message"));
            if (message.value().readAt() != null) {
                return message.value();
            }
            InboxMessage read = message.value().read(clock.instant());
            Optional<Stored<State>> state = store.get(pk, "STATE", State.class);
            Transaction tx = store.begin(reader, requestId).update(key, MESSAGE, read, message.version());
            writeState(tx, pk, state, Math.max(0, state.map(s -> s.value().unread()).orElse(0L) - 1));
            tx.commit();
            return read;
        });
    }

    /**
     * Runs {@code attempt} again while it loses a race for the inbox's state (another delivery or
     * read committed meanwhile: CONCURRENT_MODIFICATION), up to {@link #ATTEMPTS} times.
     */
    private static <T> T retryingConflicts(Supplier<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (ApiException raced) {
                if (!"CONCURRENT_MODIFICATION".equals(raced.code()) || n >= ATTEMPTS) {
                    throw raced;
                }
                backOff(n);
            }
        }
    }

    /** A short random pause, growing with the attempt, so that racing writers stop meeting. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void writeState(Transaction tx, String pk, Optional<Stored<State>> state, long unread) {
        ItemKey key = ItemKey.of(pk, "STATE");
        if (state.isPresent()) {
            tx.update(key, STATE, new State(unread), state.get().version());
        } else {
            tx.create(key, STATE, new State(unread));
        }
    }

    private static String partition(TenantStore store, Recipient recipient) {
        return store.keys().pk("INBOX", recipient.kind() == Recipient.Kind.ENTERPRISE ? "ENT" : "USER", recipient.id());
    }

    /** {@code <millis>-<hash>} to its key; anything else is no message of this inbox. */
    private static ItemKey messageKey(String pk, String id) {
        int dash = id.indexOf('-');
        if (dash != 13 || !id.substring(0, dash).chars().allMatch(Character::isDigit)
                || !id.substring(dash + 1).matches("[0-9a-f]{24}")) {
            throw ApiException.notFound("消息", "Message");
        }
        return ItemKey.of(pk, "M#" + id.substring(0, dash) + "#" + id.substring(dash + 1));
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
