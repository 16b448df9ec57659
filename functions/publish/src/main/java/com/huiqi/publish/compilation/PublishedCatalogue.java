package com.huiqi.publish.compilation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.publish.catalogue.Catalogue;
import com.huiqi.publish.catalogue.CatalogueEntry;
import com.huiqi.publish.catalogue.CatalogueEntry.PublicationStatus;
import com.huiqi.publish.catalogue.CatalogueKind;
import com.huiqi.publish.catalogue.PublishedVersion;
import com.huiqi.publish.model.CatalogueContent;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.TenantStore;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The published side of one tenant's catalogue, read once for one compilation: the heads of each
 * kind through the index, and, the first time content of a kind is asked for, the published
 * versions of every published entry of that kind in batches of 100 (a compilation lists the whole
 * filtered catalogue, so reading them one by one would cost a round trip per entry). Drafts and revisions are never read; an entry that is not PUBLISHED now
 * (never published, expired or revoked) is absent.
 */
final class PublishedCatalogue {

    private final TenantStore store;
    private final Catalogue catalogue;
    private final ObjectMapper mapper;
    private final Map<CatalogueKind, Map<String, CatalogueEntry>> heads = new EnumMap<>(CatalogueKind.class);
    private final Map<CatalogueKind, Map<String, CatalogueContent>> contents = new EnumMap<>(CatalogueKind.class);

    PublishedCatalogue(TenantStore store, Catalogue catalogue, ObjectMapper mapper) {
        this.store = store;
        this.catalogue = catalogue;
        this.mapper = mapper;
    }

    /** The published heads of one kind, by code (the index keeps them in code order). */
    List<CatalogueEntry> heads(CatalogueKind kind) {
        return List.copyOf(headsByCode(kind).values());
    }

    /** The published content of an entry, if it is published now. */
    <T extends CatalogueContent> Optional<T> content(CatalogueKind kind, String code, Class<T> type) {
        return Optional.ofNullable(contents.computeIfAbsent(kind, this::readPublished).get(code)).map(type::cast);
    }

    private Map<String, CatalogueContent> readPublished(CatalogueKind kind) {
        Map<ItemKey, String> codes = new LinkedHashMap<>();
        headsByCode(kind).values().forEach(head -> codes.put(
                Catalogue.versionItemKey(store, kind, head.code(), head.publishedVersion()), head.code()));
        Map<String, CatalogueContent> read = new HashMap<>();
        store.getAll(List.copyOf(codes.keySet()), PublishedVersion.class).forEach((key, version) -> {
            try {
                read.put(codes.get(key), mapper.treeToValue(version.content(), kind.type()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored " + kind.segment() + " " + codes.get(key) + " does not read back", e);
            }
        });
        return read;
    }

    private Map<String, CatalogueEntry> headsByCode(CatalogueKind kind) {
        return heads.computeIfAbsent(kind, k -> catalogue.all(store, k).stream()
                .filter(e -> e.status() == PublicationStatus.PUBLISHED && e.publishedVersion() != null)
                .collect(Collectors.toMap(CatalogueEntry::code, Function.identity(), (a, b) -> a,
                        LinkedHashMap::new)));
    }
}
