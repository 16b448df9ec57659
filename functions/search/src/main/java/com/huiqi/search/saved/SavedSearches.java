package com.huiqi.search.saved;

import com.huiqi.search.query.SearchParameters;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.Page;
import com.huiqi.shared.storage.Stored;
import com.huiqi.shared.storage.TenantStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * An enterprise's saved searches: one partition per enterprise,
 * {@code <tenant>#SAVED#<credit code>} / {@code S#<id>}, and every saved search of the tenant in
 * {@code gsi1} under {@code <tenant>#SAVED}, which is what the publication matcher reads. Every
 * change is audited.
 */
@Singleton
public class SavedSearches {

    /** Saved searches per enterprise: enough for every interest, few enough to read in one query. */
    public static final int MAX_PER_ENTERPRISE = 20;
    static final String ENTITY = "SavedSearch";
    static final Set<String> CHANNELS = Set.of("SMS", "WECHAT");
    static final int MAX_NAME = 40;

    private final Clock clock = Clock.systemUTC();

    /** The body of a create or replace; {@code version} only for a replace. */
    public record Body(String name, Map<String, String> query, List<String> channels, Long version) {
    }

    /** A saved search with its version, for the next change. */
    public record View(SavedSearch savedSearch, long version) {
    }

    public List<View> list(TenantStore store, String enterprise) {
        Page<Stored<SavedSearch>> page = store.queryStored(partition(store, enterprise), "S#", SavedSearch.class,
                MAX_PER_ENTERPRISE, null);
        return page.items().stream().map(s -> new View(s.value(), s.version())).toList();
    }

    public View get(TenantStore store, String enterprise, String id) {
        ItemKey key = key(store, enterprise, id);
        return store.get(key.pk(), key.sk(), SavedSearch.class).map(s -> new View(s.value(), s.version()))
                .orElseThrow(() -> ApiException.notFound("订阅", "Saved search"));
    }

    public View create(TenantStore store, Caller caller, String requestId, String enterprise, Body body) {
        Checked checked = check(body);
        if (list(store, enterprise).size() >= MAX_PER_ENTERPRISE) {
            throw ApiException.conflict("TOO_MANY_SAVED_SEARCHES", "每家企业最多保存" + MAX_PER_ENTERPRISE + "个订阅",
                    "An enterprise keeps at most " + MAX_PER_ENTERPRISE + " saved searches");
        }
        Instant now = clock.instant();
        SavedSearch saved = new SavedSearch(UUID.randomUUID().toString(), enterprise, checked.name(), body.query(),
                checked.channels(), caller.username(), now, now);
        store.begin(caller, requestId)
                .create(key(store, enterprise, saved.id()), ENTITY, saved)
                .audit("search.saved.create", ENTITY, saved.id(), null, saved)
                .commit();
        return new View(saved, 1);
    }

    public View replace(TenantStore store, Caller caller, String requestId, String enterprise, String id, Body body) {
        Checked checked = check(body);
        if (body.version() == null) {
            throw ApiException.validation("version", "缺少版本号", "version is required");
        }
        View before = get(store, enterprise, id);
        SavedSearch after = new SavedSearch(id, enterprise, checked.name(), body.query(), checked.channels(),
                before.savedSearch().createdBy(), before.savedSearch().createdAt(), clock.instant());
        store.begin(caller, requestId)
                .update(key(store, enterprise, id), ENTITY, after, body.version())
                .audit("search.saved.update", ENTITY, id, before.savedSearch(), after)
                .commit();
        return new View(after, body.version() + 1);
    }

    public void delete(TenantStore store, Caller caller, String requestId, String enterprise, String id, long version) {
        View before = get(store, enterprise, id);
        store.begin(caller, requestId)
                .delete(key(store, enterprise, id), version)
                .audit("search.saved.delete", ENTITY, id, before.savedSearch(), null)
                .commit();
    }

    /** Every saved search of the tenant, page by page from the index. */
    public void forEach(TenantStore store, Consumer<SavedSearch> sink) {
        String cursor = null;
        do {
            Page<SavedSearch> page = store.queryIndex("gsi1", store.keys().pk("SAVED"), "", SavedSearch.class, 100, cursor);
            page.items().forEach(sink);
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    private record Checked(String name, List<String> channels) {
    }

    /** The name, the query (as {@code GET /search} checks it) and the channels; defaults: both channels. */
    private static Checked check(Body body) {
        String name = body.name() == null ? "" : body.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw ApiException.validation("name", "订阅名称须为1至" + MAX_NAME + "个字符",
                    "name must be 1 to " + MAX_NAME + " characters");
        }
        if (body.query() == null) {
            throw ApiException.validation("query", "缺少查询条件", "query is required");
        }
        SearchParameters.parseSaved(body.query());
        List<String> channels = body.channels() == null ? List.of("SMS", "WECHAT") : body.channels();
        for (String channel : channels) {
            if (!CHANNELS.contains(channel)) {
                throw ApiException.validation("channels", "通知渠道须为 SMS 或 WECHAT：" + channel,
                        "channels take SMS and WECHAT: " + channel);
            }
        }
        return new Checked(name, new ArrayList<>(new LinkedHashSet<>(channels)));
    }

    private static String partition(TenantStore store, String enterprise) {
        return store.keys().pk("SAVED", enterprise);
    }

    private static ItemKey key(TenantStore store, String enterprise, String id) {
        return ItemKey.of(partition(store, enterprise), "S#" + id)
                .withIndex(store.keys().pk("SAVED"), enterprise + "#" + id);
    }
}
