package com.huiqi.search.usage;

import com.huiqi.shared.storage.CounterBatch;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.Transaction;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.tenancy.Keys;
import com.huiqi.shared.usage.UsageEvent;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds usage events into the counters of {@link UsageCounters}, exactly once per event however
 * often the stream delivers it. An event is consumed in parts of at most {@link #PART_SIZE}
 * entries (a search page of 100 hits would not fit one transaction); each part is marked on the
 * event item ({@code counted<part>}) in the same transaction that adds its counts, so a part is
 * either counted and marked or neither. Parts of several events share a transaction, their
 * counts for one entry and day merged into one {@code ADD}; a part found already marked (a
 * redelivered batch) is dropped and the rest committed again.
 */
@Singleton
public class UsageTally {

    static final int PART_SIZE = 20;
    static final String MARK = "counted";

    /** One part of one event: what one transaction counts of it. */
    public record Part(ItemKey event, int index, UsageEvent.Type type, String day, List<UsageEvent.EntryRef> entries) {

        /** The most items its transaction can need: its mark, a day and a month counter per entry, the partition catalogue's item. */
        int maxItems() {
            return 1 + 2 * entries.size() + 1;
        }
    }

    /** What one tenant's share of a batch did. */
    public record Outcome(int counted, int skipped, int transactions) {
    }

    /** The parts of an event stored at {@code key}, in a fixed order, so that every delivery splits it alike. */
    public static List<Part> parts(ItemKey key, UsageEvent event) {
        List<Part> parts = new ArrayList<>();
        List<UsageEvent.EntryRef> entries = event.entries();
        for (int from = 0, index = 0; from < entries.size(); from += PART_SIZE, index++) {
            parts.add(new Part(key, index, event.type(), event.day(),
                    entries.subList(from, Math.min(entries.size(), from + PART_SIZE))));
        }
        return parts;
    }

    public Outcome apply(TenantStore store, List<Part> parts) {
        int counted = 0;
        int skipped = 0;
        int transactions = 0;
        List<Part> pending = new ArrayList<>();
        Footprint footprint = new Footprint();
        for (Part part : parts) {
            boolean sameEvent = pending.stream().anyMatch(p -> p.event().equals(part.event()));
            if (!pending.isEmpty() && (sameEvent || footprint.with(store.keys(), part) > Transaction.MAX_ITEMS)) {
                Outcome done = commit(store, pending);
                counted += done.counted();
                skipped += done.skipped();
                transactions += done.transactions();
                pending = new ArrayList<>();
                footprint = new Footprint();
            }
            pending.add(part);
            footprint.add(store.keys(), part);
        }
        if (!pending.isEmpty()) {
            Outcome done = commit(store, pending);
            counted += done.counted();
            skipped += done.skipped();
            transactions += done.transactions();
        }
        return new Outcome(counted, skipped, transactions);
    }

    /**
     * The items one transaction of parts writes: a mark per part, one counter per entry, day and
     * month however many parts count it (their deltas are merged into one ADD), and the one item of
     * the partition catalogue that lists all their partitions. Counting merged counters, not parts, is what lets a busy
     * batch — many searches showing the same entries — fold in a few transactions instead of one
     * per event or two.
     */
    static final class Footprint {
        private int marks;
        private final Set<ItemKey> counters = new HashSet<>();

        void add(Keys keys, Part part) {
            marks++;
            counters.addAll(counterKeys(keys, part));
        }

        /** The items with {@code part} added. */
        int with(Keys keys, Part part) {
            Set<ItemKey> moreCounters = new HashSet<>(counterKeys(keys, part));
            moreCounters.removeAll(counters);
            return marks + 1 + counters.size() + moreCounters.size() + 1;
        }

        private static List<ItemKey> counterKeys(Keys keys, Part part) {
            LocalDate day = LocalDate.parse(part.day());
            String partition = UsageCounters.partition(keys, YearMonth.from(day));
            List<ItemKey> counters = new ArrayList<>();
            for (UsageEvent.EntryRef entry : part.entries()) {
                counters.add(ItemKey.of(partition, UsageCounters.daySk(entry.kind(), entry.code(), day)));
                counters.add(ItemKey.of(partition, UsageCounters.totalSk(entry.kind(), entry.code())));
            }
            return counters;
        }
    }

    /** Commits the parts, dropping any already counted until the rest goes through. */
    private Outcome commit(TenantStore store, List<Part> parts) {
        List<Part> remaining = new ArrayList<>(parts);
        int transactions = 0;
        while (!remaining.isEmpty()) {
            CounterBatch batch = store.counters();
            for (Part part : remaining) {
                add(store, batch, part);
            }
            transactions++;
            Set<ItemKey> already = batch.commit();
            if (already.isEmpty()) {
                break;
            }
            remaining.removeIf(p -> already.contains(p.event()));
        }
        return new Outcome(remaining.size(), parts.size() - remaining.size(), transactions);
    }

    private static void add(TenantStore store, CounterBatch batch, Part part) {
        batch.consume(part.event(), MARK + part.index());
        LocalDate day = LocalDate.parse(part.day());
        YearMonth month = YearMonth.from(day);
        String partition = UsageCounters.partition(store.keys(), month);
        Map<String, Long> deltas = deltas(part.type());
        for (UsageEvent.EntryRef entry : part.entries()) {
            batch.add(ItemKey.of(partition, UsageCounters.daySk(entry.kind(), entry.code(), day)),
                    UsageCounters.DAY_ENTITY, Map.of("kind", entry.kind(), "code", entry.code(), "day", day.toString()),
                    deltas);
            batch.add(ItemKey.of(partition, UsageCounters.totalSk(entry.kind(), entry.code())),
                    UsageCounters.MONTH_ENTITY, Map.of("kind", entry.kind(), "code", entry.code(), "month",
                            month.toString()), deltas);
        }
    }

    private static Map<String, Long> deltas(UsageEvent.Type type) {
        return switch (type) {
            case VIEW -> Map.of(UsageCounters.VIEWS, 1L);
            case SEARCH -> Map.of(UsageCounters.SEARCH_HITS, 1L);
            case SAVE -> Map.of(UsageCounters.SAVES, 1L);
            case UNSAVE -> Map.of(UsageCounters.SAVES, -1L);
        };
    }
}
