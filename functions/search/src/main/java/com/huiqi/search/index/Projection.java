package com.huiqi.search.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.search.catalogue.PublishedEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a tenant's published catalogue into search documents. Entries refer to each other by code
 * (product → items and documents, item → variety, variety → documents, notice → item,
 * interpretation → document); each searchable entry inherits the facets of what it refers to and
 * is inherited from in turn (a product's domain and theme reach its items, documents and their
 * notices and interpretations), so that a filter by level, region, support method or domain finds
 * every kind.
 */
public final class Projection {

    /** The kinds the policy supermarket lists (varieties only lend their business type). */
    public static final List<String> SEARCHABLE = List.of("documents", "items", "products", "notices", "interpretations");

    private final Map<String, PublishedEntry> byKey = new HashMap<>();
    /** code of an item → the notices published for it */
    private final Map<String, List<PublishedEntry>> noticesByItem = new HashMap<>();
    /** key of an entry → products that refer to it directly or through their items */
    private final Map<String, List<PublishedEntry>> productsOf = new HashMap<>();

    public Projection(Collection<PublishedEntry> entries) {
        for (PublishedEntry e : entries) {
            byKey.put(SearchDocument.key(e.kind(), e.code()), e);
        }
        for (PublishedEntry e : entries) {
            if (e.kind().equals("notices")) {
                noticesByItem.computeIfAbsent(e.text("itemCode"), c -> new ArrayList<>()).add(e);
            }
        }
        for (PublishedEntry product : entries) {
            if (!product.kind().equals("products")) {
                continue;
            }
            for (PublishedEntry related : productRelated(product)) {
                productsOf.computeIfAbsent(SearchDocument.key(related.kind(), related.code()), k -> new ArrayList<>())
                        .add(product);
            }
        }
    }

    /** Every searchable document of the catalogue. */
    public List<SearchDocument> all() {
        List<SearchDocument> docs = new ArrayList<>();
        for (PublishedEntry e : byKey.values()) {
            if (SEARCHABLE.contains(e.kind())) {
                docs.add(project(e));
            }
        }
        return docs;
    }

    public SearchDocument project(PublishedEntry e) {
        Facets f = new Facets();
        StringBuilder body = new StringBuilder();
        JsonNode c = e.content();
        String title;
        LocalDate issuedOn = null;
        Window window = null;
        switch (e.kind()) {
            case "documents" -> {
                title = e.text("name");
                document(e, f, body);
                issuedOn = date(e.text("issuedOn"));
            }
            case "items" -> {
                title = e.text("name");
                item(e, f, body);
                window = latestWindow(noticesByItem.getOrDefault(e.code(), List.of()));
            }
            case "products" -> {
                title = e.text("name");
                append(body, e.text("description"), e.text("domain"), e.text("theme"), e.text("department"));
                f.domains.add(e.text("domain"));
                f.themes.add(e.text("theme"));
                List<PublishedEntry> items = new ArrayList<>();
                for (PublishedEntry related : productRelated(e)) {
                    append(body, related.text("name"));
                    switch (related.kind()) {
                        case "items" -> {
                            items.add(related);
                            item(related, f, new StringBuilder());
                        }
                        case "documents" -> {
                            document(related, f, new StringBuilder());
                            issuedOn = latest(issuedOn, date(related.text("issuedOn")));
                        }
                        default -> { /* varieties lend their type through item() */ }
                    }
                }
                if (f.regions.isEmpty()) {
                    f.regions.add(e.text("region"));
                }
                List<PublishedEntry> notices = new ArrayList<>();
                items.forEach(i -> notices.addAll(noticesByItem.getOrDefault(i.code(), List.of())));
                window = latestWindow(notices);
            }
            case "notices" -> {
                title = e.text("title");
                append(body, e.text("conditionsSummary"), e.text("method"));
                for (JsonNode m : c.path("materials")) {
                    append(body, m.path("name").asText(null));
                }
                PublishedEntry item = get("items", e.text("itemCode"));
                if (item != null) {
                    append(body, item.text("name"));
                    item(item, f, new StringBuilder());
                }
                window = new Window(instant(e.text("opensAt")), instant(e.text("closesAt")));
            }
            case "interpretations" -> {
                title = e.text("title");
                append(body, e.text("body"), e.text("interpretingUnit"));
                PublishedEntry doc = get("documents", e.text("documentCode"));
                if (doc != null) {
                    append(body, doc.text("name"));
                    document(doc, f, new StringBuilder());
                    issuedOn = date(doc.text("issuedOn"));
                }
            }
            default -> throw new IllegalArgumentException("not a searchable kind: " + e.kind());
        }
        for (PublishedEntry product : productsOf.getOrDefault(SearchDocument.key(e.kind(), e.code()), List.of())) {
            f.domains.add(product.text("domain"));
            f.themes.add(product.text("theme"));
        }
        return new SearchDocument(e.kind(), e.code(), title, body.toString().strip(), list(f.levels), list(f.regions),
                list(f.domains), list(f.themes), list(f.supportMethods), list(f.industries), list(f.businessTypes),
                e.status(), issuedOn, window == null ? null : window.opensAt(), window == null ? null : window.closesAt());
    }

    /** What a product refers to: its items, their varieties, its documents and the varieties' documents. */
    private List<PublishedEntry> productRelated(PublishedEntry product) {
        Set<PublishedEntry> related = new LinkedHashSet<>();
        for (JsonNode code : product.content().path("itemCodes")) {
            PublishedEntry item = get("items", code.asText());
            if (item != null) {
                related.add(item);
                PublishedEntry variety = get("varieties", item.text("varietyCode"));
                if (variety != null) {
                    related.add(variety);
                    variety.content().path("documentCodes").forEach(d -> addIfPresent(related, "documents", d.asText()));
                }
            }
        }
        product.content().path("documentCodes").forEach(d -> addIfPresent(related, "documents", d.asText()));
        return new ArrayList<>(related);
    }

    private void document(PublishedEntry d, Facets f, StringBuilder body) {
        append(body, d.text("title"), d.text("documentNumber"), d.text("type"), d.text("category"),
                d.text("competentDepartment"), d.text("fullText"));
        d.content().path("issuingUnits").forEach(u -> append(body, u.asText()));
        f.levels.add(d.text("level"));
        d.content().path("applicableRegions").forEach(r -> f.regions.add(r.asText()));
        f.domains.add(d.text("category"));
        d.content().path("supportMethods").forEach(m -> f.supportMethods.add(m.asText()));
        d.content().path("supportedIndustries").forEach(i -> f.industries.add(i.asText()));
    }

    private void item(PublishedEntry i, Facets f, StringBuilder body) {
        append(body, i.text("fullName"), i.text("department"));
        for (JsonNode condition : i.content().path("conditions")) {
            append(body, condition.path("text").asText(null));
        }
        f.levels.add(i.text("level"));
        i.content().path("applicableRegions").forEach(r -> f.regions.add(r.asText()));
        PublishedEntry variety = get("varieties", i.text("varietyCode"));
        if (variety != null) {
            append(body, variety.text("name"));
            f.businessTypes.add(variety.text("type"));
            for (JsonNode docCode : variety.content().path("documentCodes")) {
                PublishedEntry doc = get("documents", docCode.asText());
                if (doc != null) {
                    f.supportMethods.addAll(texts(doc.content().path("supportMethods")));
                    f.industries.addAll(texts(doc.content().path("supportedIndustries")));
                }
            }
        }
    }

    private record Window(Instant opensAt, Instant closesAt) {
    }

    /** The window of the notice that opens last: the current or coming round of applications. */
    private static Window latestWindow(List<PublishedEntry> notices) {
        Window latest = null;
        for (PublishedEntry n : notices) {
            Window w = new Window(instant(n.text("opensAt")), instant(n.text("closesAt")));
            if (w.opensAt() != null && w.closesAt() != null && (latest == null || w.opensAt().isAfter(latest.opensAt()))) {
                latest = w;
            }
        }
        return latest;
    }

    private PublishedEntry get(String kind, String code) {
        return code == null ? null : byKey.get(SearchDocument.key(kind, code));
    }

    private void addIfPresent(Set<PublishedEntry> into, String kind, String code) {
        PublishedEntry e = get(kind, code);
        if (e != null) {
            into.add(e);
        }
    }

    /** Facet values gathered in first-seen order, without repeats. */
    private static final class Facets {
        final Set<String> levels = new LinkedHashSet<>();
        final Set<String> regions = new LinkedHashSet<>();
        final Set<String> domains = new LinkedHashSet<>();
        final Set<String> themes = new LinkedHashSet<>();
        final Set<String> supportMethods = new LinkedHashSet<>();
        final Set<String> industries = new LinkedHashSet<>();
        final Set<String> businessTypes = new LinkedHashSet<>();
    }

    private static List<String> list(Set<String> values) {
        return values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static void append(StringBuilder body, String... parts) {
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                body.append(p).append('\n');
            }
        }
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
