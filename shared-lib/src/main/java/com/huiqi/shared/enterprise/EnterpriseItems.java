package com.huiqi.shared.enterprise;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.tenancy.Keys;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Where an enterprise file and what derives from it are stored, for every writer: the enterprises
 * function, and bulk loads (the demo seed, imports).
 *
 * <ul>
 *   <li>the file: {@code <tenant>#ENT#<code>} / {@code FILE}; superseded values beside it,
 *       {@code HIST#<figure>#<instant>}; its personal figures under the same key in the personal-data table</li>
 *   <li>the matching profile: an attribute of the file item ({@link FileItem#profile}), computed with
 *       every write of the file, so it costs no item of its own; the table's stream carries it with
 *       the file to the indexers</li>
 *   <li>the directory (企业名录): no items of its own. The file item carries its list line and the
 *       tags it is listed by ({@link FileItem}), and the table's stream feeds them to the center's
 *       directory index (the enterprises function's {@code directory} package), which answers every
 *       list: by words of the name, code, region, industry, size, tag and status together.</li>
 * </ul>
 */
public final class EnterpriseItems {

    public static final String FILE = "EnterpriseFile";
    public static final String FILE_SK = "FILE";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private EnterpriseItems() {
    }

    /** One line of a directory list: what a list shows, and no personal data. */
    public record DirectoryEntry(String creditCode, String name, Lifecycle.Status status, String registeredRegion,
                                 String industryCode, String sizeClass) {
    }

    /**
     * A file as the data table stores it: the file (without its personal figures); what the directory
     * indexer reads from the stream (its list line, the tags it is listed by, and when its portrait is
     * next due to be recomputed though no figure changes, see {@link Portrait#nextChange}); and its
     * matching profile. Readers read it back as an {@link EnterpriseFile}, or read only its profile.
     */
    public record FileItem(@JsonUnwrapped EnterpriseFile file, DirectoryEntry directory, List<String> listedTags,
                           Instant portraitDue, EnterpriseProfile profile) {

        /** The attributes the directory indexer reads. */
        public static final String DIRECTORY = "directory";
        public static final String LISTED_TAGS = "listedTags";
        public static final String PORTRAIT_DUE = "portraitDue";

        /**
         * The item of {@code file} (without its personal figures), with the profile computed from the
         * whole file.
         */
        public FileItem(EnterpriseFile file, EnterpriseProfile profile) {
            this(file, entryOf(file), EnterpriseItems.listedTags(file), EnterpriseItems.portraitDue(file), profile);
        }
    }

    /** The profile attribute of a file item, read without the file. */
    public record ProfileOnly(EnterpriseProfile profile) {
    }

    public static ItemKey fileKey(Keys keys, String code) {
        return ItemKey.of(keys.pk("ENT", code), FILE_SK);
    }

    /** The list line of a file. */
    public static DirectoryEntry entryOf(EnterpriseFile file) {
        return new DirectoryEntry(file.creditCode(), file.name(), file.status(), text(file, "registeredRegion"),
                text(file, "industryCode"), sizeOf(file));
    }

    /**
     * When the file's portrait is next due to be recomputed though no figure changes, or null: its
     * portrait was derived when the file was last updated, on China's calendar.
     */
    public static Instant portraitDue(EnterpriseFile file) {
        return Portrait.nextChange(file.facts(), file.recentActivities(), LocalDate.ofInstant(file.updatedAt(), CHINA),
                file.updatedAt(), CHINA);
    }

    /** The tags a file is listed by: honours and projects are free text, too many and too varied to list by. */
    public static List<String> listedTags(EnterpriseFile file) {
        return file.tags().stream()
                .filter(tag -> !tag.basis().contains("honours") && !tag.basis().contains("projects"))
                .map(Tag::name)
                .distinct()
                .toList();
    }

    private static String sizeOf(EnterpriseFile file) {
        return file.size() == null || file.size().sizeClass() == null ? null : file.size().sizeClass().labelZh();
    }

    private static String text(EnterpriseFile file, String key) {
        return file.fact(key).flatMap(FieldState::value).map(v -> v.asText()).orElse(null);
    }
}
