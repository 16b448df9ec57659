package com.huiqi.shared.enterprise;

import com.huiqi.shared.storage.ItemKey;
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
 *       hierarchical, so a prefix ("3205", "C39") finds everything below it. Sort keys other than
 *       the name's end in the credit code, so a renamed enterprise rewrites those entries in place.</li>
 * </ul>
 */
public final class EnterpriseItems {

    public static final String FILE = "EnterpriseFile";
    public static final String PROFILE = "EnterpriseProfile";
    public static final String DIRECTORY_ENTRY = "DirectoryEntry";
    public static final String FILE_SK = "FILE";

    private EnterpriseItems() {
    }

    /** The ways to look an enterprise up. */
    public enum Facet {
        NAME, CODE, REGION, INDUSTRY, SIZE, TAG, STATUS
    }

    /** One line of a directory list: what a list shows, and no personal data. */
    public record DirectoryEntry(String creditCode, String name, Lifecycle.Status status, String registeredRegion,
                                 String industryCode, String sizeClass) {
    }

    public static ItemKey fileKey(Keys keys, String code) {
        return ItemKey.of(keys.pk("ENT", code), FILE_SK);
    }

    public static ItemKey profileKey(Keys keys, String code) {
        return ItemKey.of(keys.pk("PROFILES"), code);
    }

    public static String facetPartition(Keys keys, Facet facet) {
        return keys.pk("ENTBY", facet.name());
    }

    /** The directory entries of a file, by their keys. */
    public static Map<ItemKey, DirectoryEntry> directoryEntries(Keys keys, EnterpriseFile file) {
        String code = file.creditCode();
        String region = text(file, "registeredRegion");
        String industry = text(file, "industryCode");
        String size = file.size() == null || file.size().sizeClass() == null ? null : file.size().sizeClass().labelZh();
        DirectoryEntry entry = new DirectoryEntry(code, file.name(), file.status(), region, industry, size);
        Map<ItemKey, DirectoryEntry> out = new LinkedHashMap<>();
        out.put(entryKey(keys, Facet.NAME, file.name() + "#" + code), entry);
        out.put(entryKey(keys, Facet.CODE, code), entry);
        out.put(entryKey(keys, Facet.STATUS, file.status().name() + "#" + code), entry);
        if (region != null) {
            out.put(entryKey(keys, Facet.REGION, region + "#" + code), entry);
        }
        if (industry != null) {
            out.put(entryKey(keys, Facet.INDUSTRY, industry + "#" + code), entry);
        }
        if (size != null) {
            out.put(entryKey(keys, Facet.SIZE, size + "#" + code), entry);
        }
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

    private static String text(EnterpriseFile file, String key) {
        return file.fact(key).flatMap(FieldState::value).map(v -> v.asText()).orElse(null);
    }
}
