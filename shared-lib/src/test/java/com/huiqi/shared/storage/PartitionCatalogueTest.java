package com.huiqi.shared.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.identity.Role;
import com.huiqi.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The partition catalogue against DynamoDB Local: a write lists all the partitions it wrote in one
 * item, keyed by the set, and offboarding's read expands every item, old single-entry ones too.
 */
class PartitionCatalogueTest {

    record Note(String title) {
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

    private static Caller admin(String tenant) {
        return new Caller("sub-" + tenant, tenant + "-admin", TenantId.of(tenant), Set.of(Role.CENTER_ADMIN), Optional.empty());
    }

    /** The catalogue's items as stored: sort key and listed partitions. */
    private static List<EnhancedDocument> rawItems(TenantStore store) {
        List<EnhancedDocument> items = new ArrayList<>();
        store.forEachRaw(Tables.DATA, PartitionCatalogue.partitionKey(store.keys()), items::add);
        return items;
    }

    private static Transaction notes(TenantStore store, String... partitions) {
        Transaction tx = store.begin(admin(store.keys().tenant().value()), "r");
        for (String partition : partitions) {
            tx.create(ItemKey.of(store.keys().pk("NOTE", partition), "n" + System.nanoTime()), "Note", new Note(partition));
        }
        return tx;
    }

    @Test
    void aTransactionListsAllItsPartitionsInOneItemKeyedByTheSet() {
        TenantStore store = stores.forTenant(TenantId.of("sets"));
        Transaction tx = notes(store, "a", "b", "c").audit("note.create", "Note", "n", null, null);
        assertEquals(4 + 1, tx.size(), "three notes, an audit record and one catalogue item for their four partitions");
        tx.commit();

        List<EnhancedDocument> items = rawItems(store);
        assertEquals(1, items.size());
        EnhancedDocument item = items.get(0);
        assertTrue(item.getString(TableDefinition.SK).matches("SET#[0-9a-f]{64}"), item.toJson());
        List<String> listed = item.getList("partitions", EnhancedType.of(String.class));
        assertEquals(4, listed.size(), listed.toString());
        assertEquals(listed.stream().sorted().toList(), listed, "entries are stored sorted");
        assertEquals(List.of("DataTable|sets#NOTE#a", "DataTable|sets#NOTE#b", "DataTable|sets#NOTE#c"),
                listed.subList(1, 4));
        assertTrue(listed.get(0).startsWith("AuditTable|sets#AUDIT#"), listed.get(0));

        // The same set again, written in another order, is the same item; another set is another item.
        notes(store, "c", "b", "a").audit("note.create", "Note", "n", null, null).commit();
        assertEquals(1, rawItems(store).size(), "the same set is one idempotent put");
        notes(store, "a", "d").commit();
        assertEquals(2, rawItems(store).size());

        PartitionCatalogue.Listing listing = PartitionCatalogue.read(store);
        assertEquals(2, listing.items().size());
        assertEquals(5, listing.partitions().size(), "a partition in two sets is listed once: " + listing.partitions());
        assertTrue(listing.partitions().contains(new PartitionCatalogue.Entry(Tables.DATA, "sets#NOTE#d")));
    }

    @Test
    void aTransactionOfOneHundredItemsHoldsNinetyNineWritesBesideItsCatalogueItem() {
        TenantStore store = stores.forTenant(TenantId.of("full"));
        String[] partitions = new String[Transaction.MAX_ITEMS - 1];
        for (int i = 0; i < partitions.length; i++) {
            partitions[i] = "p" + i;
        }
        Transaction full = notes(store, partitions);
        assertEquals(Transaction.MAX_ITEMS, full.size());
        full.commit();
        assertEquals(Transaction.MAX_ITEMS - 1, PartitionCatalogue.read(store).partitions().size());

        Transaction over = notes(store, partitions).create(ItemKey.of(store.keys().pk("NOTE", "one-more"), "n"), "Note",
                new Note("one more"));
        assertEquals(Transaction.MAX_ITEMS + 1, over.size());
        assertThrows(IllegalStateException.class, over::commit, "the catalogue item does not fit");
    }

    @Test
    void aTransactionOnTwoTenantsListsEachTenantsPartitionsInItsOwnCatalogue() {
        TenantStore platform = stores.forTenant(TenantId.of("registry"));
        TenantStore tenant = stores.forTenant(TenantId.of("newcomer"));
        Transaction tx = notes(platform, "tenants");
        tx.on(tenant).create(ItemKey.of(tenant.keys().pk("DEPT"), "d1"), "Note", new Note("dept"))
                .create(ItemKey.of(tenant.keys().pk("USER"), "u1"), "Note", new Note("user"));
        assertEquals(3 + 2, tx.size(), "one catalogue item per tenant");
        tx.commit();
        assertEquals(List.of(new PartitionCatalogue.Entry(Tables.DATA, "registry#NOTE#tenants")),
                PartitionCatalogue.read(platform).partitions());
        assertEquals(List.of(new PartitionCatalogue.Entry(Tables.DATA, "newcomer#DEPT"),
                new PartitionCatalogue.Entry(Tables.DATA, "newcomer#USER")), PartitionCatalogue.read(tenant).partitions());
    }

    @Test
    void aBulkLoadListsItsPartitionsAHundredAnItem() {
        TenantStore store = stores.forTenant(TenantId.of("loaded"));
        BulkLoad load = store.bulkLoad(admin("loaded"), "seed");
        for (int i = 0; i < 250; i++) {
            load.put(ItemKey.of(store.keys().pk("NOTE", String.format("%03d", i)), "n"), "Note", new Note("n" + i));
        }
        assertEquals(250 + 3, load.size(), "250 notes, their partitions in three catalogue items");
        load.flush(2);
        List<EnhancedDocument> items = rawItems(store);
        assertEquals(3, items.size());
        PartitionCatalogue.Listing listing = PartitionCatalogue.read(store);
        assertEquals(250, listing.partitions().size());
        assertEquals(new PartitionCatalogue.Entry(Tables.DATA, "loaded#NOTE#000"), listing.partitions().get(0));
        assertEquals(new PartitionCatalogue.Entry(Tables.DATA, "loaded#NOTE#249"), listing.partitions().get(249));
        for (EnhancedDocument item : items) {
            assertTrue(item.toJson().length() < 400 * 1024, "far below DynamoDB's item limit");
        }
    }

    @Test
    void singleEntryItemsOfBeforeAreStillRead() {
        TenantStore store = stores.forTenant(TenantId.of("legacy"));
        // As the catalogue stored partitions before sets: one item each, its sort key the entry.
        for (String entry : List.of("DataTable|legacy#NOTE#old", "PersonalTable|legacy#ENT#X", "DataTable|legacy#NOTE#a")) {
            dynamo.client().putItem(b -> b.tableName(Tables.DATA.tableName()).item(Map.of(
                    TableDefinition.PK, AttributeValue.fromS(PartitionCatalogue.partitionKey(store.keys())),
                    TableDefinition.SK, AttributeValue.fromS(entry),
                    TenantStore.ENTITY_TYPE, AttributeValue.fromS("Partition"),
                    TenantStore.VERSION, AttributeValue.fromN("1"))));
        }
        notes(store, "a", "new").commit();

        PartitionCatalogue.Listing listing = PartitionCatalogue.read(store);
        assertEquals(4, listing.items().size(), "three old items and one set");
        assertEquals(List.of(new PartitionCatalogue.Entry(Tables.DATA, "legacy#NOTE#a"),
                new PartitionCatalogue.Entry(Tables.DATA, "legacy#NOTE#new"),
                new PartitionCatalogue.Entry(Tables.DATA, "legacy#NOTE#old"),
                new PartitionCatalogue.Entry(Tables.PERSONAL, "legacy#ENT#X")), listing.partitions());
    }
}
