package com.huiqi.publish;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.huiqi.publish.imports.CatalogueImports;
import com.huiqi.shared.storage.StoreFactory;
import com.huiqi.shared.tenancy.TenantId;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/**
 * Lambda handler of bulk imports ({@code com.huiqi.publish.CatalogueImportFunction::handleRequest}),
 * on the data table's stream: template.yaml's filter passes only import jobs that were just queued
 * (to be filed, or, once approved, published), so the function wakes for nothing else. The job's
 * key names its tenant ({@code <tenant>#IMPORT#<id>}); the work runs on that tenant's store only.
 */
public class CatalogueImportFunction extends MicronautRequestHandler<DynamodbEvent, Void> {

    @Inject
    StoreFactory stores;

    @Inject
    CatalogueImports imports;

    @Override
    public Void execute(DynamodbEvent event) {
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            String pk = record.getDynamodb().getKeys().get("pk").getS();
            String[] parts = pk.split("#");
            if (parts.length != 3 || !parts[1].equals("IMPORT")) {
                throw new IllegalArgumentException("not an import job's key: " + pk);
            }
            imports.run(stores.forTenant(TenantId.of(parts[0])), parts[2], record.getEventID());
        }
        return null;
    }
}
