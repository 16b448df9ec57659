package com.huiqi.shared.usage;

import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.tenancy.Keys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One use of catalogue entries by an enterprise user, as an item of the data table that the usage
 * aggregator (functions/search, on the table's stream) folds into per-entry counters: an entry
 * opened (VIEW), the entries one page of a search showed (SEARCH), an entry saved or unsaved
 * (SAVE, UNSAVE). It names no user or enterprise: the figures are counts of public interest, not a
 * record of who looked at what.
 *
 * <p>Stored at {@code <tenant>#USAGE#EVENTS#<day>} / {@code <at>#<id>}, one partition per tenant and
 * day, with a TTL ({@code expiresAt}, epoch seconds) of {@link #KEPT}: long enough to recount a
 * quarter from the events, short enough that the table does not keep every click for ever.
 *
 * @param day the tenant's calendar day of {@code at} (its zone), which the counters are kept by
 */
public record UsageEvent(String id, Type type, Instant at, String day, List<EntryRef> entries, long expiresAt) {

    public static final String ENTITY = "UsageEvent";
    public static final Duration KEPT = Duration.ofDays(90);

    public enum Type {
        /** an enterprise user opened the entry */
        VIEW,
        /** a page of search results showed the entries */
        SEARCH,
        /** an enterprise saved the entry (收藏) */
        SAVE,
        /** an enterprise removed the entry from its saved entries */
        UNSAVE
    }

    /** A catalogue entry by its API kind segment ({@code products}) and code. */
    public record EntryRef(String kind, String code) {
    }

    public UsageEvent {
        entries = List.copyOf(entries);
    }

    public ItemKey key(Keys keys) {
        return ItemKey.of(partition(keys, day), at + "#" + id);
    }

    public static String partition(Keys keys, String day) {
        return keys.pk("USAGE", "EVENTS", day);
    }
}
