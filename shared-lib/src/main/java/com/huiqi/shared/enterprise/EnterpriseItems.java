package com.huiqi.shared.enterprise;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.Tables;
import com.huiqi.shared.tenancy.Keys;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an enterprise file and what derives from it are stored, for every writer: the enterprises
 * function, and bulk loads (the demo seed, imports).
 *
 * <ul>
 *   <li>the file: {@code <tenant>#ENT#<code>} / {@code FILE}; superseded values beside it,
 *       {@code HIST#<figure>#<instant>}; its personal figures under the same key in the personal-data table</li>
 *   <li>the matching profile: {@code <tenant>#PROFILES} / {@code <code>}, one partition that matching pages through</li>
 *   <li>the directory (企业名录): for each way staff look enterprises up, one partition
 *       {@code <tenant>#ENTBY#<facet>} whose sort keys start with the looked-up value, so every list
 *       is a Query with {@code begins_with}, never a Scan. Region and industry codes are
 *       hierarchical, so a prefix ("3205", "C39") finds everything below it. Sort keys end in the
 *       credit code. For the name, code, status, region, industry and size these partitions are
 *       global secondary indexes ({@link Tables#DIRECTORY_INDEXES}) keyed on the file item itself,
 *       which also carries the list line ({@link FileItem#directory}): DynamoDB keeps them in step
 *       with the file, and a file costs one item, not seven. A file has several tags, and an item
 *       has one key per index, so the tag list is items of its own, {@code <tenant>#ENTBY#TAG} /
 *       {@code <tag>#<code>}, written in the file's transaction.</li>
 * </ul>
 */
public final class EnterpriseItems {

    public static final String FILE = "EnterpriseFile";
    public static final String PROFILE = "EnterpriseProfile";
    public static final String DIRECTORY_ENTRY = "DirectoryEntry";
    public static final String FILE_SK = "FILE";

    private EnterpriseItems() {
    }

    /** The ways to look an enterprise up, each with its index (none for the tag: its entries are items). */
    public enum Facet {
        NAME("dirname"), CODE("dircode"), REGION("dirregion"), INDUSTRY("dirindustry"), SIZE("dirsize"), TAG(null),
        STATUS("dirstatus");

        /** The global secondary index of the data table that lists files by this facet, or null. */
        public final String index;

        Facet(String index) {
            if (index != null && !Tables.DIRECTORY_INDEXES.contains(index)) {
                throw new IllegalStateException("no such index " + index);
            }
            this.index = index;
        }
    }

    /** One line of a directory list: what a list shows, and no personal data. */
    public record DirectoryEntry(String creditCode, String name, Lifecycle.Status status, String registeredRegion,
                                 String industryCode, String sizeClass) {
    }

    /**
     * A file as the data table stores it: the file (without its personal figures) and its list line,
     * which the directory indexes copy. Readers read it back as an {@link EnterpriseFile}.
     */
    public record FileItem(@JsonUnwrapped EnterpriseFile file, DirectoryEntry directory) {
        public FileItem(EnterpriseFile file) {
            this(file, entryOf(file));
        }
    }

    /** What the directory index entries of a file hold, read back from an index. */
    public record Listed(DirectoryEntry directory) {
    }

    public static ItemKey fileKey(Keys keys, String code) {
        return ItemKey.of(keys.pk("ENT", code), FILE_SK);
    }

    /** The file's key with its key in each directory index it belongs to: the key to write it with. */
    public static ItemKey fileItemKey(Keys keys, EnterpriseFile file) {
        ItemKey key = fileKey(keys, file.creditCode());
        for (Map.Entry<Facet, String> sk : indexedSortKeys(file).entrySet()) {
            key = key.withIndex(sk.getKey().index, facetPartition(keys, sk.getKey()), sk.getValue());
        }
        return key;
    }

    public static ItemKey profileKey(Keys keys, String code) {
        return ItemKey.of(keys.pk("PROFILES"), code);
    }

    public static String facetPartition(Keys keys, Facet facet) {
        return keys.pk("ENTBY", facet.name());
    }

    /** The list line of a file. */
    public static DirectoryEntry entryOf(EnterpriseFile file) {
        return new DirectoryEntry(file.creditCode(), file.name(), file.status(), text(file, "registeredRegion"),
                text(file, "industryCode"), sizeOf(file));
    }

    /** The file's sort key in each directory index it belongs to (a file without a region is in no region list). */
    static Map<Facet, String> indexedSortKeys(EnterpriseFile file) {
        String code = file.creditCode();
        String region = text(file, "registeredRegion");
        String industry = text(file, "industryCode");
        String size = sizeOf(file);
        Map<Facet, String> out = new LinkedHashMap<>();
        out.put(Facet.NAME, file.name() + "#" + code);
        out.put(Facet.CODE, code);
        out.put(Facet.STATUS, file.status().name() + "#" + code);
        if (region != null) {
            out.put(Facet.REGION, region + "#" + code);
        }
        if (industry != null) {
            out.put(Facet.INDUSTRY, industry + "#" + code);
        }
        if (size != null) {
            out.put(Facet.SIZE, size + "#" + code);
        }
        return out;
    }

    /** The tag list's entries of a file, by their keys: the directory items written beside the file. */
    public static Map<ItemKey, DirectoryEntry> tagEntries(Keys keys, EnterpriseFile file) {
        String code = file.creditCode();
        DirectoryEntry entry = entryOf(file);
        Map<ItemKey, DirectoryEntry> out = new LinkedHashMap<>();
        for (Tag tag : file.tags()) {
            // Honours and projects are free text, too many and too varied to list by.
            if (!tag.basis().contains("honours") && !tag.basis().contains("projects")) {
                out.put(entryKey(keys, Facet.TAG, tag.name() + "#" + code), entry);
            }
        }
        return out;
    }

    private static ItemKey entryKey(Keys keys, Facet facet, String sk) {
        return ItemKey.of(facetPartition(keys, facet), sk);
    }

    private static String sizeOf(EnterpriseFile file) {
        return file.size() == null || file.size().sizeClass() == null ? null : file.size().sizeClass().labelZh();
    }

    private static String text(EnterpriseFile file, String key) {
        return file.fact(key).flatMap(FieldState::value).map(v -> v.asText()).orElse(null);
    }
}
