package com.huiqi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.local.support.FixtureFunctions;
import com.huiqi.local.support.Http;
import com.huiqi.shared.identity.Role;
import com.huiqi.shared.storage.TableDefinition;
import com.huiqi.shared.storage.Tables;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Starts the whole stack in memory, with the test template (the fixture functions plus the real
 * TenantsFunction routes), and checks it end to end as a client would see it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStackIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    private LocalStack stack;
    private String base;

    @BeforeAll
    void start() throws Exception {
        Path codeUri = FixtureFunctions.build(temp);
        Path template = FixtureFunctions.template(temp, codeUri);
        stack = LocalStack.start(LocalStackConfig.forTests(FixtureFunctions.repoRoot()).withTemplate(template));
        base = stack.gatewayUrl();
        System.out.println("local stack started in " + stack.startupMillis() + " ms");
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
            stack.close(); // idempotent
        }
    }

    // ---- bootstrap ------------------------------------------------------------------------------

    @Test
    void everyTableExists() {
        try (DynamoDbClient dynamo = DynamoDbClient.create()) { // endpoint from aws.endpointUrlDynamoDb
            Set<String> tables = Set.copyOf(dynamo.listTables().tableNames());
            for (TableDefinition table : Tables.all()) {
                assertTrue(tables.contains(table.tableName()), table.tableName() + " in " + tables);
            }
        }
    }

    @Test
    void cognitoHasThePoolClientGroupsAndOperator() {
        try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.create()) {
            assertEquals(CognitoBootstrap.POOL_NAME,
                    cognito.describeUserPool(r -> r.userPoolId(stack.userPoolId())).userPool().name());
            Set<String> groups = cognito.listGroups(r -> r.userPoolId(stack.userPoolId())).groups().stream()
                    .map(g -> g.groupName()).collect(Collectors.toSet());
            for (Role role : Role.values()) {
                assertTrue(groups.contains(role.group()), role.group());
            }
            var operatorGroups = cognito.adminListGroupsForUser(r -> r.userPoolId(stack.userPoolId())
                    .username(OperatorAccount.LOCAL.username())).groups();
            assertEquals(List.of(Role.PLATFORM_OPERATOR.group()), operatorGroups.stream().map(g -> g.groupName()).toList());
        }
    }

    /**
     * The functions build clients without endpointOverride; these are the same calls, proving the
     * SDK picks the local endpoints up from the system properties the stack sets.
     */
    @Test
    void sdkClientsWithoutEndpointOverrideReachTheLocalServers() {
        assertEquals(stack.dynamoEndpoint(), System.getProperty("aws.endpointUrlDynamoDb"));
        assertEquals(stack.cognitoEndpoint(), System.getProperty("aws.endpointUrlCognitoIdentityProvider"));
        assertEquals(stack.s3Endpoint(), System.getProperty("aws.endpointUrlS3"));
        assertEquals(stack.userPoolId(), System.getProperty("USER_POOL_ID"));
        try (S3Client s3 = S3Client.create()) {
            s3.putObject(r -> r.bucket(stack.archiveBucket()).key("exports/t1/report.txt"),
                    RequestBody.fromString("归档 archive"));
            String back = s3.getObjectAsBytes(r -> r.bucket(stack.archiveBucket()).key("exports/t1/report.txt"))
                    .asUtf8String();
            assertEquals("归档 archive", back);
        }
    }

    // ---- local login ----------------------------------------------------------------------------

    @Test
    void operatorLogsInAndTheIdTokenCarriesGroups() throws Exception {
        JsonNode tokens = login(OperatorAccount.LOCAL.username(), OperatorAccount.LOCAL.password());
        assertNotNull(tokens.get("accessToken"));
        assertNotNull(tokens.get("refreshToken"));
        assertTrue(tokens.get("expiresIn").asInt() > 3500 && tokens.get("expiresIn").asInt() <= 3600, tokens.toString());
        JWTClaimsSet claims = SignedJWT.parse(tokens.get("idToken").asText()).getJWTClaimsSet();
        assertEquals(stack.issuer(), claims.getIssuer());
        assertEquals("http://localhost:" + java.net.URI.create(stack.cognitoEndpoint()).getPort() + "/"
                + stack.userPoolId(), claims.getIssuer());
        assertEquals(List.of(stack.appClientId()), claims.getAudience());
        assertEquals(List.of("platform-operator"), claims.getStringListClaim("cognito:groups"));
        // An hour, as Cognito's default, not cognito-local's 24 hours.
        assertEquals(3600, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
    }

    @Test
    void wrongPasswordIs401InChineseAndEnglish() throws Exception {
        HttpResponse<String> response = Http.send(Http.postJson(base + "/local/login",
                "{\"username\":\"operator\",\"password\":\"wrong-Password-1\"}"));
        assertEquals(401, response.statusCode());
        JsonNode problem = JSON.readTree(response.body());
        assertEquals("INVALID_CREDENTIALS", problem.get("code").asText());
        assertEquals("用户名或密码错误", problem.get("message").get("zh").asText());
        assertEquals("Incorrect username or password", problem.get("message").get("en").asText());
    }

    @Test
    void temporaryPasswordLeadsThroughNewPasswordRequired() throws Exception {
        try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.create()) {
            cognito.adminCreateUser(r -> r.userPoolId(stack.userPoolId()).username("first-login")
                    .temporaryPassword("Temp-Pass-123").messageAction(MessageActionType.SUPPRESS));
        }
        HttpResponse<String> challenge = Http.send(Http.postJson(base + "/local/login",
                "{\"username\":\"first-login\",\"password\":\"Temp-Pass-123\"}"));
        assertEquals(409, challenge.statusCode(), challenge.body());
        JsonNode body = JSON.readTree(challenge.body());
        assertEquals("NEW_PASSWORD_REQUIRED", body.get("challenge").asText());
        HttpResponse<String> answered = Http.send(Http.postJson(base + "/local/new-password",
                "{\"username\":\"first-login\",\"session\":\"" + body.get("session").asText()
                        + "\",\"newPassword\":\"New-Pass-456\"}"));
        assertEquals(200, answered.statusCode(), answered.body());
        assertNotNull(JSON.readTree(answered.body()).get("idToken"));
        assertNotNull(login("first-login", "New-Pass-456").get("idToken"));
    }

    @Test
    void disabledUserCannotLogIn() {
        try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.create()) {
            cognito.adminCreateUser(r -> r.userPoolId(stack.userPoolId()).username("leaver")
                    .messageAction(MessageActionType.SUPPRESS));
            cognito.adminSetUserPassword(r -> r.userPoolId(stack.userPoolId()).username("leaver")
                    .password("Leaver-Pass-1").permanent(true));
            cognito.adminDisableUser(r -> r.userPoolId(stack.userPoolId()).username("leaver"));
        }
        HttpResponse<String> response = Http.send(Http.postJson(base + "/local/login",
                "{\"username\":\"leaver\",\"password\":\"Leaver-Pass-1\"}"));
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.body().contains("USER_DISABLED"), response.body());
    }

    @Test
    void healthAnswers() {
        assertEquals(200, Http.send(Http.get(base + "/local/health")).statusCode());
    }

    // ---- the JWT authorizer ---------------------------------------------------------------------

    @Test
    void noTokenIs401() {
        assertUnauthorized(Http.send(Http.get(base + "/echo/x")));
    }

    @Test
    void garbageTokenIs401() {
        assertUnauthorized(Http.send(Http.get(base + "/echo/x").header("Authorization", "Bearer not.a.jwt")));
        assertUnauthorized(Http.send(Http.get(base + "/echo/x").header("Authorization", "Bearer ")));
    }

    @Test
    void expiredTokenIs401() throws Exception {
        Instant past = Instant.now().minusSeconds(3600);
        String expired = sign(cognitoLocalKey(), validClaims().issueTime(Date.from(past.minusSeconds(60)))
                .expirationTime(Date.from(past)).build());
        assertUnauthorized(call("/echo/x", expired));
    }

    @Test
    void tokenSignedByAnotherKeyIs401() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(cognitoLocalKey().getKeyID()).generate();
        assertUnauthorized(call("/echo/x", sign(stranger, validClaims().build())));
    }

    @Test
    void tokenForAnotherIssuerOrAudienceIs401() throws Exception {
        RSAKey key = cognitoLocalKey();
        assertUnauthorized(call("/echo/x", sign(key, validClaims().issuer(stack.issuer() + "x").build())));
        assertUnauthorized(call("/echo/x", sign(key, validClaims().audience("another-client").build())));
        assertUnauthorized(call("/echo/x", sign(key, validClaims()
                .notBeforeTime(Date.from(Instant.now().plusSeconds(600))).build())));
    }

    /** The control for the three above: the same key and claims, only valid, pass. */
    @Test
    void wellFormedTokenFromTheIssuersKeyPasses() throws Exception {
        assertEquals(200, call("/echo/x", sign(cognitoLocalKey(), validClaims().build())).statusCode());
        // Access tokens have no aud; API Gateway then checks client_id.
        JWTClaimsSet access = validClaims().audience((String) null).claim("client_id", stack.appClientId())
                .claim("token_use", "access").claim("scope", "aws.cognito.signin.user.admin").build();
        assertEquals(200, call("/echo/x", sign(cognitoLocalKey(), access)).statusCode());
    }

    // ---- the event and the response -------------------------------------------------------------

    @Test
    void validTokenReachesTheHandlerWithAnApiGatewayV2Event() throws Exception {
        String idToken = tenantUserToken();
        HttpResponse<String> response = Http.send(Http.get(base + "/echo/a/b%20c?x=1&x=2&y=%E4%B8%AD")
                .header("Authorization", "Bearer " + idToken)
                .header("X-Multi", "one").header("Cookie", "s=1; t=2"));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("yes", response.headers().firstValue("x-echo").orElseThrow());
        assertEquals(List.of("a=1; Path=/", "b=2"), response.headers().allValues("set-cookie"));
        JsonNode echo = JSON.readTree(response.body());
        assertEquals("2.0", echo.get("version").asText());
        assertEquals("ANY /echo/{proxy+}", echo.get("routeKey").asText());
        assertEquals("/echo/a/b%20c", echo.get("rawPath").asText());
        assertEquals("x=1&x=2&y=%E4%B8%AD", echo.get("rawQueryString").asText());
        assertEquals("1,2", echo.get("queryStringParameters").get("x").asText());
        assertEquals("中", echo.get("queryStringParameters").get("y").asText());
        assertEquals("a/b c", echo.get("pathParameters").get("proxy").asText());
        assertEquals("one", echo.get("headers").get("x-multi").asText());
        assertFalse(echo.get("headers").has("cookie"));
        assertEquals("[\"s=1\",\"t=2\"]", echo.get("cookies").toString());
        assertEquals("GET", echo.get("method").asText());
        assertEquals("$default", echo.get("stage").asText());
        assertEquals(response.headers().firstValue("apigw-requestid").orElseThrow(), echo.get("requestId").asText());
        assertEquals(echo.get("requestId").asText(), echo.get("awsRequestId").asText());
        JsonNode claims = echo.get("claims");
        assertEquals("[center-admin staff]", claims.get("cognito:groups").asText());
        assertEquals("sip", claims.get("custom:tenant_id").asText());
        assertEquals("91320594MA1MXXXXXX", claims.get("custom:enterprise_code").asText());
        assertTrue(claims.get("exp").asText().matches("\\d+"), claims.toString());
        assertEquals("EchoFunction", echo.get("functionName").asText());
        assertEquals(512, echo.get("memoryLimitInMB").asInt()); // from Globals
        assertTrue(echo.get("remainingTimeInMillis").asInt() > 4000); // Timeout: 5
        // Loaded like a deployed function: its own class loader, nothing of the gateway visible.
        assertEquals("lambda:EchoFunction", echo.get("classLoader").asText());
        assertFalse(echo.get("seesGatewayClasses").asBoolean());
        assertFalse(echo.get("seesSharedLib").asBoolean());
    }

    @Test
    void routeWithoutAuthorizerNeedsNoTokenAndGetsNoClaims() throws Exception {
        HttpResponse<String> response = Http.send(Http.get(base + "/public/ping"));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode echo = JSON.readTree(response.body());
        assertEquals("GET /public/ping", echo.get("routeKey").asText());
        assertTrue(echo.get("claims").isNull());
    }

    @Test
    void jsonBodyArrivesAsTextAndBinaryAsBase64() throws Exception {
        String token = tenantUserToken();
        JsonNode text = JSON.readTree(Http.send(Http.postJson(base + "/echo/created", "{\"名称\":\"x\"}")
                .header("Authorization", "Bearer " + token)).body());
        assertEquals("{\"名称\":\"x\"}", text.get("body").asText());
        assertFalse(text.get("isBase64Encoded").asBoolean());

        HttpResponse<String> raw = Http.send(HttpRequest.newBuilder(java.net.URI.create(base + "/raw/42"))
                .header("Authorization", "Bearer " + token).header("content-type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})));
        assertEquals(200, raw.statusCode(), raw.body()); // no statusCode in the output: 200, body as is
        JsonNode event = JSON.readTree(raw.body());
        assertEquals("AQID", event.get("body").asText());
        assertTrue(event.get("isBase64Encoded").asBoolean());
        assertEquals("42", event.get("pathParameters").get("id").asText());
        assertEquals("POST /raw/{id}", event.get("routeKey").asText());
    }

    @Test
    void statusAndBase64ResponsesComeBackDecoded() {
        String token = tenantUserToken();
        assertEquals(201, call("/echo/created", token).statusCode());
        HttpResponse<byte[]> binary = Http.sendForBytes(Http.get(base + "/echo/binary")
                .header("Authorization", "Bearer " + token));
        assertEquals(200, binary.statusCode());
        assertEquals("[0, 1, 2, -1]", java.util.Arrays.toString(binary.body()));
    }

    @Test
    void unknownRouteIs404AndHandlerFailureIs500() {
        HttpResponse<String> notFound = Http.send(Http.get(base + "/no/such/route"));
        assertEquals(404, notFound.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", notFound.body());
        HttpResponse<String> wrongMethod = Http.send(Http.postJson(base + "/public/ping", "{}"));
        assertEquals(404, wrongMethod.statusCode());
        HttpResponse<String> failed = call("/echo/boom", tenantUserToken());
        assertEquals(500, failed.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", failed.body());
    }

    @Test
    void corsPreflightIsAnsweredAndResponsesCarryCorsHeaders() {
        HttpResponse<String> preflight = Http.send(HttpRequest.newBuilder(java.net.URI.create(base + "/echo/x"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization"));
        assertEquals(204, preflight.statusCode());
        assertEquals("http://localhost:5173", preflight.headers().firstValue("access-control-allow-origin").orElseThrow());
        assertEquals("GET,POST,OPTIONS", preflight.headers().firstValue("access-control-allow-methods").orElseThrow());
        assertEquals("600", preflight.headers().firstValue("access-control-max-age").orElseThrow());
        HttpResponse<String> allowed = Http.send(Http.get(base + "/public/ping").header("Origin", "http://localhost:5173"));
        assertEquals("http://localhost:5173", allowed.headers().firstValue("access-control-allow-origin").orElseThrow());
        HttpResponse<String> other = Http.send(Http.get(base + "/public/ping").header("Origin", "https://evil.example"));
        assertTrue(other.headers().firstValue("access-control-allow-origin").isEmpty());
    }

    @Test
    void poolHasTheTemplatesCustomAttributes() {
        try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.create()) {
            Set<String> attributes = cognito.describeUserPool(r -> r.userPoolId(stack.userPoolId())).userPool()
                    .schemaAttributes().stream().map(a -> a.name()).collect(Collectors.toSet());
            assertTrue(attributes.containsAll(Set.of("custom:tenant_id", "custom:enterprise_code",
                    "custom:department_id")), attributes.toString());
        }
    }

    /** The real tenants function, when it has been built (mvn install); skipped otherwise. */
    @Test
    void operatorReachesTheRealTenantsFunction() throws Exception {
        Path lib = FixtureFunctions.repoRoot().resolve("functions/tenants/target/lambda/lib");
        assumeTrue(Files.isDirectory(lib), "functions/tenants is not built");
        String token = login(OperatorAccount.LOCAL.username(), OperatorAccount.LOCAL.password()).get("idToken").asText();
        HttpResponse<String> me = call("/me", token);
        assertEquals(200, me.statusCode(), me.body());
        assertUnauthorized(Http.send(Http.get(base + "/me")));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private JsonNode login(String username, String password) throws Exception {
        HttpResponse<String> response = Http.send(Http.postJson(base + "/local/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private String tenantUserToken;

    /** A tenant user with custom attributes and two groups, logged in through cognito-local. */
    private synchronized String tenantUserToken() {
        if (tenantUserToken == null) {
            try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.create()) {
                String pool = stack.userPoolId();
                cognito.adminCreateUser(r -> r.userPoolId(pool).username("sip-staff")
                        .messageAction(MessageActionType.SUPPRESS)
                        .userAttributes(AttributeType.builder().name("custom:tenant_id").value("sip").build(),
                                AttributeType.builder().name("custom:enterprise_code").value("91320594MA1MXXXXXX")
                                        .build()));
                cognito.adminSetUserPassword(r -> r.userPoolId(pool).username("sip-staff").password("Staff-Pass-1")
                        .permanent(true));
                cognito.adminAddUserToGroup(r -> r.userPoolId(pool).username("sip-staff").groupName("center-admin"));
                cognito.adminAddUserToGroup(r -> r.userPoolId(pool).username("sip-staff").groupName("staff"));
                tenantUserToken = login("sip-staff", "Staff-Pass-1").get("idToken").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return tenantUserToken;
    }

    private HttpResponse<String> call(String path, String token) {
        return Http.send(Http.get(base + path).header("Authorization", "Bearer " + token));
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("{\"message\":\"Unauthorized\"}", response.body());
    }

    private JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(stack.issuer())
                .audience(stack.appClientId())
                .subject("3f1e2d4c-0000-4000-8000-000000000001")
                .claim("token_use", "id")
                .claim("cognito:groups", List.of("platform-operator"))
                .issueTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(600)));
    }

    /** cognito-local signs every token with the key it ships; tests may use it to forge exact claims. */
    private static RSAKey cognitoLocalKey() throws Exception {
        Path file = FixtureFunctions.repoRoot()
                .resolve("infra/cognito-local/node_modules/cognito-local/lib/keys/cognitoLocal.private.json");
        JsonNode jwk = JSON.readTree(Files.readString(file)).get("jwk");
        RSAKey key = RSAKey.parse(jwk.toString());
        return key.getKeyID() != null ? key : new RSAKey.Builder(key).keyID("CognitoLocal").build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
