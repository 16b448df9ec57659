package com.huiqi.publish.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.publish.catalogue.CatalogueEntry.PublicationStatus;
import com.huiqi.publish.model.ApplicationNotice;
import com.huiqi.publish.model.BusinessItem;
import com.huiqi.publish.model.BusinessVariety;
import com.huiqi.publish.model.CatalogueContent;
import com.huiqi.publish.model.Interpretation;
import com.huiqi.publish.model.PolicyProduct;
import com.huiqi.publish.media.MediaLibrary;
import com.huiqi.shared.config.PlatformBeans;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.json.JsonInput;
import com.huiqi.shared.storage.TenantStore;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the content of a catalogue entry: its fields (each record's {@code normalized()}), its
 * rules, that a diagram's images were uploaded to this tenant, and that the entries it refers to
 * exist in the same tenant — and, when it is published,
 * that they are published too, so an enterprise never follows a link to something it cannot see.
 */
@Singleton
public class ContentChecks {

    private final ObjectMapper mapper;
    private final RuleCheck rules;
    private final MediaLibrary media;

    public ContentChecks(@Named(PlatformBeans.MAPPER) ObjectMapper mapper, RuleCheck rules, MediaLibrary media) {
        this.mapper = mapper;
        this.rules = rules;
        this.media = media;
    }

    /** A reference from one entry to another, with the field that makes it. */
    public record Reference(String field, CatalogueKind kind, String code) {
    }

    CatalogueContent normalize(TenantStore store, CatalogueKind kind, JsonNode content) {
        CatalogueContent checked = normalizeFields(kind, content);
        for (Reference ref : references(checked)) {
            if (!exists(store, ref)) {
                throw ApiException.validation("content." + ref.field(), "引用的" + ref.kind().nameZh() + "不存在：" + ref.code(),
                        "No " + ref.kind().segment() + " entry " + ref.code());
            }
        }
        if (checked instanceof Interpretation i) {
            for (int n = 0; n < i.attachments().size(); n++) {
                Interpretation.Attachment a = i.attachments().get(n);
                media.requireUploaded(store, "content.attachments[" + n + "]", a.objectKey(), a.mediaType());
            }
        }
        return checked;
    }

    /**
     * The content's own checks (every field, and rules in canonical form), without looking at the
     * entries it refers to; a failure names the field under {@code content}.
     */
    public CatalogueContent normalizeFields(CatalogueKind kind, JsonNode content) {
        CatalogueContent parsed = JsonInput.convert(mapper, content, kind.type(), "content");
        try {
            return parsed instanceof BusinessItem item ? item.normalized(rules::check) : parsed.normalized();
        } catch (ApiException e) {
            throw new ApiException(e.status(), e.code(), e.messageZh(), e.messageEn(),
                    e.field() == null ? "content" : "content." + e.field());
        }
    }

    /**
     * Refuses to publish content that refers to an entry which is not published, except the
     * references {@code publishedAlongside} accepts (entries of the same bulk import, published
     * before it in the same approval).
     */
    public void requirePublishedReferences(TenantStore store, CatalogueKind kind, CatalogueContent content,
                                           java.util.function.Predicate<Reference> publishedAlongside) {
        for (Reference ref : references(content)) {
            if (publishedAlongside.test(ref)) {
                continue;
            }
            Optional<CatalogueEntry> target = head(store, ref);
            if (target.isEmpty() || target.get().status() != PublicationStatus.PUBLISHED) {
                throw ApiException.conflict("REFERENCE_NOT_PUBLISHED",
                        "引用的" + ref.kind().nameZh() + "“" + ref.code() + "”尚未发布，请先发布",
                        "The referenced " + ref.kind().segment() + " entry " + ref.code() + " is not published yet");
            }
        }
    }

    public static List<Reference> references(CatalogueContent content) {
        List<Reference> refs = new ArrayList<>();
        if (content instanceof BusinessVariety v) {
            for (int i = 0; i < v.documentCodes().size(); i++) {
                refs.add(new Reference("documentCodes[" + i + "]", CatalogueKind.DOCUMENTS, v.documentCodes().get(i)));
            }
        } else if (content instanceof BusinessItem item) {
            refs.add(new Reference("varietyCode", CatalogueKind.VARIETIES, item.varietyCode()));
        } else if (content instanceof PolicyProduct p) {
            for (int i = 0; i < p.itemCodes().size(); i++) {
                refs.add(new Reference("itemCodes[" + i + "]", CatalogueKind.ITEMS, p.itemCodes().get(i)));
            }
            for (int i = 0; i < p.documentCodes().size(); i++) {
                refs.add(new Reference("documentCodes[" + i + "]", CatalogueKind.DOCUMENTS, p.documentCodes().get(i)));
            }
        } else if (content instanceof ApplicationNotice n) {
            refs.add(new Reference("itemCode", CatalogueKind.ITEMS, n.itemCode()));
        } else if (content instanceof Interpretation i) {
            refs.add(new Reference("documentCode", CatalogueKind.DOCUMENTS, i.documentCode()));
        }
        return refs;
    }

    private boolean exists(TenantStore store, Reference ref) {
        return head(store, ref).isPresent();
    }

    private Optional<CatalogueEntry> head(TenantStore store, Reference ref) {
        return store.get(Catalogue.pk(store, ref.kind(), ref.code()), "HEAD", CatalogueEntry.class)
                .map(s -> s.value());
    }
}
