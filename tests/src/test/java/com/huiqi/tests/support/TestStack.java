package com.huiqi.tests.support;

import com.huiqi.local.LocalStack;
import com.huiqi.local.LocalStackConfig;
import com.huiqi.local.demo.ApiClient;
import com.huiqi.local.demo.ApiClient.Exchange;
import com.huiqi.local.demo.DemoData;
import com.huiqi.local.demo.DemoSeed;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local stack, started once for the whole suite (the first test to ask starts it; a shutdown
 * hook stops it), seeded with the demo tenants through the API. Every call made through
 * {@link #call} is checked against frontend-contract/openapi.yaml, so each test also proves the
 * contract.
 */
public final class TestStack {

    private static volatile TestStack instance;

    private final LocalStack stack;
    private final ApiClient client;
    private final OpenApiContract contract;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private TestStack(Path repoRoot) {
        stack = LocalStack.start(LocalStackConfig.forTests(repoRoot));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        client = new ApiClient(stack.gatewayUrl());
        new DemoSeed(stack.gatewayUrl(), stack.cognitoEndpoint(), stack.userPoolId(), stack.dynamoEndpoint()).run();
        contract = new OpenApiContract(repoRoot.resolve("frontend-contract/openapi.yaml"));
    }

    public static TestStack get() {
        if (instance == null) {
            synchronized (TestStack.class) {
                if (instance == null) {
                    instance = new TestStack(repoRoot());
                }
            }
        }
        return instance;
    }

    /** The checkout: the nearest directory upwards that holds template.yaml. */
    public static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (java.nio.file.Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no template.yaml above " + Path.of("").toAbsolutePath());
    }

    public LocalStack stack() {
        return stack;
    }

    public OpenApiContract contract() {
        return contract;
    }

    /** An ID token for a demo account (cached; tokens live an hour). */
    public String token(String username) {
        return tokens.computeIfAbsent(username, u -> client.login(u, passwordOf(u)));
    }

    public void forgetToken(String username) {
        tokens.remove(username);
    }

    private static String passwordOf(String username) {
        return "operator".equals(username) ? com.huiqi.local.OperatorAccount.LOCAL.password() : DemoData.PASSWORD;
    }

    public ApiClient rawClient() {
        return client;
    }

    /** Sends a request and fails the test if the answer breaks the contract. */
    public Exchange call(String method, String path, String token, Object body) {
        return checked(client.send(method, path, token, body));
    }

    public Exchange callRaw(String method, String path, String token, String body, String contentType) {
        return checked(client.sendRaw(method, path, token, body, contentType));
    }

    /** Sends bytes with their content type, such as an image upload. */
    public Exchange callBytes(String method, String path, String token, byte[] body, String contentType) {
        return checked(client.sendBytes(method, path, token, body, contentType));
    }

    /**
     * GETs an answer that may be binary, such as a spreadsheet: the exchange is checked against the
     * contract and keeps the bytes exactly as sent ({@link Exchange#bytes()}); a problem answer comes
     * back as JSON, as from {@link #call}.
     */
    public Exchange download(String path, String token) {
        return call("GET", path, token, null);
    }

    private Exchange checked(Exchange e) {
        List<String> violations = contract.violations(e);
        if (!violations.isEmpty()) {
            throw new AssertionError("contract violated:\n  " + String.join("\n  ", violations));
        }
        return e;
    }

    public DynamoDbClient dynamo() {
        return DynamoDbClient.builder().endpointOverride(URI.create(stack.dynamoEndpoint()))
                .region(Region.US_EAST_1).credentialsProvider(localCredentials()).build();
    }

    public CognitoIdentityProviderClient cognito() {
        return CognitoIdentityProviderClient.builder().endpointOverride(URI.create(stack.cognitoEndpoint()))
                .region(Region.US_EAST_1).credentialsProvider(localCredentials()).build();
    }

    public S3Client s3() {
        return S3Client.builder().endpointOverride(URI.create(stack.s3Endpoint())).forcePathStyle(true)
                .region(Region.US_EAST_1).credentialsProvider(localCredentials()).build();
    }

    /** SQS on the stack's fauxqs, where the queue recording outbound notifications is. */
    public SqsClient sqs() {
        return SqsClient.builder().endpointOverride(URI.create(stack.sqsEndpoint()))
                .region(Region.US_EAST_1).credentialsProvider(localCredentials()).build();
    }

    private static StaticCredentialsProvider localCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }
}
