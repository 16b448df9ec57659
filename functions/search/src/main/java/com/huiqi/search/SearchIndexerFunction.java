package com.huiqi.search;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.huiqi.search.index.Indexer;
import com.huiqi.shared.storage.StoreFactory;
import com.huiqi.shared.tenancy.Keys;
import com.huiqi.shared.tenancy.TenantId;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda handler on the data table's stream ({@code com.huiqi.search.SearchIndexerFunction::handleRequest}),
 * filtered in template.yaml to catalogue entry heads: every publication, new version, expiry,
 * revocation or removal of an entry reaches the tenant's search index within seconds. Records are
 * grouped by tenant (the tenant is the head's partition key prefix) and each tenant is updated on a
 * store of its own. A failure fails the batch, which Lambda retries; applying a batch twice changes
 * nothing, because the indexer reads the entries as they are now rather than the records' images.
 */
public class SearchIndexerFunction extends MicronautRequestHandler<DynamodbEvent, SearchIndexerFunction.Run> {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexerFunction.class);

    @Inject
    StoreFactory stores;

    @Inject
    Indexer indexer;

    /** What one batch did. */
    public record Run(int records, int tenants, int rewritten, int removed) {
    }

    @Override
    public Run execute(DynamodbEvent event) {
        Map<TenantId, Set<Indexer.Change>> byTenant = new LinkedHashMap<>();
        int records = 0;
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            records++;
            Map<String, AttributeValue> keys = record.getDynamodb().getKeys();
            String pk = keys.get("pk").getS();
            // <tenant>#CAT#<kind>#<code> / HEAD; anything else is not a catalogue head.
            String[] parts = pk.split(String.valueOf(Keys.SEPARATOR), -1);
            if (parts.length == 4 && parts[1].equals("CAT") && "HEAD".equals(keys.get("sk").getS())) {
                byTenant.computeIfAbsent(TenantId.of(parts[0]), t -> new LinkedHashSet<>())
                        .add(new Indexer.Change(parts[2], parts[3]));
            }
        }
        int rewritten = 0;
        int removed = 0;
        for (Map.Entry<TenantId, Set<Indexer.Change>> tenant : byTenant.entrySet()) {
            Indexer.Outcome outcome = indexer.apply(stores.forTenant(tenant.getKey()), tenant.getValue());
            rewritten += outcome.rewritten();
            removed += outcome.removed();
            LOG.info("{\"tenant\":\"{}\",\"changes\":{},\"generation\":{},\"documents\":{},\"rewritten\":{},\"removed\":{}}",
                    tenant.getKey().value(), tenant.getValue().size(), outcome.generation(), outcome.documents(),
                    outcome.rewritten(), outcome.removed());
        }
        return new Run(records, byTenant.size(), rewritten, removed);
    }
}
