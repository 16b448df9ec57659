package com.huiqi.enterprises.imports;

import com.huiqi.shared.config.Env;
import com.huiqi.shared.storage.TenantClients;
import com.huiqi.shared.tenancy.TenantId;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The imports bucket ({@code IMPORTS_BUCKET}): each tenant's uploaded files and rejects reports
 * under {@code <tenant>/imports/}. Files are uploaded and reports downloaded by the client itself
 * with presigned URLs, since a 100,000-row file is far more than a Lambda request carries. In AWS a
 * tenant's requests, and so its URLs, are signed with its tenant credentials, whose role reaches only
 * that prefix. Clients are built on a tenant's first use, never at init (SnapStart), and cached.
 */
@Singleton
public class ImportBucket {

    /** How long an upload or download URL stays valid. */
    static final Duration URL_VALIDITY = Duration.ofMinutes(15);

    private final TenantClients tenants;
    private final SdkHttpClient http;
    private final Map<TenantId, S3Client> clients = new ConcurrentHashMap<>();
    private final Map<TenantId, S3Presigner> presigners = new ConcurrentHashMap<>();

    public ImportBucket(TenantClients tenants, SdkHttpClient http) {
        this.tenants = tenants;
        this.http = http;
    }

    URI presignPut(TenantId tenant, String key, String contentType) {
        requireOwn(tenant, key);
        return URI.create(presigner(tenant).presignPutObject(r -> r.signatureDuration(URL_VALIDITY)
                .putObjectRequest(p -> p.bucket(bucket()).key(key).contentType(contentType))).url().toString());
    }

    URI presignGet(TenantId tenant, String key) {
        requireOwn(tenant, key);
        return URI.create(presigner(tenant).presignGetObject(r -> r.signatureDuration(URL_VALIDITY)
                .getObjectRequest(g -> g.bucket(bucket()).key(key))).url().toString());
    }

    /** The object's metadata, or empty when nothing was uploaded under the key. */
    Optional<HeadObjectResponse> head(TenantId tenant, String key) {
        requireOwn(tenant, key);
        try {
            return Optional.of(client(tenant).headObject(r -> r.bucket(bucket()).key(key)));
        } catch (NoSuchKeyException absent) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    void download(TenantId tenant, String key, Path target) {
        requireOwn(tenant, key);
        client(tenant).getObject(r -> r.bucket(bucket()).key(key), ResponseTransformer.toFile(target));
    }

    void upload(TenantId tenant, String key, String contentType, Path file) {
        requireOwn(tenant, key);
        client(tenant).putObject(r -> r.bucket(bucket()).key(key).contentType(contentType), RequestBody.fromFile(file));
    }

    /** The check the tenant role makes in AWS, made here too, so the local stack (no STS) is held to it. */
    private static void requireOwn(TenantId tenant, String key) {
        if (!key.startsWith(tenant.value() + "/")) {
            throw new IllegalStateException("object key outside the tenant's prefix");
        }
    }

    private static String bucket() {
        return Env.require(Env.IMPORTS_BUCKET);
    }

    private static boolean pathStyle() {
        return Env.get(Env.S3_PATH_STYLE).map(Boolean::parseBoolean).orElse(false);
    }

    private S3Client client(TenantId tenant) {
        Optional<AwsCredentialsProvider> credentials = tenants.credentials(tenant);
        // Without tenant credentials (the local stack) every tenant shares the function's client.
        return clients.computeIfAbsent(credentials.isPresent() ? tenant : TenantId.PLATFORM, t -> {
            var builder = S3Client.builder().httpClient(http).forcePathStyle(pathStyle());
            credentials.ifPresent(builder::credentialsProvider);
            return builder.build();
        });
    }

    private S3Presigner presigner(TenantId tenant) {
        Optional<AwsCredentialsProvider> credentials = tenants.credentials(tenant);
        return presigners.computeIfAbsent(credentials.isPresent() ? tenant : TenantId.PLATFORM, t -> {
            // The presigner does not read the endpoint configuration clients do (AWS_ENDPOINT_URL_S3 and
            // its system property, the local stack's S3 server): it takes the client's.
            var builder = S3Presigner.builder()
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle()).build())
                    .credentialsProvider(credentials.orElseGet(DefaultCredentialsProvider::create));
            client(tenant).serviceClientConfiguration().endpointOverride().ifPresent(builder::endpointOverride);
            return builder.build();
        });
    }
}
