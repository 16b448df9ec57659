package com.huiqi.search;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.huiqi.search.usage.UsageTally;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.StoreFactory;
import com.huiqi.shared.tenancy.Keys;
import com.huiqi.shared.tenancy.TenantId;
import com.huiqi.shared.usage.UsageEvent;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda handler on the data table's stream ({@code com.huiqi.search.UsageAggregatorFunction::handleRequest}),
 * filtered in template.yaml to usage events just written: folds each tenant's events of the batch
 * into its usage counters ({@link UsageTally}), on a store of that tenant. The event is read from
 * the record's new image, which is the event as written (events are never changed but for their
 * marks). A failure fails the batch, which Lambda retries; the events counted before the failure
 * are marked, so the retry counts only the rest.
 */
public class UsageAggregatorFunction extends MicronautRequestHandler<DynamodbEvent, UsageAggregatorFunction.Run> {

    private static final Logger LOG = LoggerFactory.getLogger(UsageAggregatorFunction.class);

    @Inject
    StoreFactory stores;

    @Inject
    UsageTally tally;

    /** What one batch did: parts counted now, parts already counted by an earlier delivery. */
    public record Run(int records, int tenants, int counted, int skipped) {
    }

    @Override
    public Run execute(DynamodbEvent event) {
        Map<TenantId, List<UsageTally.Part>> byTenant = new LinkedHashMap<>();
        int records = 0;
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            records++;
            Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
            String pk = image.get("pk").getS();
            // <tenant>#USAGE#EVENTS#<day>; the filter lets nothing else through, but a key is checked, not trusted.
            String[] parts = pk.split(String.valueOf(Keys.SEPARATOR), -1);
            if (parts.length != 4 || !parts[1].equals("USAGE") || !parts[2].equals("EVENTS")) {
                continue;
            }
            ItemKey key = ItemKey.of(pk, image.get("sk").getS());
            byTenant.computeIfAbsent(TenantId.of(parts[0]), t -> new ArrayList<>())
                    .addAll(UsageTally.parts(key, usageEvent(image)));
        }
        int counted = 0;
        int skipped = 0;
        for (Map.Entry<TenantId, List<UsageTally.Part>> tenant : byTenant.entrySet()) {
            UsageTally.Outcome outcome = tally.apply(stores.forTenant(tenant.getKey()), tenant.getValue());
            counted += outcome.counted();
            skipped += outcome.skipped();
            LOG.info("{\"tenant\":\"{}\",\"parts\":{},\"counted\":{},\"skipped\":{},\"transactions\":{}}",
                    tenant.getKey().value(), tenant.getValue().size(), outcome.counted(), outcome.skipped(),
                    outcome.transactions());
        }
        return new Run(records, byTenant.size(), counted, skipped);
    }

    static UsageEvent usageEvent(Map<String, AttributeValue> image) {
        List<UsageEvent.EntryRef> entries = new ArrayList<>();
        for (AttributeValue entry : image.get("entries").getL()) {
            Map<String, AttributeValue> ref = entry.getM();
            entries.add(new UsageEvent.EntryRef(ref.get("kind").getS(), ref.get("code").getS()));
        }
        return new UsageEvent(image.get("id").getS(), UsageEvent.Type.valueOf(image.get("type").getS()),
                Instant.parse(image.get("at").getS()), image.get("day").getS(), entries,
                Long.parseLong(image.get("expiresAt").getN()));
    }
}
