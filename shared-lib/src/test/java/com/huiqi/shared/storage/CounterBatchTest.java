package com.huiqi.shared.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huiqi.shared.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Counters folded from events against DynamoDB Local: each event counts once, however often it is offered. */
class CounterBatchTest {

    record Event(String what) {
    }

    record Count(String label, Long hits, Long misses) {
    }

    private static EmbeddedDynamo dynamo;
    private static StoreFactory stores;

    @BeforeAll
    static void start() {
        dynamo = new EmbeddedDynamo();
        stores = dynamo.stores();
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    private static ItemKey event(TenantStore store, String id) {
        ItemKey key = ItemKey.of(store.keys().pk("EVENTS"), id);
        store.putEvent(key, "Event", new Event(id));
        return key;
    }

    private static Count count(TenantStore store, ItemKey key) {
        return store.get(key.pk(), key.sk(), Count.class).map(Stored::value).orElse(new Count(null, null, null));
    }

    @Test
    void aRedeliveredEventIsRefusedAndTheRestOfTheBatchCountsOnce() {
        TenantStore store = stores.forTenant(TenantId.of("tally"));
        ItemKey counter = ItemKey.of(store.keys().pk("COUNTS"), "c1");
        ItemKey first = event(store, "e1");
        ItemKey second = event(store, "e2");

        assertEquals(Set.of(), store.counters().consume(first, "counted0")
                .add(counter, "Count", Map.of("label", "c1"), Map.of("hits", 1L)).commit());
        assertEquals(new Count("c1", 1L, null), count(store, counter));

        // The same event again with a new one, as a retried batch brings them: nothing is written.
        CounterBatch retried = store.counters().consume(first, "counted0").consume(second, "counted0")
                .add(counter, "Count", Map.of("label", "c1"), Map.of("hits", 2L, "misses", -1L));
        assertEquals(Set.of(first), retried.commit());
        assertEquals(new Count("c1", 1L, null), count(store, counter));

        // Without the event already counted, the rest goes through; adds to one counter merge into one update.
        assertEquals(Set.of(), store.counters().consume(second, "counted0")
                .add(counter, "Count", Map.of("label", "c1"), Map.of("hits", 1L))
                .add(counter, "Count", Map.of("label", "c1"), Map.of("hits", 1L, "misses", -1L)).commit());
        assertEquals(new Count("c1", 3L, -1L), count(store, counter));

        // Another part of the same event has a mark of its own.
        assertEquals(Set.of(), store.counters().consume(second, "counted1")
                .add(counter, "Count", Map.of("label", "c1"), Map.of("hits", 1L)).commit());
        assertEquals(4L, count(store, counter).hits());
    }

    @Test
    void anEventThatDoesNotExistIsNotCountedAndEveryPartitionIsCatalogued() {
        TenantStore store = stores.forTenant(TenantId.of("tally2"));
        ItemKey missing = ItemKey.of(store.keys().pk("EVENTS"), "never-written");
        ItemKey counter = ItemKey.of(store.keys().pk("COUNTS"), "c1");
        assertEquals(Set.of(missing), store.counters().consume(missing, "counted0")
                .add(counter, "Count", Map.of("label", "c1"), Map.of("hits", 1L)).commit());
        assertFalse(store.get(counter.pk(), counter.sk(), Count.class).isPresent());

        ItemKey real = event(store, "e1");
        store.counters().consume(real, "counted0").add(counter, "Count", Map.of("label", "c1"), Map.of("hits", 1L))
                .commit();
        PartitionCatalogue.Listing catalogue = PartitionCatalogue.read(store);
        assertEquals(List.of(new PartitionCatalogue.Entry(Tables.DATA, "tally2#COUNTS"),
                new PartitionCatalogue.Entry(Tables.DATA, "tally2#EVENTS")), catalogue.partitions());
        assertEquals(1, catalogue.items().size(), "one catalogue item lists both partitions");
    }

    @Test
    void keysOfAnotherTenantAreRefused() {
        TenantStore store = stores.forTenant(TenantId.of("tally3"));
        ItemKey foreign = ItemKey.of("other#COUNTS", "c1");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> store.counters().add(foreign, "Count", Map.of(), Map.of("hits", 1L)));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> store.counters().consume(foreign, "counted0"));
    }
}
