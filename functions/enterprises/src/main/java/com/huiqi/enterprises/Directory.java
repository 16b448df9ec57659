package com.huiqi.enterprises;

import com.huiqi.shared.enterprise.EnterpriseFile;
import com.huiqi.shared.enterprise.EnterpriseItems;
import com.huiqi.shared.enterprise.EnterpriseItems.DirectoryEntry;
import com.huiqi.shared.enterprise.EnterpriseItems.Facet;
import com.huiqi.shared.enterprise.Lifecycle;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.rules.IndustryCodes;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.Page;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.storage.Transaction;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The center's enterprise directory (企业名录): answers lists, one index partition per query (see
 * {@link EnterpriseItems}), and keeps the tag list's items in step with a file, written with the file
 * in its transaction and only when they change. The other lists are indexes of the file item, which
 * DynamoDB keeps in step itself.
 */
@Singleton
public class Directory {

    public void update(TenantStore store, Transaction tx, EnterpriseFile before, EnterpriseFile after) {
        Map<ItemKey, DirectoryEntry> old = before == null ? Map.of() : EnterpriseItems.tagEntries(store.keys(), before);
        Map<ItemKey, DirectoryEntry> now = EnterpriseItems.tagEntries(store.keys(), after);
        old.keySet().stream().filter(k -> !now.containsKey(k)).forEach(tx::deleteDerived);
        now.forEach((key, entry) -> {
            if (!Objects.equals(old.get(key), entry)) {
                tx.putDerived(key, EnterpriseItems.DIRECTORY_ENTRY, entry);
            }
        });
    }

    /** How many writes {@link #update} adds for this change: for packing several files' changes into one transaction. */
    public int writes(TenantStore store, EnterpriseFile before, EnterpriseFile after) {
        Map<ItemKey, DirectoryEntry> old = before == null ? Map.of() : EnterpriseItems.tagEntries(store.keys(), before);
        Map<ItemKey, DirectoryEntry> now = EnterpriseItems.tagEntries(store.keys(), after);
        int writes = 0;
        for (ItemKey key : old.keySet()) {
            writes += now.containsKey(key) ? 0 : 1;
        }
        for (var entry : now.entrySet()) {
            writes += Objects.equals(old.get(entry.getKey()), entry.getValue()) ? 0 : 1;
        }
        return writes;
    }

    /**
     * A page of entries whose {@code facet} value starts with {@code prefix} (all of them for NAME
     * without one). An index answers what was written a moment ago only eventually in DynamoDB (in
     * DynamoDB Local at once): a file just created may take a moment to show in a list.
     */
    public Page<DirectoryEntry> find(TenantStore store, Facet facet, String prefix, int limit, String cursor) {
        String partition = EnterpriseItems.facetPartition(store.keys(), facet);
        if (facet.index == null) {
            return store.query(partition, prefix, DirectoryEntry.class, limit, cursor);
        }
        Page<EnterpriseItems.Listed> page = store.queryIndex(facet.index, partition, prefix, EnterpriseItems.Listed.class,
                limit, cursor);
        return new Page<>(page.items().stream().map(EnterpriseItems.Listed::directory).toList(), page.nextCursor());
    }

    /** The prefix to look up for a filter value, checked and in canonical form. */
    static String prefixFor(Facet facet, String value) {
        return switch (facet) {
            case NAME -> value.strip();
            case CODE -> {
                if (!value.matches("[0-9A-HJ-NPQRTUWXY]{1,18}")) {
                    throw ApiException.badRequest("INVALID_FILTER", "code 须为统一社会信用代码或其前几位",
                            "code must be a credit code or its first characters", "code");
                }
                yield value;
            }
            case REGION -> {
                if (!value.matches("\\d{2,6}")) {
                    throw ApiException.badRequest("INVALID_FILTER", "region 须为行政区划代码或其前几位（2至6位数字）",
                            "region must be an administrative division code or its first 2 to 6 digits", "region");
                }
                yield value;
            }
            case INDUSTRY -> {
                IndustryCodes.Code code = IndustryCodes.parse(value);
                if (code == null) {
                    throw ApiException.badRequest("INVALID_FILTER", "industry 须为 GB/T 4754-2017 门类或代码，如 C 或 C39",
                            "industry must be a GB/T 4754-2017 section or code such as C or C39", "industry");
                }
                yield IndustryCodes.canonical(code);
            }
            case SIZE -> {
                if (!List.of("大型", "中型", "小型", "微型").contains(value)) {
                    throw ApiException.badRequest("INVALID_FILTER", "size 须为 大型、中型、小型 或 微型",
                            "size must be 大型, 中型, 小型 or 微型", "size");
                }
                yield value + "#";
            }
            case TAG -> value.strip() + "#";
            case STATUS -> {
                try {
                    yield Lifecycle.Status.valueOf(value).name() + "#";
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("INVALID_FILTER", "status 须为 ACTIVE、MOVED_OUT 或 DEREGISTERED",
                            "status must be ACTIVE, MOVED_OUT or DEREGISTERED", "status");
                }
            }
        };
    }
}
