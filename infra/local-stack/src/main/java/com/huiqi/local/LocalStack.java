package com.huiqi.local;

import com.huiqi.local.events.Schedules;
import com.huiqi.local.events.StreamDelivery;
import com.huiqi.local.gateway.JwtAuthorizer;
import com.huiqi.local.gateway.LocalGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The whole system on one machine, in this JVM: DynamoDB Local, cognito-local, an S3 API server
 * (S3Proxy), the local API gateway that serves template.yaml's HTTP API with the real function
 * handlers, and the template's stream and schedule events delivered to the same handlers. {@link #start} returns once everything answers and is bootstrapped; callers
 * may then seed data through {@link #gatewayUrl()} or the SDK.
 *
 * <p>Only one stack runs per JVM at a time: the functions read their configuration from JVM-wide
 * system properties (see {@link FunctionEnvironment}).
 */
public final class LocalStack implements AutoCloseable {

    private static final Console LOG = new Console("local-stack");
    private static final AtomicReference<LocalStack> RUNNING = new AtomicReference<>();

    private final LocalStackConfig config;
    /** Everything to stop, most recently started first; filled from several start-up threads. */
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Milliseconds from start until each part was ready, for the start-up log line. */
    private final Map<String, Long> readyAfter = new ConcurrentHashMap<>();
    private long startedNanos;
    private Path workDir;
    private boolean temporaryWorkDir;
    private DynamoDbLocal dynamoDb;
    private CognitoLocal cognito;
    private S3ProxyServer s3;
    private Fauxqs fauxqs;
    private CognitoBootstrap.UserPool userPool;
    private String archiveBucket;
    private String mediaBucket;
    private String searchIndexBucket;
    private String importsBucket;
    private LocalGateway gateway;
    private Schedules schedules;
    private long startupMillis;

    private LocalStack(LocalStackConfig config) {
        this.config = config;
    }

    public static LocalStack start(LocalStackConfig config) {
        LocalStack stack = new LocalStack(config);
        if (!RUNNING.compareAndSet(null, stack)) {
            throw new IllegalStateException("a local stack is already running in this JVM; close it first");
        }
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        } catch (Exception e) {
            stack.close();
            throw new IllegalStateException("the local stack did not start: " + e.getMessage(), e);
        }
    }

    private void startAll() throws Exception {
        startedNanos = System.nanoTime();
        if (!Files.isRegularFile(config.templateFile())) {
            throw new IllegalStateException("no SAM template at " + config.templateFile());
        }
        temporaryWorkDir = config.dataDir() == null;
        workDir = temporaryWorkDir ? Files.createTempDirectory("huiqi-local-") : config.dataDir();
        Files.createDirectories(workDir);
        Path repoRoot = config.repoRoot();
        archiveBucket = FunctionEnvironment.archiveBucket();
        mediaBucket = FunctionEnvironment.mediaBucket();
        searchIndexBucket = FunctionEnvironment.searchIndexBucket();
        importsBucket = FunctionEnvironment.importsBucket();
        SdkHttpClient http = register(LocalClients.http());

        // The four servers are independent: each starts and is bootstrapped on a thread of its own.
        // (Not the common fork-join pool: on two cores it has a single thread.)
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            CompletableFuture<List<String>> tables = CompletableFuture.supplyAsync(unchecked(() -> {
                dynamoDb = register(DynamoDbLocal.start(repoRoot, config.persistent() ? workDir.resolve("dynamodb") : null));
                try (var client = LocalClients.dynamoDb(dynamoDb.endpoint(), http)) {
                    return ready("DynamoDB", dynamoDb.createMissingTables(client));
                }
            }), threads);
            CompletableFuture<CognitoIdentityProviderClient> cognitoReady = CompletableFuture.supplyAsync(unchecked(() -> {
                cognito = register(CognitoLocal.start(repoRoot, workDir.resolve("cognito")));
                CognitoIdentityProviderClient client = register(LocalClients.cognito(cognito.endpoint(), http));
                userPool = new CognitoBootstrap(client, CognitoSettings.fromTemplate(config.templateFile()))
                        .run(OperatorAccount.LOCAL);
                return ready("cognito-local", client);
            }), threads);
            CompletableFuture<List<String>> bucket = CompletableFuture.supplyAsync(unchecked(() -> {
                s3 = register(S3ProxyServer.start(repoRoot, workDir.resolve("s3")));
                try (var client = LocalClients.s3(s3.endpoint(), http)) {
                    List<String> created = new ArrayList<>();
                    for (String name : List.of(archiveBucket, mediaBucket, searchIndexBucket, importsBucket)) {
                        if (Buckets.ensure(client, name)) {
                            created.add(name);
                        }
                    }
                    return ready("S3Proxy", created);
                }
            }), threads);
            CompletableFuture<Fauxqs> topic = CompletableFuture.supplyAsync(unchecked(() -> {
                fauxqs = register(Fauxqs.start(repoRoot, workDir.resolve("fauxqs")));
                return ready("fauxqs", fauxqs.bootstrap(http));
            }), threads);
            // Wait for all four, failed or not, so that close() stops whatever did start.
            CompletableFuture.allOf(tables, cognitoReady, bucket, topic).exceptionally(failure -> null).join();
            List<String> createdTables = join(tables);
            CognitoIdentityProviderClient cognitoClient = join(cognitoReady);
            List<String> createdBuckets = join(bucket);
            join(topic);

            FunctionEnvironment environment = new FunctionEnvironment(userPool.userPoolId(), archiveBucket, mediaBucket,
                    searchIndexBucket, importsBucket, dynamoDb.endpoint(), cognito.endpoint(), s3.endpoint(),
                    fauxqs.endpoint(), fauxqs.topicArn(), PersonalDataKey.loadOrCreate(workDir));
            environment.apply();
            register(environment::restore);

            JwtAuthorizer authorizer = new JwtAuthorizer(issuer(), List.of(userPool.appClientId()), Clock.systemUTC());
            gateway = register(LocalGateway.start(config.gatewayPort(), repoRoot, config.templateFile(), authorizer,
                    cognitoClient, userPool.userPoolId(), userPool.appClientId()));
            // The functions' other triggers: template.yaml's stream and schedule events.
            register(StreamDelivery.start(gateway,
                    register(LocalClients.dynamoDb(dynamoDb.endpoint(), http)),
                    register(LocalClients.dynamoDbStreams(dynamoDb.endpoint(), http))));
            schedules = register(Schedules.start(gateway, Clock.systemUTC()));

            startupMillis = elapsedMillis();
            LOG.info("up in " + startupMillis + " ms (" + readyAfter.entrySet().stream().sorted(Map.Entry.comparingByValue())
                    .map(e -> e.getKey() + " " + e.getValue() + " ms").collect(Collectors.joining(", ")) + ")");
            LOG.info("gateway " + gatewayUrl() + ", DynamoDB " + dynamoEndpoint()
                    + (createdTables.isEmpty() ? "" : " (created " + String.join(", ", createdTables) + ")")
                    + ", Cognito " + cognitoEndpoint() + " pool " + userPoolId() + ", S3 " + s3Endpoint()
                    + " buckets " + archiveBucket + ", " + mediaBucket + ", " + searchIndexBucket + ", " + importsBucket
                    + (createdBuckets.isEmpty() ? "" : " (created " + String.join(", ", createdBuckets) + ")")
                    + ", SNS/SQS " + fauxqs.endpoint() + " (notifications recorded in " + fauxqs.recordingQueueUrl() + ")"
                    + (config.persistent() ? ", data in " + workDir : ", in memory"));
        } finally {
            threads.shutdown();
        }
        if (config.printBanner()) {
            printBanner();
        }
    }

    /** How to call the stack: URL, the operator login and a curl example. */
    public void printBanner() {
        System.out.println(Banner.text(this));
    }

    /** The API's base URL, e.g. {@code http://localhost:8080}, without a trailing slash. */
    public String gatewayUrl() {
        return gateway.url().toString();
    }

    public String dynamoEndpoint() {
        return dynamoDb.endpoint().toString();
    }

    public String cognitoEndpoint() {
        return cognito.endpoint().toString();
    }

    public String s3Endpoint() {
        return s3.endpoint().toString();
    }

    /** SNS and SQS (fauxqs). */
    public String sqsEndpoint() {
        return fauxqs.endpoint().toString();
    }

    /** The queue that records every outbound notification published to the notifications topic. */
    public String recordedNotificationsQueueUrl() {
        return fauxqs.recordingQueueUrl();
    }

    public String userPoolId() {
        return userPool.userPoolId();
    }

    public String appClientId() {
        return userPool.appClientId();
    }

    /** The {@code iss} of the tokens the gateway accepts: {@code http://localhost:<port>/<userPoolId>}. */
    public String issuer() {
        return cognito.issuer(userPool.userPoolId());
    }

    /** The template's schedules, to run one now rather than wait for its rate. */
    /** Invokes a function of the template with any event, as its stream and schedule events do: for redelivery tests. */
    public String invoke(String function, String eventJson) throws Exception {
        return gateway.invoke(function, eventJson, java.util.UUID.randomUUID().toString());
    }

    public Schedules schedules() {
        return schedules;
    }

    public String archiveBucket() {
        return archiveBucket;
    }

    public String mediaBucket() {
        return mediaBucket;
    }

    public String importsBucket() {
        return importsBucket;
    }

    public OperatorAccount operator() {
        return OperatorAccount.LOCAL;
    }

    public LocalStackConfig config() {
        return config;
    }

    /** Milliseconds from {@link #start} until everything answered. */
    public long startupMillis() {
        return startupMillis;
    }

    /** The folder of the child processes' logs and data (a temporary one without a data dir). */
    public Path workDir() {
        return workDir;
    }

    /** Stops the gateway, the child processes and DynamoDB Local; safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        while (true) {
            AutoCloseable resource;
            synchronized (resources) {
                resource = resources.poll();
            }
            if (resource == null) {
                break;
            }
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("while stopping: " + e);
            }
        }
        if (temporaryWorkDir && workDir != null) {
            deleteRecursively(workDir);
        }
        RUNNING.compareAndSet(this, null);
    }

    /** Remembers a started part for {@link #close}, even if another part fails to start. */
    private <T extends AutoCloseable> T register(T resource) {
        synchronized (resources) {
            resources.push(resource);
        }
        return resource;
    }

    private <T> T ready(String part, T result) {
        readyAfter.put(part, elapsedMillis());
        return result;
    }

    private long elapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() instanceof CompletionException inner ? inner.getCause() : e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("the local stack did not start: " + cause.getMessage(), cause);
        }
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private static <T> java.util.function.Supplier<T> unchecked(Step<T> step) {
        return () -> {
            try {
                return step.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        };
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
