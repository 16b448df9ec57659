package com.huiqi.enterprises;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.huiqi.enterprises.imports.EnterpriseImports;
import com.huiqi.shared.storage.StoreFactory;
import com.huiqi.shared.tenancy.TenantId;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/**
 * Lambda handler of enterprise data imports ({@code com.huiqi.enterprises.EnterpriseImportFunction::handleRequest}),
 * on the data table's stream: template.yaml's filter passes only import jobs just queued. The job's
 * key names its tenant ({@code <tenant>#ENTIMPORT#<id>}); the work runs on that tenant's store only.
 */
public class EnterpriseImportFunction extends MicronautRequestHandler<DynamodbEvent, Void> {

    @Inject
    StoreFactory stores;

    @Inject
    EnterpriseImports imports;

    @Override
    public Void execute(DynamodbEvent event) {
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            String pk = record.getDynamodb().getKeys().get("pk").getS();
            String[] parts = pk.split("#");
            if (parts.length != 3 || !parts[1].equals("ENTIMPORT")) {
                throw new IllegalArgumentException("not an enterprise import job's key: " + pk);
            }
            imports.run(stores.forTenant(TenantId.of(parts[0])), parts[2], record.getEventID());
        }
        return null;
    }
}
