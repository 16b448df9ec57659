package com.huiqi.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.local.Console;
import com.huiqi.local.OperatorAccount;
import com.huiqi.shared.json.Json;
import com.huiqi.shared.storage.StoreFactory;
import com.huiqi.shared.storage.TenantClients;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.tenancy.TenantId;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Seeds the demo tenants through the platform's own HTTP API, as an operator and center admins
 * would: the operator onboards each center, its admin adds departments and people, staff publish
 * the catalogue and open the enterprise user's file. Only the demo passwords are set directly in
 * Cognito (in production Cognito mails a temporary password), and the directory's 2,000 synthetic
 * enterprises per center are bulk-loaded through shared-lib (see {@link SyntheticEnterprises}).
 * Safe to run again on persisted data: what exists is left alone.
 */
public final class DemoSeed {

    private final ApiClient api;
    private static final Console LOG = new Console("demo-seed");
    private final ObjectMapper mapper = Json.newMapper();
    private final URI cognitoEndpoint;
    private final String userPoolId;
    private final URI dynamoEndpoint;

    public DemoSeed(String gatewayUrl, String cognitoEndpoint, String userPoolId, String dynamoEndpoint) {
        this.api = new ApiClient(gatewayUrl);
        this.cognitoEndpoint = URI.create(cognitoEndpoint);
        this.userPoolId = userPoolId;
        this.dynamoEndpoint = URI.create(dynamoEndpoint);
    }

    /** Seeds every demo tenant and returns the accounts created or found, for the banner. */
    public List<String> run() {
        long started = System.nanoTime();
        String operator = api.login(OperatorAccount.LOCAL.username(), OperatorAccount.LOCAL.password());
        List<String> accounts = new ArrayList<>();
        try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder()
                .endpointOverride(cognitoEndpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            // The synthetic directories need nothing from the API seeding: load them meanwhile.
            ExecutorService bulk = Executors.newSingleThreadExecutor();
            Future<?> synthetic = bulk.submit(() -> DemoData.tenants().forEach(this::seedSyntheticEnterprises));
            bulk.shutdown();
            for (DemoData.DemoTenant tenant : DemoData.tenants()) {
                seedTenant(operator, tenant, cognito);
                accounts.add(tenant.admin().username());
                tenant.people().forEach(p -> accounts.add(p.username()));
            }
            join(synthetic);
        }
        LOG.info("demo tenants seeded in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return accounts;
    }

    private void seedTenant(String operator, DemoData.DemoTenant tenant, CognitoIdentityProviderClient cognito) {
        if (api.get("/platform/tenants/" + tenant.code(), operator).status() == 404) {
            Map<String, Object> admin = new LinkedHashMap<>();
            admin.put("username", tenant.admin().username());
            admin.put("name", tenant.admin().name());
            admin.put("email", tenant.admin().username() + "@demo.huiqi.local");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", tenant.code());
            body.put("name", tenant.name());
            body.put("regionCode", tenant.regionCode());
            body.put("timeZone", "Asia/Shanghai");
            body.put("admin", admin);
            expect(api.post("/platform/tenants", operator, body), 201);
        }
        setPassword(cognito, tenant.admin().username());
        String adminToken = api.login(tenant.admin().username(), DemoData.PASSWORD);

        for (DemoData.Department d : tenant.departments()) {
            if (api.get("/departments/" + d.id(), adminToken).status() == 404) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("id", d.id());
                body.put("name", d.name());
                body.put("kind", d.kind());
                body.put("contactName", d.contactName());
                body.put("contactPhone", d.contactPhone());
                expect(api.post("/departments", adminToken, body), 201);
            }
        }
        for (DemoData.Person p : tenant.people()) {
            if (api.get("/users/" + p.username(), adminToken).status() == 404) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("username", p.username());
                body.put("name", p.name());
                body.put("email", p.username() + "@demo.huiqi.local");
                body.put("roles", p.roles());
                if (p.departmentId() != null) {
                    body.put("departmentId", p.departmentId());
                }
                if (p.enterpriseCode() != null) {
                    body.put("enterpriseCode", p.enterpriseCode());
                }
                if (p.expertise() != null) {
                    body.put("expertise", p.expertise());
                }
                expect(api.post("/users", adminToken, body), 201);
            }
            setPassword(cognito, p.username());
        }
        seedCatalogue(tenant);
        seedEnterprise(tenant);
    }

    private static void join(Future<?> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * The directory's synthetic enterprises, bulk-loaded through shared-lib as an import would load
     * them rather than by 2,000 API calls each, which would dominate the stack's start.
     */
    private void seedSyntheticEnterprises(DemoData.DemoTenant tenant) {
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(dynamoEndpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder().build()).build()) {
            TenantStore store = new StoreFactory(new TenantClients(dynamo, null, Optional.empty(), List.of()), mapper)
                    .forTenant(TenantId.of(tenant.code()));
            SyntheticEnterprises.Loaded loaded = new SyntheticEnterprises(mapper).load(store, tenant.place(),
                    tenant.districts(), DemoData.SYNTHETIC_ENTERPRISES);
            LOG.info(tenant.code() + ": " + loaded.created() + " synthetic enterprises loaded (" + loaded.items()
                    + " items), " + loaded.existing() + " already there, in " + loaded.millis() + " ms");
        }
    }

    /** The enterprise user's own file, opened by staff as a center does when an enterprise registers. */
    private void seedEnterprise(DemoData.DemoTenant tenant) {
        String staff = api.login(tenant.catalogueAuthor(), DemoData.PASSWORD);
        DemoData.DemoEnterprise e = tenant.enterprise();
        if (api.get("/enterprises/" + e.creditCode(), staff).status() == 404) {
            expect(api.post("/enterprises", staff, Map.of("creditCode", e.creditCode(), "facts", e.facts())), 201);
        }
    }

    /**
     * The demo catalogue ({@code /demo/catalogue-<tenant>.json}: the center's search synonyms, then
     * documents, varieties, items with their conditions, products and notices, in dependency order), authored by one staff member
     * and reviewed and published by another, as the lifecycle requires.
     */
    private void seedCatalogue(DemoData.DemoTenant tenant) {
        JsonNode catalogue;
        try (var in = DemoSeed.class.getResourceAsStream("/demo/catalogue-" + tenant.code() + ".json")) {
            catalogue = mapper.readTree(in);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("no demo catalogue for " + tenant.code(), e);
        }
        JsonNode entries = catalogue.get("entries");
        String author = api.login(tenant.catalogueAuthor(), DemoData.PASSWORD);
        // The center's search synonyms (高企 = 高新技术企业 ...), as its staff would set them once.
        if (api.get("/search/synonyms", author).json().get("version").asLong() == 0) {
            expect(api.put("/search/synonyms", author, Map.of("groups", catalogue.get("synonyms"), "version", 0)), 200);
        }
        String reviewer = api.login(tenant.catalogueReviewer(), DemoData.PASSWORD);
        for (JsonNode entry : entries) {
            String path = "/catalogue/" + entry.get("kind").asText() + "/" + entry.get("code").asText();
            ApiClient.Exchange current = api.get(path, author);
            if (current.status() == 404) {
                expect(api.post("/catalogue/" + entry.get("kind").asText(), author,
                        Map.of("code", entry.get("code").asText(), "content", entry.get("content"))), 201);
                current = api.get(path, author);
            }
            if ("PUBLISHED".equals(current.json().at("/entry/status").asText())) {
                continue;
            }
            long version = current.json().get("version").asLong();
            if (!"IN_REVIEW".equals(current.json().at("/entry/revision/state").asText())) {
                ApiClient.Exchange submitted = api.post(path + "/submit", author, Map.of("version", version));
                expect(submitted, 200);
                version = submitted.json().get("version").asLong();
            }
            expect(api.post(path + "/approve", reviewer, Map.of("version", version)), 200);
        }
    }

    private void setPassword(CognitoIdentityProviderClient cognito, String username) {
        cognito.adminSetUserPassword(b -> b.userPoolId(userPoolId).username(username)
                .password(DemoData.PASSWORD).permanent(true));
    }

    private static void expect(ApiClient.Exchange exchange, int status) {
        if (exchange.status() != status) {
            throw new IllegalStateException("demo seed: " + exchange.method() + " " + exchange.path() + " answered "
                    + exchange.status() + ": " + exchange.body());
        }
    }
}
