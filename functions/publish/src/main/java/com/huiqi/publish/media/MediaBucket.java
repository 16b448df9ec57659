package com.huiqi.publish.media;

import com.huiqi.shared.config.Env;
import com.huiqi.shared.storage.TenantClients;
import com.huiqi.shared.tenancy.TenantId;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The media bucket ({@code MEDIA_BUCKET}), where each tenant's objects sit under {@code <tenant>/}.
 * In AWS a tenant's requests sign with its tenant credentials ({@link TenantClients#credentials}),
 * whose role allows object reads and writes only under that prefix, so a key of another tenant is
 * refused by S3 itself. Clients are built on a tenant's first request, never at init, where SnapStart
 * would capture credentials, and cached.
 */
@Singleton
public class MediaBucket {

    private final TenantClients tenants;
    private final SdkHttpClient http;
    private final Map<TenantId, S3Client> clients = new ConcurrentHashMap<>();

    public MediaBucket(TenantClients tenants, SdkHttpClient http) {
        this.tenants = tenants;
        this.http = http;
    }

    public void put(TenantId tenant, String key, String contentType, byte[] bytes) {
        requireOwn(tenant, key);
        client(tenant).putObject(r -> r.bucket(bucket()).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    }

    public byte[] get(TenantId tenant, String key) {
        requireOwn(tenant, key);
        return client(tenant).getObjectAsBytes(r -> r.bucket(bucket()).key(key)).asByteArray();
    }

    /** The check the tenant role makes in AWS, made here too, so the local stack (no STS) is held to it. */
    private static void requireOwn(TenantId tenant, String key) {
        if (!key.startsWith(tenant.value() + "/")) {
            throw new IllegalStateException("object key outside the tenant's prefix");
        }
    }

    private static String bucket() {
        return Env.require(Env.MEDIA_BUCKET);
    }

    private S3Client client(TenantId tenant) {
        Optional<AwsCredentialsProvider> credentials = tenants.credentials(tenant);
        // Without tenant credentials (the local stack) every tenant shares the function's client.
        return clients.computeIfAbsent(credentials.isPresent() ? tenant : TenantId.PLATFORM, t -> {
            var builder = S3Client.builder().httpClient(http)
                    .forcePathStyle(Env.get(Env.S3_PATH_STYLE).map(Boolean::parseBoolean).orElse(false));
            credentials.ifPresent(builder::credentialsProvider);
            return builder.build();
        });
    }
}
