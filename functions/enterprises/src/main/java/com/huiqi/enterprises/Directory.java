package com.huiqi.enterprises;

import com.huiqi.shared.enterprise.EnterpriseFile;
import com.huiqi.shared.enterprise.Lifecycle;
import com.huiqi.shared.enterprise.Tag;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.rules.IndustryCodes;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.Page;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.storage.Transaction;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The center's enterprise directory (企业名录) as query-only indexes: for each way staff look
 * enterprises up (by name, code, region, industry, size class, tag, status) one partition
 * {@code <tenant>#ENTBY#<facet>} whose sort keys start with the looked-up value, so every list is a
 * Query with {@code begins_with}, never a Scan. Region and industry codes are hierarchical, so a
 * prefix ("3205", "C39") finds everything below it.
 *
 * <p>Entries carry what a list shows and no personal data; they are written with the file in its
 * transaction, and only when they change. Sort keys other than the name's end in the credit code, so
 * a renamed enterprise rewrites those entries in place instead of moving them.
 */
@Singleton
public class Directory {

    static final String ENTRY = "DirectoryEntry";

    /** The ways to look an enterprise up. */
    public enum Facet {
        NAME, CODE, REGION, INDUSTRY, SIZE, TAG, STATUS
    }

    /** One line of a list. */
    public record Entry(String creditCode, String name, Lifecycle.Status status, String registeredRegion,
                        String industryCode, String sizeClass) {
    }

    public void update(TenantStore store, Transaction tx, EnterpriseFile before, EnterpriseFile after) {
        Map<ItemKey, Entry> old = before == null ? Map.of() : entries(store, before);
        Map<ItemKey, Entry> now = entries(store, after);
        old.keySet().stream().filter(k -> !now.containsKey(k)).forEach(tx::deleteDerived);
        now.forEach((key, entry) -> {
            if (!Objects.equals(old.get(key), entry)) {
                tx.putDerived(key, ENTRY, entry);
            }
        });
    }

    /** A page of entries whose {@code facet} value starts with {@code prefix} (all of them for NAME without one). */
    public Page<Entry> find(TenantStore store, Facet facet, String prefix, int limit, String cursor) {
        return store.query(store.keys().pk("ENTBY", facet.name()), prefix, Entry.class, limit, cursor);
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

    private static Map<ItemKey, Entry> entries(TenantStore store, EnterpriseFile file) {
        String code = file.creditCode();
        String region = text(file, "registeredRegion");
        String industry = text(file, "industryCode");
        String size = file.size() == null || file.size().sizeClass() == null ? null : file.size().sizeClass().labelZh();
        Entry entry = new Entry(code, file.name(), file.status(), region, industry, size);
        Map<ItemKey, Entry> out = new LinkedHashMap<>();
        out.put(key(store, Facet.NAME, file.name() + "#" + code), entry);
        out.put(key(store, Facet.CODE, code), entry);
        out.put(key(store, Facet.STATUS, file.status().name() + "#" + code), entry);
        if (region != null) {
            out.put(key(store, Facet.REGION, region + "#" + code), entry);
        }
        if (industry != null) {
            out.put(key(store, Facet.INDUSTRY, industry + "#" + code), entry);
        }
        if (size != null) {
            out.put(key(store, Facet.SIZE, size + "#" + code), entry);
        }
        for (Tag tag : file.tags()) {
            // Honours and projects are free text, too many and too varied to list by.
            if (!tag.basis().contains("honours") && !tag.basis().contains("projects")) {
                out.put(key(store, Facet.TAG, tag.name() + "#" + code), entry);
            }
        }
        return out;
    }

    private static ItemKey key(TenantStore store, Facet facet, String sk) {
        return ItemKey.of(store.keys().pk("ENTBY", facet.name()), sk);
    }

    private static String text(EnterpriseFile file, String key) {
        return file.fact(key).flatMap(s -> s.value()).map(v -> v.asText()).orElse(null);
    }
}
