package com.huiqi.publish;

import static com.huiqi.shared.identity.Role.AUDITOR;
import static com.huiqi.shared.identity.Role.CENTER_ADMIN;
import static com.huiqi.shared.identity.Role.DEPARTMENT;
import static com.huiqi.shared.identity.Role.ENTERPRISE;
import static com.huiqi.shared.identity.Role.EXPERT;
import static com.huiqi.shared.identity.Role.STAFF;

import com.huiqi.publish.catalogue.Catalogue;
import com.huiqi.publish.catalogue.CatalogueEntry.PublicationStatus;
import com.huiqi.publish.catalogue.CatalogueKind;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.http.ApiRequest;
import com.huiqi.shared.http.ApiResponse;
import com.huiqi.shared.http.RouteTable;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.identity.Role;
import com.huiqi.shared.usage.UsageEvent;
import com.huiqi.shared.usage.UsageEvents;
import com.huiqi.publish.catalogue.PublishedVersion;
import com.huiqi.publish.imports.CatalogueImports;
import com.huiqi.publish.imports.ImportTemplate;
import com.huiqi.publish.compilation.CompilationRequest;
import com.huiqi.publish.compilation.Compilations;
import com.huiqi.publish.links.EntryLinks;
import com.huiqi.publish.media.MediaLibrary;
import com.huiqi.publish.schedule.ApplicationWindows;
import com.huiqi.publish.trial.RuleTrial;
import jakarta.inject.Singleton;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The routes of the publish function. Center staff (后台支持人员) and admins author and review,
 * try rules against sample facts and upload diagram images; every other role of the tenant reads
 * what is published.
 */
@Singleton
public class PublishRoutes {

    /** Roles that see drafts and the review state; everyone else sees published content only. */
    private static final Set<Role> EDITORS = EnumSet.of(STAFF, CENTER_ADMIN);

    private final RouteTable table = new RouteTable();
    private final Catalogue catalogue;
    private final ApplicationWindows windows;
    private final EntryLinks links;
    private final CatalogueImports imports;
    private final Compilations compilations;
    private final UsageEvents usage;

    public PublishRoutes(Catalogue catalogue, ApplicationWindows windows, EntryLinks links, RuleTrial trial,
                         MediaLibrary media, Compilations compilations, CatalogueImports imports, UsageEvents usage) {
        this.catalogue = catalogue;
        this.usage = usage;
        this.windows = windows;
        this.links = links;
        this.compilations = compilations;
        this.imports = imports;
        Set<Role> readers = EnumSet.of(CENTER_ADMIN, STAFF, DEPARTMENT, EXPERT, ENTERPRISE, AUDITOR);
        String entry = "/catalogue/{kind}/{code}";
        // A literal segment, so it takes precedence over /catalogue/{kind} in API Gateway's route selection.
        table.add("GET", "/catalogue/compilation", this::compilation, readers)
                .add("GET", "/catalogue/{kind}", this::list, readers)
                .add("POST", "/catalogue/{kind}", this::create, EDITORS)
                .add("GET", entry, this::get, readers)
                .add("PUT", entry + "/draft", r -> ApiResponse.ok(catalogue.editDraft(r.store(), r.caller(),
                        r.requestId(), kind(r), r.path("code"), r.body(Catalogue.DraftEdit.class))), EDITORS)
                .add("POST", entry + "/submit", r -> ApiResponse.ok(catalogue.submit(r.store(), r.caller(),
                        r.requestId(), kind(r), r.path("code"), r.body(Catalogue.Transition.class))), EDITORS)
                .add("POST", entry + "/approve", r -> ApiResponse.ok(catalogue.approve(r.store(), r.caller(),
                        r.requestId(), kind(r), r.path("code"), r.body(Catalogue.Transition.class))), EDITORS)
                .add("POST", entry + "/reject", r -> ApiResponse.ok(catalogue.reject(r.store(), r.caller(),
                        r.requestId(), kind(r), r.path("code"), r.body(Catalogue.Transition.class))), EDITORS)
                .add("POST", entry + "/revoke", r -> ApiResponse.ok(catalogue.revoke(r.store(), r.caller(),
                        r.requestId(), kind(r), r.path("code"), r.body(Catalogue.Transition.class))), EDITORS)
                .add("GET", entry + "/versions/{version}", r -> {
                    PublishedVersion v = catalogue.version(r.store(), kind(r), r.path("code"), versionNumber(r.path("version")));
                    return ApiResponse.ok(isEditor(r.caller()) ? v : v.forReaders());
                }, readers)
                .add("GET", entry + "/link", r -> ApiResponse.ok(new PublicLink(publishedLink(r))), readers)
                .add("GET", entry + "/qr", r -> ApiResponse.binary("image/png", links.qrPng(publishedLink(r)),
                        Map.of("cache-control", "public, max-age=86400")), readers)
                .add("GET", entry + "/attachments/{index}", r -> {
                    if (kind(r) != CatalogueKind.INTERPRETATIONS) {
                        throw ApiException.notFound("图片", "image");
                    }
                    MediaLibrary.Image image = media.attachment(r.store(), catalogue.published(r.store(), kind(r), r.path("code")),
                            r.path("index"));
                    // Content-addressed: the bytes behind a key never change, but only this tenant's readers may see them.
                    return ApiResponse.binary(image.mediaType(), image.bytes(),
                            Map.of("cache-control", "private, max-age=86400", "x-content-type-options", "nosniff"));
                }, readers)
                .add("POST", "/media/images", r -> {
                    MediaLibrary.Upload upload = media.upload(r.store(), r.caller(), r.requestId(),
                            r.header("content-type").orElse(null), r.bodyBytes());
                    return new ApiResponse(upload.created() ? 201 : 200, upload.image(), Map.of());
                }, EDITORS)
                .add("GET", "/applications/today", r -> ApiResponse.ok(windows.today(r.store(), r.zone())),
                        readers)
                .add("GET", "/catalogue-imports/template", r -> ApiResponse.binary(ImportTemplate.MEDIA_TYPE,
                        ImportTemplate.workbook(), Map.of("content-disposition",
                                "attachment; filename=\"catalogue-import-template.xlsx\"")), EDITORS)
                .add("POST", "/catalogue-imports", r -> {
                    CatalogueImports.ImportView view = imports.start(r.store(), r.caller(), r.requestId(), r.zone(),
                            r.binaryBody(CatalogueImports.MEDIA_TYPES, CatalogueImports.MAX_BYTES));
                    return ApiResponse.accepted(view, "/catalogue-imports/" + view.job().id());
                }, EDITORS)
                .add("GET", "/catalogue-imports/{id}", r -> ApiResponse.ok(imports.get(r.store(), r.path("id"))), EDITORS)
                .add("POST", "/catalogue-imports/{id}/approve", r -> {
                    CatalogueImports.ImportView view = imports.approve(r.store(), r.caller(), r.requestId(), r.path("id"),
                            r.body(CatalogueImports.Approval.class));
                    return ApiResponse.accepted(view, "/catalogue-imports/" + view.job().id());
                }, EDITORS)
                .add("POST", "/catalogue-imports/{id}/reject", r -> {
                    CatalogueImports.ImportView view = imports.reject(r.store(), r.caller(), r.requestId(), r.path("id"),
                            r.body(CatalogueImports.Withdrawal.class));
                    return ApiResponse.accepted(view, "/catalogue-imports/" + view.job().id());
                }, EDITORS)
                .add("GET", "/applications/calendar", r -> ApiResponse.ok(windows.month(r.store(), r.zone(),
                        month(r.query("month").orElse(null)))), readers)
                .add("POST", "/rules/trial", r -> ApiResponse.ok(trial.trial(r.zone(),
                        r.body(RuleTrial.Request.class))), EDITORS);
    }

    public RouteTable table() {
        return table;
    }

    /** The stable public link of a published entry (the page a scanned QR code opens). */
    public record PublicLink(String link) {
    }

    /** Only published entries have a public link: a draft or revoked entry answers 404. */
    private String publishedLink(ApiRequest r) {
        CatalogueKind kind = kind(r);
        PublishedVersion published = catalogue.published(r.store(), kind, r.path("code"));
        return links.link(r.caller().tenant(), kind, published.code());
    }

    private ApiResponse list(ApiRequest r) {
        PublicationStatus status = r.query("status").map(PublishRoutes::status).orElse(null);
        return ApiResponse.ok(catalogue.list(r.store(), kind(r), !isEditor(r.caller()), status, r.pageSize(), r.cursor()));
    }

    private ApiResponse compilation(ApiRequest r) {
        Compilations.Rendered rendered = compilations.generate(r.store(), r.center().orElseThrow(), CompilationRequest.from(r));
        // Generated from the catalogue as it is now: never served from a cache.
        return ApiResponse.binary(rendered.format().mediaType(), rendered.bytes(),
                Map.of("content-disposition", rendered.contentDisposition(), "cache-control", "no-store"));
    }

    private ApiResponse create(ApiRequest r) {
        Catalogue.EntryView view = catalogue.create(r.store(), r.caller(), r.requestId(), kind(r),
                r.body(Catalogue.NewEntry.class));
        return ApiResponse.created(view, "/catalogue/" + view.entry().kind() + "/" + view.entry().code());
    }

    /**
     * One entry. An enterprise user's read counts as a view in the usage figures (written beside the
     * response); nobody else's does, nor do the reads around an opened entry (its versions, link, QR
     * code, images), which would count one visit several times.
     */
    private ApiResponse get(ApiRequest r) {
        CatalogueKind kind = kind(r);
        String code = r.path("code");
        if (isEditor(r.caller())) {
            return ApiResponse.ok(catalogue.get(r.store(), kind, code));
        }
        PublishedVersion published = catalogue.published(r.store(), kind, code);
        usage.record(r, UsageEvent.Type.VIEW, List.of(new UsageEvent.EntryRef(kind.segment(), published.code())));
        return ApiResponse.ok(published.forReaders());
    }

    private static boolean isEditor(Caller caller) {
        return caller.hasAny(EDITORS);
    }

    private static CatalogueKind kind(ApiRequest r) {
        return CatalogueKind.fromSegment(r.path("kind"));
    }

    private static int versionNumber(String raw) {
        try {
            int v = Integer.parseInt(raw);
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // a version that cannot exist is a resource that does not exist
        }
        throw ApiException.notFound("版本", "version");
    }

    private static YearMonth month(String raw) {
        if (raw == null) {
            throw ApiException.validation("month", "缺少月份，如 2026-11", "month is required, e.g. 2026-11");
        }
        try {
            return YearMonth.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("INVALID_DATE", "month 须为 YYYY-MM 格式", "month must be YYYY-MM", "month");
        }
    }

    private static PublicationStatus status(String raw) {
        try {
            return PublicationStatus.valueOf(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_FILTER", "status 取值无效：" + raw, "Invalid status: " + raw, "status");
        }
    }
}
