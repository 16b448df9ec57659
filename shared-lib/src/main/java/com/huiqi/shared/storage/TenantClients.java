package com.huiqi.shared.storage;

import com.huiqi.shared.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * DynamoDB clients per tenant. In AWS ({@code TENANT_ROLE_ARN} set) a tenant's client signs with
 * credentials of the tenant access role assumed with session tag {@code tenant=<id>}, whose
 * {@code dynamodb:LeadingKeys} condition confines it to keys starting {@code <id>#}: a bug in our
 * key handling still cannot cross tenants. The Enhanced Client has no per-request credentials, so
 * there is one client per tenant on the shared HTTP client, created on the tenant's first request
 * (never at init, where SnapStart would capture the credentials) and cached.
 *
 * <p>Without {@code TENANT_ROLE_ARN} (the local stack, where there is no STS) every tenant uses the
 * function's client and isolation rests on {@link TenantStore}'s key checks alone.
 *
 * <p>The same tenant credentials serve other tenant-scoped clients ({@link #credentials}): the role
 * also confines object storage to keys under {@code <id>/}.
 */
public final class TenantClients {

    public static final String TENANT_ROLE_ARN = "TENANT_ROLE_ARN";

    private final DynamoDbClient functionLowLevel;
    private final DynamoDbEnhancedClient functionClient;
    private final SdkHttpClient http;
    private final Optional<String> tenantRoleArn;
    private final List<ExecutionInterceptor> interceptors;
    private final Map<TenantId, DynamoDbClient> lowLevelByTenant = new ConcurrentHashMap<>();
    private final Map<TenantId, DynamoDbEnhancedClient> byTenant = new ConcurrentHashMap<>();
    private final Map<TenantId, AwsCredentialsProvider> credentialsByTenant = new ConcurrentHashMap<>();
    private volatile StsClient sts;

    /**
     * @param functionClient the client on the function's own credentials, built with {@code interceptors}
     * @param interceptors   what every tenant's client must also pass through (field encryption)
     */
    public TenantClients(DynamoDbClient functionClient, SdkHttpClient http, Optional<String> tenantRoleArn,
                         List<ExecutionInterceptor> interceptors) {
        this.functionLowLevel = functionClient;
        this.functionClient = DynamoClients.enhanced(functionClient);
        this.http = http;
        this.tenantRoleArn = tenantRoleArn;
        this.interceptors = List.copyOf(interceptors);
    }

    /** The client for one tenant; the platform's own partition uses the function's role. */
    public DynamoDbEnhancedClient forTenant(TenantId tenant) {
        if (tenantRoleArn.isEmpty() || tenant.equals(TenantId.PLATFORM)) {
            return functionClient;
        }
        return byTenant.computeIfAbsent(tenant, t -> DynamoClients.enhanced(lowLevel(t)));
    }

    /**
     * The plain DynamoDB client under {@link #forTenant}, on the same credentials: for the requests the
     * Enhanced Client cannot express, such as {@code ADD} updates of counters ({@link CounterBatch}).
     */
    DynamoDbClient lowLevel(TenantId tenant) {
        if (tenantRoleArn.isEmpty() || tenant.equals(TenantId.PLATFORM)) {
            return functionLowLevel;
        }
        return lowLevelByTenant.computeIfAbsent(tenant, this::scopedClient);
    }

    private DynamoDbClient scopedClient(TenantId tenant) {
        return DynamoDbClient.builder().httpClient(http)
                .credentialsProvider(credentials(tenant).orElseThrow())
                .overrideConfiguration(o -> interceptors.forEach(o::addExecutionInterceptor)).build();
    }

    /**
     * The credentials of a tenant's requests: the tenant access role assumed with session tag
     * {@code tenant=<id>}, refreshed as they expire; empty where the function's own credentials
     * serve (no {@code TENANT_ROLE_ARN}, or the platform's partition).
     */
    public Optional<AwsCredentialsProvider> credentials(TenantId tenant) {
        if (tenantRoleArn.isEmpty() || tenant.equals(TenantId.PLATFORM)) {
            return Optional.empty();
        }
        return Optional.of(credentialsByTenant.computeIfAbsent(tenant, t -> StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts())
                .refreshRequest(r -> r.roleArn(tenantRoleArn.orElseThrow())
                        .roleSessionName("tenant-" + t.value())
                        .tags(Tag.builder().key("tenant").value(t.value()).build())
                        .durationSeconds(900))
                .build()));
    }

    private StsClient sts() {
        StsClient client = sts;
        if (client == null) {
            synchronized (this) {
                if (sts == null) {
                    sts = StsClient.builder().httpClient(http).build();
                }
                client = sts;
            }
        }
        return client;
    }
}
