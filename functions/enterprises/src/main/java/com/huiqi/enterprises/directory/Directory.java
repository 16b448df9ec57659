package com.huiqi.enterprises.directory;

import com.huiqi.shared.enterprise.EnterpriseItems.DirectoryEntry;
import com.huiqi.shared.storage.Page;
import com.huiqi.shared.storage.TenantStore;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The center's enterprise directory (企业名录) as staff query it: every list is a query of the
 * tenant's directory index, never a scan of the table. The index follows the files a moment after
 * they are written (the table's stream feeds {@code EnterpriseDirectoryIndexerFunction}, typically
 * within a few seconds), so a file just created may take that moment to show in a list, while
 * {@code GET /enterprises/{creditCode}} sees it at once.
 */
@Singleton
public class Directory {

    private final DirectoryIndexes indexes;

    public Directory(DirectoryIndexes indexes) {
        this.indexes = indexes;
    }

    public Page<DirectoryEntry> find(TenantStore store, DirectoryQuery query, int limit, String cursor) {
        return indexes.of(store)
                .map(index -> index.find(query, store.keys().tenant().value(), limit, cursor))
                .orElseGet(() -> new Page<>(List.of(), null));
    }
}
