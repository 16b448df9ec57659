package com.huiqi.shared.inbox;

import java.time.Instant;
import java.util.List;

/**
 * One message in an inbox (站内消息). Messages are written by the capability that has news (a new
 * policy matching a saved search; later an application step or a ticket reply) and read through
 * the track function. The text is Chinese, as the enterprise reads it; {@code topic} and
 * {@code links} let a client render or route it in any language.
 *
 * @param id        unique in the inbox and time-ordered: the delivery instant, then a hash of what
 *                  the message is about, so delivering the same news twice finds the same id
 * @param topic     what kind of news, e.g. {@code SAVED_SEARCH_MATCH}
 * @param title     one line
 * @param body      the text
 * @param links     the catalogue entries (or other resources) the message is about
 * @param source    what produced it, e.g. the saved search's id
 * @param readAt    when it was marked read, null while unread
 */
public record InboxMessage(String id, String topic, String title, String body, List<Link> links, Source source,
                           Instant createdAt, Instant readAt) {

    public InboxMessage {
        links = List.copyOf(links);
    }

    /** A resource the message points to: a catalogue entry by kind and code, with its title. */
    public record Link(String kind, String code, String title) {
    }

    /** What produced the message: a type (e.g. {@code savedSearch}) and its id. */
    public record Source(String type, String id, String name) {
    }

    InboxMessage read(Instant at) {
        return new InboxMessage(id, topic, title, body, links, source, createdAt, at);
    }
}
