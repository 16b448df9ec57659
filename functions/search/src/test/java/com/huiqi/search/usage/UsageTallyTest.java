package com.huiqi.search.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.tenancy.Keys;
import com.huiqi.shared.tenancy.TenantId;
import com.huiqi.shared.storage.Transaction;
import com.huiqi.shared.usage.UsageEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UsageTallyTest {

    private static UsageEvent search(int hits) {
        List<UsageEvent.EntryRef> entries = IntStream.range(0, hits)
                .mapToObj(i -> new UsageEvent.EntryRef("products", "P-" + String.format("%03d", i))).toList();
        return new UsageEvent("e1", UsageEvent.Type.SEARCH, Instant.parse("2026-12-01T02:00:00Z"), "2026-12-01", entries, 0);
    }

    @Test
    void aFullPageOfHitsIsCountedInPartsThatEachFitOneTransaction() {
        ItemKey key = ItemKey.of("sip#USAGE#EVENTS#2026-12-01", "2026-12-01T02:00:00Z#e1");
        List<UsageTally.Part> parts = UsageTally.parts(key, search(100));
        assertEquals(5, parts.size());
        List<UsageEvent.EntryRef> covered = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            UsageTally.Part part = parts.get(i);
            assertEquals(i, part.index(), "each part has a mark of its own");
            assertTrue(part.maxItems() <= Transaction.MAX_ITEMS, "part " + i + " needs " + part.maxItems());
            covered.addAll(part.entries());
        }
        assertEquals(search(100).entries(), covered, "every hit once, in order");
        assertEquals(parts, UsageTally.parts(key, search(100)), "a redelivery splits the event alike");
    }

    @Test
    void aViewIsOnePart() {
        ItemKey key = ItemKey.of("sip#USAGE#EVENTS#2026-12-01", "x");
        assertEquals(1, UsageTally.parts(key, search(1)).size());
        assertEquals(1, UsageTally.parts(key, search(20)).size());
        assertEquals(2, UsageTally.parts(key, search(21)).size());
    }

    @Test
    void partsShowingTheSameEntriesShareTransactionsTheirCountersMerged() {
        Keys keys = Keys.forTenant(TenantId.of("sip"));
        UsageTally.Footprint same = new UsageTally.Footprint();
        int fitting = 0;
        // A busy batch: many searches that showed the same 20 entries.
        while (true) {
            UsageTally.Part part = UsageTally.parts(ItemKey.of("sip#USAGE#EVENTS#2026-12-01", "e" + fitting), search(20)).get(0);
            if (same.with(keys, part) > Transaction.MAX_ITEMS) {
                break;
            }
            same.add(keys, part);
            fitting++;
        }
        // 59 marks + 40 merged counters (day and month of 20 entries) + 1 partition catalogue item = 100 items.
        assertEquals(59, fitting);

        UsageTally.Footprint distinct = new UsageTally.Footprint();
        UsageTally.Part first = UsageTally.parts(ItemKey.of("sip#USAGE#EVENTS#2026-12-01", "a"), search(20)).get(0);
        distinct.add(keys, first);
        List<UsageEvent.EntryRef> others = IntStream.range(100, 120)
                .mapToObj(i -> new UsageEvent.EntryRef("products", "P-" + i)).toList();
        UsageTally.Part second = UsageTally.parts(ItemKey.of("sip#USAGE#EVENTS#2026-12-01", "b"),
                new UsageEvent("e2", UsageEvent.Type.SEARCH, Instant.parse("2026-12-01T02:00:00Z"), "2026-12-01", others, 0))
                .get(0);
        assertEquals(2 + 80 + 1, distinct.with(keys, second), "other entries need counters of their own");
    }
}
