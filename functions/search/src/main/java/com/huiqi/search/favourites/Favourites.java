package com.huiqi.search.favourites;

import com.huiqi.search.catalogue.CatalogueReader;
import com.huiqi.search.catalogue.EntryPath;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.http.ApiRequest;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.Page;
import com.huiqi.shared.storage.Stored;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.usage.UsageEvent;
import com.huiqi.shared.usage.UsageEvents;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * An enterprise's saved entries (收藏): the policies it keeps for later. Per enterprise, the one
 * its user's token is bound to ({@code custom:enterprise_code}), at
 * {@code <tenant>#FAV#<credit code>} / {@code <kind>#<code>}, and in {@code gsi1} by the time saved
 * for the newest-first list. Only an entry published in the tenant (PUBLISHED or EXPIRED, what the
 * policy supermarket lists) can be saved. Saving and unsaving are audited, and each writes, in the
 * same transaction, the usage event that counts it (SAVE, UNSAVE); saving a saved entry or
 * removing one that is not saved changes and counts nothing.
 */
@Singleton
public class Favourites {

    static final String ENTITY = "Favourite";

    private final CatalogueReader catalogue;
    private final UsageEvents usage;
    private final Clock clock = Clock.systemUTC();

    public Favourites(CatalogueReader catalogue, UsageEvents usage) {
        this.catalogue = catalogue;
        this.usage = usage;
    }

    /** A saved entry as stored. */
    public record Favourite(String kind, String code, Instant savedAt) {
    }

    /** A saved entry as listed: with the entry's name and publication status now. */
    public record FavouriteView(String kind, String code, String title, String status, Instant savedAt) {
    }

    public record FavouritePage(List<FavouriteView> items, String nextCursor) {
    }

    /** The outcome of a save: the saved entry, and whether this request saved it. */
    public record Saved(FavouriteView favourite, boolean created) {
    }

    public Saved save(ApiRequest r, String kind, String code) {
        UsageEvent.EntryRef ref = EntryPath.parse(kind, code);
        String enterprise = enterprise(r);
        TenantStore store = r.store();
        ItemKey key = key(store, enterprise, ref);
        Optional<Stored<Favourite>> existing = store.get(key.pk(), key.sk(), Favourite.class);
        CatalogueReader.EntryHead head = catalogue.head(store, ref.kind(), ref.code())
                .filter(h -> CatalogueReader.LISTED.contains(h.status())).orElseThrow(EntryPath::notFound);
        String title = head.displayName();
        if (existing.isPresent()) {
            return new Saved(view(existing.get().value(), title, head.status()), false);
        }
        Favourite favourite = new Favourite(ref.kind(), ref.code(), clock.instant());
        UsageEvent event = usage.event(UsageEvent.Type.SAVE, List.of(ref), r.zone());
        try {
            store.begin(r.caller(), r.requestId())
                    .create(key.withIndex(key.pk(), favourite.savedAt() + "#" + key.sk()), ENTITY, favourite)
                    .audit("favourite.save", ENTITY, entityId(enterprise, ref), null, favourite)
                    .create(event.key(store.keys()), UsageEvent.ENTITY, event)
                    .commit();
        } catch (ApiException e) {
            // Saved at the same moment by another request of the same enterprise: that one counted it.
            Optional<Stored<Favourite>> raced = store.get(key.pk(), key.sk(), Favourite.class);
            if (e.status() == 409 && raced.isPresent()) {
                return new Saved(view(raced.get().value(), title, head.status()), false);
            }
            throw e;
        }
        return new Saved(view(favourite, title, head.status()), true);
    }

    public void remove(ApiRequest r, String kind, String code) {
        UsageEvent.EntryRef ref = EntryPath.parse(kind, code);
        String enterprise = enterprise(r);
        TenantStore store = r.store();
        ItemKey key = key(store, enterprise, ref);
        Optional<Stored<Favourite>> existing = store.get(key.pk(), key.sk(), Favourite.class);
        if (existing.isEmpty()) {
            return;
        }
        UsageEvent event = usage.event(UsageEvent.Type.UNSAVE, List.of(ref), r.zone());
        try {
            store.begin(r.caller(), r.requestId())
                    .delete(key, existing.get().version())
                    .audit("favourite.remove", ENTITY, entityId(enterprise, ref), existing.get().value(), null)
                    .create(event.key(store.keys()), UsageEvent.ENTITY, event)
                    .commit();
        } catch (ApiException e) {
            // Removed at the same moment by another request: that one counted it.
            if (e.status() != 409 || store.get(key.pk(), key.sk(), Favourite.class).isPresent()) {
                throw e;
            }
        }
    }

    /** The enterprise's saved entries, newest first. */
    public FavouritePage list(ApiRequest r) {
        for (String name : r.queryNames()) {
            if (!name.equals("limit") && !name.equals("cursor")) {
                throw ApiException.badRequest("UNKNOWN_PARAMETER", "不支持的查询参数：" + name,
                        "Unknown query parameter: " + name, name);
            }
        }
        String enterprise = enterprise(r);
        TenantStore store = r.store();
        Page<Favourite> page;
        try {
            page = store.queryIndexBackwards("gsi1", partition(store, enterprise), "", Favourite.class, r.pageSize(),
                    r.cursor());
        } catch (DynamoDbException e) {
            // A well-formed cursor of another list (another enterprise's, another partition): DynamoDB refuses it.
            if (e.statusCode() == 400 && r.cursor() != null) {
                throw ApiException.badRequest("INVALID_CURSOR", "分页游标无效", "The paging cursor is invalid", "cursor");
            }
            throw e;
        }
        Map<UsageEvent.EntryRef, CatalogueReader.EntryHead> heads = catalogue.heads(store, page.items().stream()
                .map(f -> new UsageEvent.EntryRef(f.kind(), f.code())).toList());
        List<FavouriteView> items = page.items().stream().map(f -> {
            CatalogueReader.EntryHead head = heads.get(new UsageEvent.EntryRef(f.kind(), f.code()));
            return view(f, head == null ? null : head.displayName(), head == null ? "REVOKED" : head.status());
        }).toList();
        return new FavouritePage(items, page.nextCursor());
    }

    private static FavouriteView view(Favourite f, String title, String status) {
        return new FavouriteView(f.kind(), f.code(), title, status, f.savedAt());
    }

    /** The enterprise the caller acts for, from its token; an enterprise account without one cannot save. */
    private static String enterprise(ApiRequest r) {
        return r.caller().enterpriseCode().orElseThrow(() -> ApiException.forbidden("当前账号未绑定企业",
                "Your account is not bound to an enterprise"));
    }

    private static String partition(TenantStore store, String enterprise) {
        return store.keys().pk("FAV", enterprise);
    }

    private static ItemKey key(TenantStore store, String enterprise, UsageEvent.EntryRef ref) {
        return ItemKey.of(partition(store, enterprise), ref.kind() + "#" + ref.code());
    }

    private static String entityId(String enterprise, UsageEvent.EntryRef ref) {
        return enterprise + "/" + ref.kind() + "/" + ref.code();
    }
}
