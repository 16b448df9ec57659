package com.huiqi.search.index;

import com.huiqi.search.catalogue.CatalogueReader;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.tenancy.TenantId;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;

/**
 * The open indexes of the tenants this function instance has served recently, least recently used
 * first out, so memory stays bounded however many tenants share the function. Each index is keyed
 * by its tenant, and a request only ever asks for its caller's tenant.
 */
@Singleton
public class TenantIndexes {

    /** Tenants kept open at once. */
    static final int MAX_TENANTS = 32;
    /** How long an index is served before it is rebuilt from the catalogue. */
    static final long REFRESH_MILLIS = 2_000;

    private final CatalogueReader catalogue;
    private final Analyzer analyzer = Fields.newAnalyzer();
    private final Clock clock;
    private final Map<TenantId, Loaded> open = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TenantId, Loaded> eldest) {
            return size() > MAX_TENANTS;
        }
    };

    private record Loaded(TenantIndex index, long builtAt) {
    }

    public TenantIndexes(CatalogueReader catalogue) {
        this(catalogue, Clock.systemUTC());
    }

    TenantIndexes(CatalogueReader catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    /** The tenant's index, built from its published catalogue when absent or due for a rebuild. */
    public TenantIndex of(TenantStore store) {
        TenantId tenant = store.keys().tenant();
        long now = clock.millis();
        synchronized (open) {
            Loaded loaded = open.get(tenant);
            if (loaded != null && now - loaded.builtAt() < REFRESH_MILLIS) {
                return loaded.index();
            }
        }
        TenantIndex built = new TenantIndex(IndexWriting.write(new Projection(catalogue.all(store)).all(), analyzer),
                analyzer);
        synchronized (open) {
            open.put(tenant, new Loaded(built, now));
        }
        return built;
    }
}
