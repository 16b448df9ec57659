package com.huiqi.search;

import static com.huiqi.shared.identity.Role.AUDITOR;
import static com.huiqi.shared.identity.Role.CENTER_ADMIN;
import static com.huiqi.shared.identity.Role.DEPARTMENT;
import static com.huiqi.shared.identity.Role.ENTERPRISE;
import static com.huiqi.shared.identity.Role.EXPERT;
import static com.huiqi.shared.identity.Role.STAFF;

import com.huiqi.search.favourites.Favourites;
import com.huiqi.search.query.ClosingSoon;
import com.huiqi.search.query.SearchCursor;
import com.huiqi.search.query.SearchParameters;
import com.huiqi.search.query.SynonymStore;
import com.huiqi.search.saved.SavedSearches;
import com.huiqi.search.usage.UsageReports;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.http.ApiRequest;
import com.huiqi.shared.http.ApiResponse;
import com.huiqi.shared.http.RouteTable;
import com.huiqi.shared.identity.Role;
import com.huiqi.shared.tenancy.TenantRecord;
import com.huiqi.shared.usage.UsageEvent;
import com.huiqi.shared.usage.UsageEvents;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The routes of the search function: every role of a tenant searches its published catalogue;
 * the center's staff and admins keep its synonyms; an enterprise keeps its saved entries (收藏)
 * and its saved searches (订阅); staff, admins and auditors read the usage figures.
 */
@Singleton
public class SearchRoutes {

    private final RouteTable table = new RouteTable();
    private final PolicySearch search;
    private final ClosingSoon closingSoon;
    private final UsageEvents usage;
    private final Clock clock = Clock.systemUTC();

    public SearchRoutes(PolicySearch search, SynonymStore synonyms, ClosingSoon closingSoon, UsageEvents usage,
                        Favourites favourites, UsageReports reports, SavedSearches saved) {
        this.search = search;
        this.closingSoon = closingSoon;
        this.usage = usage;
        Set<Role> readers = EnumSet.of(CENTER_ADMIN, STAFF, DEPARTMENT, EXPERT, ENTERPRISE, AUDITOR);
        Set<Role> editors = EnumSet.of(CENTER_ADMIN, STAFF);
        Set<Role> usageReaders = EnumSet.of(CENTER_ADMIN, STAFF, AUDITOR);
        String favourite = "/search/favourites/{kind}/{code}";
        table.add("GET", "/search", this::search, readers)
                .add("GET", "/search/synonyms", r -> ApiResponse.ok(synonyms.get(r.store())), editors)
                .add("PUT", "/search/synonyms", r -> ApiResponse.ok(synonyms.replace(r.store(), r.caller(),
                        r.requestId(), r.body(SynonymStore.Replace.class))), editors)
                .add("GET", "/search/favourites", r -> ApiResponse.ok(favourites.list(r)), ENTERPRISE)
                .add("PUT", favourite, r -> {
                    Favourites.Saved kept = favourites.save(r, r.path("kind"), r.path("code"));
                    return kept.created() ? ApiResponse.created(kept.favourite(), "/search/favourites/"
                            + kept.favourite().kind() + "/" + kept.favourite().code()) : ApiResponse.ok(kept.favourite());
                }, ENTERPRISE)
                .add("DELETE", favourite, r -> {
                    favourites.remove(r, r.path("kind"), r.path("code"));
                    return ApiResponse.noContent();
                }, ENTERPRISE)
                .add("GET", "/search/usage", r -> ApiResponse.ok(reports.ranked(r)), usageReaders)
                .add("GET", "/search/usage/{kind}/{code}", r -> ApiResponse.ok(reports.entry(r, r.path("kind"),
                        r.path("code"))), usageReaders);
        // Saved searches (订阅) belong to the enterprise the caller acts for.
        table.add("GET", "/search/saved", r -> ApiResponse.ok(new SavedList(saved.list(r.store(), enterprise(r)),
                        SavedSearches.MAX_PER_ENTERPRISE)), ENTERPRISE)
                .add("POST", "/search/saved", r -> {
                    SavedSearches.View created = saved.create(r.store(), r.caller(), r.requestId(), enterprise(r),
                            r.body(SavedSearches.Body.class));
                    return ApiResponse.created(created, "/search/saved/" + created.savedSearch().id());
                }, ENTERPRISE)
                .add("GET", "/search/saved/{id}", r -> ApiResponse.ok(saved.get(r.store(), enterprise(r), r.path("id"))),
                        ENTERPRISE)
                .add("PUT", "/search/saved/{id}", r -> ApiResponse.ok(saved.replace(r.store(), r.caller(), r.requestId(),
                        enterprise(r), r.path("id"), r.body(SavedSearches.Body.class))), ENTERPRISE)
                .add("DELETE", "/search/saved/{id}", r -> {
                    saved.delete(r.store(), r.caller(), r.requestId(), enterprise(r), r.path("id"), version(r));
                    return ApiResponse.noContent();
                }, ENTERPRISE);
    }

    /** An enterprise's saved searches and how many it may keep. */
    record SavedList(List<SavedSearches.View> items, int max) {
    }

    private static String enterprise(ApiRequest r) {
        return r.caller().enterpriseCode().orElseThrow(() -> ApiException.forbidden(
                "该账号未绑定企业", "This account acts for no enterprise"));
    }

    /** The version a delete is conditional on, from {@code ?version=}. */
    private static long version(ApiRequest r) {
        String raw = r.rawQuery("version").orElseThrow(() -> ApiException.badRequest("VERSION_REQUIRED",
                "删除须带版本号 version", "A delete needs the version read, as ?version=", "version"));
        try {
            long version = Long.parseLong(raw.strip());
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException ignored) {
            // the error below
        }
        throw ApiException.badRequest("INVALID_VERSION", "version 须为正整数", "version must be a positive integer", "version");
    }

    private static UsageEvent.EntryRef entryRef(String key) {
        int slash = key.indexOf('/');
        return new UsageEvent.EntryRef(key.substring(0, slash), key.substring(slash + 1));
    }

    public RouteTable table() {
        return table;
    }

    private ApiResponse search(ApiRequest r) {
        SearchParameters.Parsed parsed = SearchParameters.parse(r);
        String fingerprint = parsed.fingerprint(r.caller().tenant().value());
        SearchCursor after = parsed.cursor() == null ? null : SearchCursor.decode(parsed.cursor(), fingerprint);
        Instant asOf = after == null ? clock.instant() : after.asOf();
        // The entries this page shows go into one usage event, whose write starts as soon as they are
        // known and runs beside facet counting, highlighting and rendering.
        return ApiResponse.ok(search.search(r.store(), parsed.toQuery(fingerprint, after, asOf,
                closingSoon.by(r.store(), r.center().map(TenantRecord::zone).orElse(TenantRecord.DEFAULT_ZONE), asOf,
                        parsed.closingWithin())), page -> usage.record(r, UsageEvent.Type.SEARCH, page.stream()
                                .map(SearchRoutes::entryRef).toList())));
    }
}
