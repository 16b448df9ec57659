package com.huiqi.publish.compilation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.publish.catalogue.Catalogue;
import com.huiqi.publish.catalogue.CatalogueEntry;
import com.huiqi.publish.catalogue.CatalogueEntry.PublicationStatus;
import com.huiqi.publish.catalogue.CatalogueKind;
import com.huiqi.publish.model.CatalogueContent;
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
 * kind through the index, and the published version of an entry at most once however many
 * products refer to it. Drafts and revisions are never read; an entry that is not PUBLISHED now
 * (never published, expired or revoked) is absent.
 */
final class PublishedCatalogue {

    private final TenantStore store;
    private final Catalogue catalogue;
    private final ObjectMapper mapper;
    private final Map<CatalogueKind, Map<String, CatalogueEntry>> heads = new EnumMap<>(CatalogueKind.class);
    private final Map<String, Optional<CatalogueContent>> contents = new HashMap<>();

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
        return contents.computeIfAbsent(kind.segment() + "/" + code, key -> {
            CatalogueEntry head = headsByCode(kind).get(code);
            if (head == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(mapper.treeToValue(
                        catalogue.version(store, kind, code, head.publishedVersion()).content(), kind.type()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored " + kind.segment() + " " + code + " does not read back", e);
            }
        }).map(type::cast);
    }

    private Map<String, CatalogueEntry> headsByCode(CatalogueKind kind) {
        return heads.computeIfAbsent(kind, k -> catalogue.all(store, k).stream()
                .filter(e -> e.status() == PublicationStatus.PUBLISHED && e.publishedVersion() != null)
                .collect(Collectors.toMap(CatalogueEntry::code, Function.identity(), (a, b) -> a,
                        LinkedHashMap::new)));
    }
}
