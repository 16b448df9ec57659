package com.huiqi.shared.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huiqi.shared.audit.AuditRecord;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.identity.Role;
import com.huiqi.shared.json.Json;
import com.huiqi.shared.tenancy.TenantId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

class TenantStoreTest {

    record Note(String title, int stars) {
    }

    private static EmbeddedDynamo dynamo;
    private static StoreFactory stores;

    @BeforeAll
    static void start() {
        dynamo = new EmbeddedDynamo();
        stores = new StoreFactory(new TenantClients(dynamo.client(), null, Optional.empty(), java.util.List.of()), Json.newMapper());
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    private static Caller admin(String tenant) {
        return new Caller("sub-" + tenant, tenant + "-admin", TenantId.of(tenant), Set.of(Role.CENTER_ADMIN), Optional.empty());
    }

    @Test
    void createReadUpdateWithVersionsAndAudit() {
        TenantStore store = stores.forTenant(TenantId.of("crud"));
        ItemKey key = ItemKey.of(store.keys().pk("NOTE"), "n1");
        store.begin(admin("crud"), "r1").create(key, "Note", new Note("first", 3))
                .audit("note.create", "Note", "n1", null, new Note("first", 3)).commit();

        Stored<Note> read = store.get(key.pk(), key.sk(), Note.class).orElseThrow();
        assertEquals(new Note("first", 3), read.value());
        assertEquals(1, read.version());

        store.begin(admin("crud"), "r2").update(key, "Note", new Note("second", 4), 1)
                .audit("note.update", "Note", "n1", read.value(), new Note("second", 4)).commit();
        Stored<Note> updated = store.get(key.pk(), key.sk(), Note.class).orElseThrow();
        assertEquals(2, updated.version());

        List<AuditRecord> trail = store.auditTrail(LocalDate.now(ZoneOffset.UTC), 50, null).items();
        assertEquals(List.of("note.create", "note.update"), trail.stream().map(AuditRecord::action).toList());
        AuditRecord last = trail.get(1);
        assertEquals("crud-admin", last.actor());
        assertEquals("first", last.before().get("title").asText());
        assertEquals("second", last.after().get("title").asText());
        assertEquals("r2", last.requestId());
    }

    @Test
    void aBulkLoadStoresEveryItemWithItsAuditRecordAndPartitions() {
        TenantStore store = stores.forTenant(TenantId.of("bulk"));
        BulkLoad load = store.bulkLoad(admin("bulk"), "import-1");
        for (int i = 0; i < 60; i++) {
            load.put(ItemKey.of(store.keys().pk("NOTE", "g" + (i % 3)), "n" + i), "Note", new Note("note " + i, i))
                    .audit("note.import", "Note", "n" + i, null, new Note("note " + i, i));
        }
        assertEquals(60 + 60 + 1, load.size(), "items, audit records, one catalogue item of their four partitions");
        load.flush(2);
        for (int g = 0; g < 3; g++) {
            assertEquals(20, store.query(store.keys().pk("NOTE", "g" + g), "", Note.class, 100, null).items().size());
        }
        Stored<Note> one = store.get(store.keys().pk("NOTE", "g1"), "n4", Note.class).orElseThrow();
        assertEquals(new Note("note 4", 4), one.value());
        assertEquals(1, one.version());
        List<AuditRecord> trail = store.auditTrail(LocalDate.now(ZoneOffset.UTC), 100, null).items();
        assertEquals(60, trail.size());
        assertTrue(trail.stream().allMatch(a -> a.action().equals("note.import") && a.requestId().equals("import-1")));
        PartitionCatalogue.Listing catalogue = PartitionCatalogue.read(store);
        assertEquals(1, catalogue.items().size());
        assertEquals(4, catalogue.partitions().size(), catalogue.toString());
    }

    @Test
    void staleWriteIsRefusedAndWritesNeitherChangeNorAudit() {
        TenantStore store = stores.forTenant(TenantId.of("stale"));
        ItemKey key = ItemKey.of(store.keys().pk("NOTE"), "n1");
        store.begin(admin("stale"), "r1").create(key, "Note", new Note("v1", 1)).audit("c", "Note", "n1", null, null).commit();
        store.begin(admin("stale"), "r2").update(key, "Note", new Note("v2", 2), 1).audit("u", "Note", "n1", null, null).commit();

        ApiException e = assertThrows(ApiException.class, () -> store.begin(admin("stale"), "r3")
                .update(key, "Note", new Note("lost update", 0), 1).audit("u", "Note", "n1", null, null).commit());
        assertEquals(409, e.status());
        assertEquals("CONCURRENT_MODIFICATION", e.code());
        assertEquals("v2", store.get(key.pk(), key.sk(), Note.class).orElseThrow().value().title());
        assertEquals(2, store.auditTrail(LocalDate.now(ZoneOffset.UTC), 50, null).items().size(),
                "the refused transaction must not leave an audit record");
    }

    @Test
    void duplicateCreateIsAConflict() {
        TenantStore store = stores.forTenant(TenantId.of("dupe"));
        ItemKey key = ItemKey.of(store.keys().pk("NOTE"), "n1");
        store.begin(admin("dupe"), "r1").create(key, "Note", new Note("a", 1)).commit();
        ApiException e = assertThrows(ApiException.class,
                () -> store.begin(admin("dupe"), "r2").create(key, "Note", new Note("b", 2)).commit());
        assertEquals(409, e.status());
        assertEquals("a", store.get(key.pk(), key.sk(), Note.class).orElseThrow().value().title());
    }

    @Test
    void aStoreRefusesKeysOfAnotherTenantEvenWhenTheyShareAPrefix() {
        TenantStore sip = stores.forTenant(TenantId.of("sip"));
        TenantStore sip2 = stores.forTenant(TenantId.of("sip2"));
        ItemKey foreign = ItemKey.of(sip2.keys().pk("NOTE"), "n1");
        sip2.begin(admin("sip2"), "r").create(foreign, "Note", new Note("secret", 5)).commit();

        assertThrows(IllegalStateException.class, () -> sip.get(foreign.pk(), foreign.sk(), Note.class));
        assertThrows(IllegalStateException.class, () -> sip.query(foreign.pk(), "", Note.class, 10, null));
        assertThrows(IllegalStateException.class,
                () -> sip.begin(admin("sip"), "r").update(foreign, "Note", new Note("overwrite", 0), 1));
        assertFalse(sip.keys().owns("sip2#NOTE"));
        assertTrue(sip.keys().owns("sip#NOTE"));
        assertEquals("secret", sip2.get(foreign.pk(), foreign.sk(), Note.class).orElseThrow().value().title());
    }

    @Test
    void pagingCursorsWorkAndCannotBeReplayedAgainstAnotherTenant() {
        TenantStore a = stores.forTenant(TenantId.of("pager-a"));
        TenantStore b = stores.forTenant(TenantId.of("pager-b"));
        for (int i = 0; i < 5; i++) {
            a.begin(admin("pager-a"), "r").create(ItemKey.of(a.keys().pk("NOTE"), "n" + i), "Note", new Note("a" + i, i)).commit();
            b.begin(admin("pager-b"), "r").create(ItemKey.of(b.keys().pk("NOTE"), "n" + i), "Note", new Note("b" + i, i)).commit();
        }
        List<String> titles = new ArrayList<>();
        String cursor = null;
        do {
            Page<Note> page = a.query(a.keys().pk("NOTE"), "", Note.class, 2, cursor);
            page.items().forEach(n -> titles.add(n.title()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(List.of("a0", "a1", "a2", "a3", "a4"), titles);

        String bCursor = b.query(b.keys().pk("NOTE"), "", Note.class, 2, null).nextCursor();
        assertNotNull(bCursor);
        ApiException e = assertThrows(ApiException.class, () -> a.query(a.keys().pk("NOTE"), "", Note.class, 2, bCursor));
        assertEquals("INVALID_CURSOR", e.code());
        assertEquals(400, e.status());
        ApiException garbage = assertThrows(ApiException.class, () -> a.query(a.keys().pk("NOTE"), "", Note.class, 2, "%%%"));
        assertEquals("INVALID_CURSOR", garbage.code());
    }

    @Test
    void everyPartitionWrittenIsInTheTenantsCatalogueAndEveryKeyStartsWithTheTenant() {
        TenantStore store = stores.forTenant(TenantId.of("catalogued"));
        store.begin(admin("catalogued"), "r")
                .create(ItemKey.of(store.keys().pk("NOTE"), "n1"), "Note", new Note("x", 1))
                .create(ItemKey.of(store.keys().pk("OTHER", "42"), "n1"), "Note", new Note("y", 1))
                .audit("note.create", "Note", "n1", null, null)
                .commit();
        List<PartitionCatalogue.Entry> entries = PartitionCatalogue.read(store).partitions();
        assertEquals(3, entries.size(), entries.toString());
        assertTrue(entries.contains(new PartitionCatalogue.Entry(Tables.DATA, "catalogued#NOTE")));
        assertTrue(entries.contains(new PartitionCatalogue.Entry(Tables.DATA, "catalogued#OTHER#42")));
        assertTrue(entries.stream().anyMatch(e -> e.table() == Tables.AUDIT && e.pk().startsWith("catalogued#AUDIT#")));

        // The raw tables hold no key of any tenant that lacks the "<tenant>#" prefix.
        for (TableDefinition table : Tables.all()) {
            dynamo.client().scan(ScanRequest.builder().tableName(table.tableName()).build()).items()
                    .forEach(item -> assertTrue(item.get("pk").s().matches("[a-z][a-z0-9-]+#.+"), item.toString()));
        }
    }
}
