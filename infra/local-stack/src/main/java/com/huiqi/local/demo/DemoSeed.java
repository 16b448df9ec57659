package com.huiqi.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.local.OperatorAccount;
import com.huiqi.shared.json.Json;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Seeds the demo tenants through the platform's own HTTP API, as an operator and center admins
 * would: the operator onboards each center, its admin adds departments and people. Only the
 * demo passwords are set directly in Cognito (in production Cognito mails a temporary password).
 * Safe to run again on persisted data: what exists is left alone.
 */
public final class DemoSeed {

    private final ApiClient api;
    private final ObjectMapper mapper = Json.newMapper();
    private final URI cognitoEndpoint;
    private final String userPoolId;

    public DemoSeed(String gatewayUrl, String cognitoEndpoint, String userPoolId) {
        this.api = new ApiClient(gatewayUrl);
        this.cognitoEndpoint = URI.create(cognitoEndpoint);
        this.userPoolId = userPoolId;
    }

    /** Seeds every demo tenant and returns the accounts created or found, for the banner. */
    public List<String> run() {
        String operator = api.login(OperatorAccount.LOCAL.username(), OperatorAccount.LOCAL.password());
        List<String> accounts = new ArrayList<>();
        try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder()
                .endpointOverride(cognitoEndpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            for (DemoData.DemoTenant tenant : DemoData.tenants()) {
                seedTenant(operator, tenant, cognito);
                accounts.add(tenant.admin().username());
                tenant.people().forEach(p -> accounts.add(p.username()));
            }
        }
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
