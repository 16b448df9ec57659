package com.huiqi.search;

import static com.huiqi.shared.identity.Role.AUDITOR;
import static com.huiqi.shared.identity.Role.CENTER_ADMIN;
import static com.huiqi.shared.identity.Role.DEPARTMENT;
import static com.huiqi.shared.identity.Role.ENTERPRISE;
import static com.huiqi.shared.identity.Role.EXPERT;
import static com.huiqi.shared.identity.Role.STAFF;

import com.huiqi.search.query.ClosingSoon;
import com.huiqi.search.query.SearchCursor;
import com.huiqi.search.query.SearchParameters;
import com.huiqi.search.query.SynonymStore;
import com.huiqi.shared.http.ApiRequest;
import com.huiqi.shared.http.ApiResponse;
import com.huiqi.shared.http.RouteTable;
import com.huiqi.shared.identity.Role;
import com.huiqi.shared.tenancy.TenantRecord;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The routes of the search function: every role of a tenant searches its published catalogue;
 * the center's staff and admins keep its synonyms.
 */
@Singleton
public class SearchRoutes {

    private final RouteTable table = new RouteTable();
    private final PolicySearch search;
    private final ClosingSoon closingSoon;
    private final Clock clock = Clock.systemUTC();

    public SearchRoutes(PolicySearch search, SynonymStore synonyms, ClosingSoon closingSoon) {
        this.search = search;
        this.closingSoon = closingSoon;
        Set<Role> readers = EnumSet.of(CENTER_ADMIN, STAFF, DEPARTMENT, EXPERT, ENTERPRISE, AUDITOR);
        Set<Role> editors = EnumSet.of(CENTER_ADMIN, STAFF);
        table.add("GET", "/search", this::search, readers)
                .add("GET", "/search/synonyms", r -> ApiResponse.ok(synonyms.get(r.store())), editors)
                .add("PUT", "/search/synonyms", r -> ApiResponse.ok(synonyms.replace(r.store(), r.caller(),
                        r.requestId(), r.body(SynonymStore.Replace.class))), editors);
    }

    public RouteTable table() {
        return table;
    }

    private ApiResponse search(ApiRequest r) {
        SearchParameters.Parsed parsed = SearchParameters.parse(r);
        String fingerprint = parsed.fingerprint(r.caller().tenant().value());
        SearchCursor after = parsed.cursor() == null ? null : SearchCursor.decode(parsed.cursor(), fingerprint);
        Instant asOf = after == null ? clock.instant() : after.asOf();
        return ApiResponse.ok(search.search(r.store(), parsed.toQuery(fingerprint, after, asOf,
                closingSoon.by(r.store(), r.center().map(TenantRecord::zone).orElse(TenantRecord.DEFAULT_ZONE), asOf,
                        parsed.closingWithin()))));
    }
}
