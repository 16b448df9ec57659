package com.huiqi.search.index;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One searchable catalogue entry as the index holds it: its own published text plus what it
 * inherits from the entries it refers to (a product takes the level, regions and support methods
 * of its items and documents; a notice those of its item), so that every filter applies to every
 * kind.
 *
 * @param title         the entry's name or title
 * @param body          the searchable text: the entry's own text and the names of related entries
 * @param regions       applicable regions (GB/T 2260 codes)
 * @param businessTypes 业务类型 of the business varieties it belongs to
 * @param status        PUBLISHED or EXPIRED (revoked and unpublished entries are never indexed)
 * @param issuedOn      issue date of the policy document behind it, if any
 * @param opensAt       the application window (from a notice), if any
 */
public record SearchDocument(
        String kind,
        String code,
        String title,
        String body,
        List<String> levels,
        List<String> regions,
        List<String> domains,
        List<String> themes,
        List<String> supportMethods,
        List<String> industries,
        List<String> businessTypes,
        String status,
        LocalDate issuedOn,
        Instant opensAt,
        Instant closesAt) {

    public SearchDocument {
        levels = List.copyOf(levels);
        regions = List.copyOf(regions);
        domains = List.copyOf(domains);
        themes = List.copyOf(themes);
        supportMethods = List.copyOf(supportMethods);
        industries = List.copyOf(industries);
        businessTypes = List.copyOf(businessTypes);
    }

    /** The key of the entry in its tenant's index: kind and code. */
    public String key() {
        return key(kind, code);
    }

    public static String key(String kind, String code) {
        return kind + "/" + code;
    }
}
