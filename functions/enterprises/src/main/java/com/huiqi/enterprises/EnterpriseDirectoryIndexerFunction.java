package com.huiqi.enterprises;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.huiqi.enterprises.directory.DirectoryIndex;
import com.huiqi.enterprises.directory.DirectoryIndexer;
import com.huiqi.shared.enterprise.EnterpriseItems;
import com.huiqi.shared.enterprise.EnterpriseItems.DirectoryEntry;
import com.huiqi.shared.enterprise.Lifecycle;
import com.huiqi.shared.storage.StoreFactory;
import com.huiqi.shared.tenancy.Keys;
import com.huiqi.shared.tenancy.TenantId;
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
 * Lambda handler on the data table's stream ({@code com.huiqi.enterprises.EnterpriseDirectoryIndexerFunction::handleRequest}),
 * filtered in template.yaml to enterprise file items: every new, changed or removed file reaches its
 * center's directory index within seconds. Records are grouped by tenant (the file's partition key
 * starts with it) and each tenant's changes become one new generation of its index. A record's new
 * image carries the file's list line, the tags it is listed by and when its portrait is next due,
 * so nothing is read back; a
 * failure fails the batch, which Lambda retries, and applying a batch again writes the same documents.
 */
public class EnterpriseDirectoryIndexerFunction
        extends MicronautRequestHandler<DynamodbEvent, EnterpriseDirectoryIndexerFunction.Run> {

    private static final Logger LOG = LoggerFactory.getLogger(EnterpriseDirectoryIndexerFunction.class);

    @Inject
    StoreFactory stores;

    @Inject
    DirectoryIndexer indexer;

    /** What one batch did. */
    public record Run(int records, int tenants, int changes) {
    }

    @Override
    public Run execute(DynamodbEvent event) {
        Map<TenantId, List<DirectoryIndex.Change>> byTenant = new LinkedHashMap<>();
        int changes = 0;
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            Map<String, AttributeValue> keys = record.getDynamodb().getKeys();
            // <tenant>#ENT#<code> / FILE; the filter lets nothing else through, but a key is checked, not trusted.
            String[] parts = keys.get("pk").getS().split(String.valueOf(Keys.SEPARATOR), -1);
            if (parts.length != 3 || !parts[1].equals("ENT") || !EnterpriseItems.FILE_SK.equals(keys.get("sk").getS())) {
                continue;
            }
            Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
            byTenant.computeIfAbsent(TenantId.of(parts[0]), t -> new ArrayList<>())
                    .add(new DirectoryIndex.Change(parts[2], image == null ? null : listing(image)));
            changes++;
        }
        for (Map.Entry<TenantId, List<DirectoryIndex.Change>> tenant : byTenant.entrySet()) {
            DirectoryIndexer.Outcome outcome = indexer.apply(stores.forTenant(tenant.getKey()), tenant.getValue());
            LOG.info("{\"tenant\":\"{}\",\"changes\":{},\"generation\":{},\"enterprises\":{}}", tenant.getKey().value(),
                    tenant.getValue().size(), outcome.generation(), outcome.enterprises());
        }
        return new Run(event.getRecords().size(), byTenant.size(), changes);
    }

    /** The list line and listed tags the file item carries ({@link EnterpriseItems.FileItem}). */
    static DirectoryIndex.Listing listing(Map<String, AttributeValue> image) {
        Map<String, AttributeValue> line = image.get(EnterpriseItems.FileItem.DIRECTORY).getM();
        DirectoryEntry entry = new DirectoryEntry(text(line, "creditCode"), text(line, "name"),
                Lifecycle.Status.valueOf(text(line, "status")), text(line, "registeredRegion"), text(line, "industryCode"),
                text(line, "sizeClass"));
        List<String> tags = new ArrayList<>();
        AttributeValue listed = image.get(EnterpriseItems.FileItem.LISTED_TAGS);
        if (listed != null && listed.getL() != null) {
            listed.getL().forEach(t -> tags.add(t.getS()));
        }
        String due = text(image, EnterpriseItems.FileItem.PORTRAIT_DUE);
        return new DirectoryIndex.Listing(entry, tags, due == null ? null : Instant.parse(due));
    }

    private static String text(Map<String, AttributeValue> map, String name) {
        AttributeValue v = map.get(name);
        return v == null ? null : v.getS();
    }
}
