package com.huiqi.publish.compilation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.publish.catalogue.Catalogue;
import com.huiqi.publish.catalogue.CatalogueEntry;
import com.huiqi.publish.catalogue.CatalogueKind;
import com.huiqi.publish.links.EntryLinks;
import com.huiqi.publish.model.ApplicationNotice;
import com.huiqi.publish.model.BusinessItem;
import com.huiqi.publish.model.BusinessVariety;
import com.huiqi.publish.model.PolicyDocument;
import com.huiqi.publish.model.PolicyProduct;
import com.huiqi.shared.config.PlatformBeans;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.tenancy.TenantId;
import com.huiqi.shared.tenancy.TenantRecord;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Generates policy compilations (政策汇编) from the tenant's published catalogue: selects the
 * products and items by the filter, gathers their open calls for applications and source
 * documents, and renders the result as a spreadsheet or a printable page.
 */
@Singleton
public class Compilations {

    /**
     * More products than this would be a compilation nobody prints, and its page (with a QR code
     * per product and notice) would near Lambda's 6 MB response limit: the caller narrows the filter.
     */
    static final int MAX_PRODUCTS = 200;
    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final Catalogue catalogue;
    private final ObjectMapper mapper;
    private final EntryLinks links;
    private final Clock clock;

    public Compilations(Catalogue catalogue, @Named(PlatformBeans.MAPPER) ObjectMapper mapper, EntryLinks links) {
        this.catalogue = catalogue;
        this.mapper = mapper;
        this.links = links;
        this.clock = Clock.systemUTC();
    }

    /** A rendered compilation and the file name it is offered under. */
    public record Rendered(CompilationFormat format, String contentDisposition, byte[] bytes) {
    }

    /** @param center the caller's center, whose name heads the compilation and whose zone dates it */
    public Rendered generate(TenantStore store, TenantRecord center, CompilationRequest request) {
        TenantId tenant = store.keys().tenant();
        Compilation compilation = compile(store, center, request);
        byte[] bytes = switch (request.format()) {
            case XLSX -> new XlsxCompilation(compilation).render();
            case HTML -> new HtmlCompilation(compilation, links).render();
        };
        String file = "compilation-" + tenant.value() + "-" + compilation.generatedAt().atZone(compilation.zone())
                .format(FILE_DATE) + "." + request.format().value();
        return new Rendered(request.format(), request.format().disposition() + "; filename=\"" + file + "\"; filename*=UTF-8''"
                + rfc5987(compilation.title() + "." + request.format().value()), bytes);
    }

    Compilation compile(TenantStore store, TenantRecord center, CompilationRequest request) {
        Instant now = clock.instant();
        TenantId tenant = store.keys().tenant();
        CompilationFilter filter = request.filter();
        PublishedCatalogue published = new PublishedCatalogue(store, catalogue, mapper);
        Map<String, List<CatalogueEntry>> openNotices = published.heads(CatalogueKind.NOTICES).stream()
                .filter(n -> n.window() != null && n.window().closesAt().isAfter(now))
                .sorted(Comparator.comparing((CatalogueEntry n) -> n.window().closesAt()).thenComparing(CatalogueEntry::code))
                .collect(Collectors.groupingBy(n -> n.window().itemCode()));

        List<Compilation.Product> products = new ArrayList<>();
        for (CatalogueEntry head : published.heads(CatalogueKind.PRODUCTS)) {
            PolicyProduct product = published.content(CatalogueKind.PRODUCTS, head.code(), PolicyProduct.class).orElseThrow();
            if (!filter.matches(product)) {
                continue;
            }
            List<Compilation.Item> items = new ArrayList<>();
            for (String itemCode : product.itemCodes()) {
                BusinessItem item = published.content(CatalogueKind.ITEMS, itemCode, BusinessItem.class).orElse(null);
                if (item == null) {
                    continue; // revoked since the product was published
                }
                BusinessVariety variety = published.content(CatalogueKind.VARIETIES, item.varietyCode(),
                        BusinessVariety.class).orElse(null);
                if (filter.matches(item, variety)) {
                    items.add(new Compilation.Item(itemCode, item, variety,
                            notices(published, tenant, openNotices.getOrDefault(itemCode, List.of()), now)));
                }
            }
            if (items.isEmpty()) {
                continue;
            }
            if (products.size() == MAX_PRODUCTS) {
                throw new ApiException(422, "COMPILATION_TOO_LARGE",
                        "汇编的政策产品超过" + MAX_PRODUCTS + "个，请缩小筛选范围",
                        "The compilation would hold more than " + MAX_PRODUCTS + " products; narrow the filter");
            }
            products.add(new Compilation.Product(head.code(), product,
                    links.link(tenant, CatalogueKind.PRODUCTS, head.code()), List.copyOf(items),
                    documents(published, product, items)));
        }
        String title = request.title() != null ? request.title() : center.name() + "政策汇编";
        return new Compilation(title, center.name(), now, ZoneId.of(center.timeZone()), filter.describe(),
                List.copyOf(products));
    }

    private List<Compilation.Notice> notices(PublishedCatalogue published, TenantId tenant, List<CatalogueEntry> heads,
                                             Instant now) {
        List<Compilation.Notice> notices = new ArrayList<>();
        for (CatalogueEntry head : heads) {
            published.content(CatalogueKind.NOTICES, head.code(), ApplicationNotice.class).ifPresent(n ->
                    notices.add(new Compilation.Notice(head.code(), n, links.link(tenant, CatalogueKind.NOTICES, head.code()),
                            !n.opensAt().isAfter(now))));
        }
        return List.copyOf(notices);
    }

    /** The product's own documents, then those its items' varieties come from, each once. */
    private static List<Compilation.Document> documents(PublishedCatalogue published, PolicyProduct product,
                                                        List<Compilation.Item> items) {
        Set<String> codes = new LinkedHashSet<>(product.documentCodes());
        items.stream().filter(i -> i.variety() != null).forEach(i -> codes.addAll(i.variety().documentCodes()));
        List<Compilation.Document> documents = new ArrayList<>();
        for (String code : codes) {
            published.content(CatalogueKind.DOCUMENTS, code, PolicyDocument.class)
                    .ifPresent(d -> documents.add(new Compilation.Document(code, d)));
        }
        return List.copyOf(documents);
    }

    /** RFC 5987 encoding of a file name, for the {@code filename*} of a content-disposition. */
    private static String rfc5987(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }
}
