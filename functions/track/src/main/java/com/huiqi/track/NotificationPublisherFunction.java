package com.huiqi.track;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.huiqi.shared.storage.StoreFactory;
import com.huiqi.shared.tenancy.TenantId;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/**
 * Lambda handler on the data table's stream ({@code com.huiqi.track.NotificationPublisherFunction::handleRequest}),
 * filtered in template.yaml to outbound notifications just filed as PENDING: each is published to
 * the notifications topic and marked SENT. The key names the tenant ({@code <tenant>#OUTBOX} /
 * {@code N#<id>}); a failure fails the batch, which Lambda retries.
 */
public class NotificationPublisherFunction extends MicronautRequestHandler<DynamodbEvent, NotificationPublisherFunction.Run> {

    @Inject
    StoreFactory stores;

    @Inject
    NotificationPublisher publisher;

    /** What one batch did: published now, and already published before (a redelivered record). */
    public record Run(int published, int alreadySent) {
    }

    @Override
    public Run execute(DynamodbEvent event) {
        int published = 0;
        int alreadySent = 0;
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            String pk = record.getDynamodb().getKeys().get("pk").getS();
            String sk = record.getDynamodb().getKeys().get("sk").getS();
            String[] parts = pk.split("#");
            if (parts.length != 2 || !parts[1].equals("OUTBOX") || !sk.startsWith("N#")) {
                throw new IllegalArgumentException("not an outbound notification's key: " + pk + " / " + sk);
            }
            if (publisher.publish(stores.forTenant(TenantId.of(parts[0])), sk.substring(2))) {
                published++;
            } else {
                alreadySent++;
            }
        }
        return new Run(published, alreadySent);
    }
}
