package com.huiqi.local.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.local.Console;
import com.huiqi.shared.json.Json;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The HTTP API of template.yaml on a loopback port: it matches the route, runs the Cognito JWT
 * authorizer, builds the payload 2.0 event, invokes the function's real handler and writes its
 * response, answering {@code {"message":"Not Found"}}, {@code {"message":"Unauthorized"}} and
 * {@code {"message":"Internal Server Error"}} where API Gateway would.
 */
public final class LocalGateway implements AutoCloseable {

    private static final Console LOG = new Console("gateway");
    /** Enough for local load tests on two cores; a request mostly waits on DynamoDB Local. */
    private static final int THREADS = 32;
    /**
     * The JDK server writes a response's headers and its body as two TCP segments; with Nagle's
     * algorithm on (its default) the body waits for the client's delayed ACK of the headers, 40 ms
     * on Linux loopback, which API Gateway does not add. Read once, when the first server starts.
     */
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService executor;
    private final SamTemplate template;
    private final RouteMatcher matcher;
    private final Map<String, LambdaFunction> functions = new LinkedHashMap<>();
    private final JwtAuthorizer authorizer;
    private final LocalLogin login;
    private final ApiGatewayV2Event events;
    private final LambdaResponses responses;
    private final Clock clock;
    /** Local-only endpoints under /local/ besides the login, by path prefix (see {@link #addLocalEndpoint}). */
    private final Map<String, java.util.function.Function<GatewayRequest, GatewayResponse>> localEndpoints =
            new java.util.concurrent.ConcurrentHashMap<>();

    private LocalGateway(HttpServer server, ExecutorService executor, SamTemplate template, Path repoRoot,
                         JwtAuthorizer authorizer, LocalLogin login, ObjectMapper json, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.template = template;
        this.matcher = new RouteMatcher(template.routes());
        template.functions().forEach(spec -> functions.put(spec.name(), new LambdaFunction(spec, repoRoot)));
        this.authorizer = authorizer;
        this.login = login;
        this.events = new ApiGatewayV2Event(json);
        this.responses = new LambdaResponses(json);
        this.clock = clock;
    }

    /**
     * @param port        0 for a free port
     * @param cognito     used by the /local/ login endpoints
     * @param userPoolId  the pool the login signs users in to
     * @param appClientId the audience the authorizer accepts, and the client the login uses
     */
    public static LocalGateway start(int port, Path repoRoot, Path templateFile, JwtAuthorizer authorizer,
                                     CognitoIdentityProviderClient cognito, String userPoolId, String appClientId)
            throws IOException {
        SamTemplate template = SamTemplate.read(templateFile);
        ObjectMapper json = Json.newMapper();
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        LocalGateway gateway = new LocalGateway(server, executor, template, repoRoot, authorizer,
                new LocalLogin(cognito, userPoolId, appClientId, json), json, Clock.systemUTC());
        server.createContext("/", gateway::handle);
        server.setExecutor(executor);
        server.start();
        LOG.info(template.routes().size() + " routes of " + template.functions().size() + " functions from "
                + templateFile);
        return gateway;
    }

    public URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** The routes read from template.yaml. */
    public List<HttpApiRoute> routes() {
        return template.routes();
    }

    /** The template the gateway serves, with the functions' other event sources. */
    public SamTemplate template() {
        return template;
    }

    /**
     * Invokes a function of the template with any event, as its event sources do (schedules,
     * streams), on the same loaded instance that serves its HTTP routes.
     */
    public String invoke(String function, String eventJson, String requestId) throws Exception {
        LambdaFunction target = functions.get(function);
        if (target == null) {
            throw new IllegalArgumentException("no function " + function + " in the template");
        }
        return target.invoke(eventJson, requestId);
    }

    /**
     * Serves a local-only endpoint (never deployed) at {@code /local/<name>/...}, such as running a
     * schedule now. Like the login, it needs no token: the gateway listens on loopback only.
     */
    public void addLocalEndpoint(String name, java.util.function.Function<GatewayRequest, GatewayResponse> endpoint) {
        localEndpoints.put(LocalLogin.PREFIX + name + "/", endpoint);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        functions.values().forEach(LambdaFunction::unload);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        GatewayResponse response;
        try {
            response = route(read(exchange), requestId);
        } catch (Exception e) {
            LOG.error("request " + requestId + " failed in the gateway itself", e);
            response = GatewayResponse.message(500, "Internal Server Error");
        }
        response.headers().put("apigw-requestid", List.of(requestId));
        write(exchange, response);
    }

    GatewayResponse route(GatewayRequest request, String requestId) {
        Optional<CorsConfiguration> cors = template.cors();
        if (cors.isPresent() && CorsConfiguration.isPreflight(request)) {
            return cors.get().preflight(request);
        }
        GatewayResponse response;
        if (request.rawPath().startsWith(LocalLogin.PREFIX)) {
            response = localEndpoints.entrySet().stream().filter(e -> request.rawPath().startsWith(e.getKey()))
                    .findFirst().map(e -> e.getValue().apply(request)).orElseGet(() -> login.handle(request));
        } else {
            response = callFunction(request, requestId);
        }
        cors.ifPresent(c -> c.decorate(request, response));
        return response;
    }

    /** Route, authorizer, event, handler, response: the path of every request that is not /local/. */
    private GatewayResponse callFunction(GatewayRequest request, String requestId) {
        Optional<RouteMatcher.Match> match = matcher.match(request.method(), request.rawPath());
        if (match.isEmpty()) {
            return GatewayResponse.message(404, "Not Found");
        }
        HttpApiRoute route = match.get().route();
        Map<String, String> claims = null;
        List<String> scopes = null;
        if (route.authorized()) {
            Optional<JWTClaimsSet> verified = authorizer.authorize(request.header("authorization"));
            if (verified.isEmpty()) {
                return GatewayResponse.unauthorized();
            }
            claims = AuthorizerClaims.flatten(verified.get());
            scopes = AuthorizerClaims.scopes(verified.get());
        }
        LambdaFunction function = functions.get(route.function());
        String event = events.build(request, match.get(), claims, scopes, requestId, Instant.now(clock)).toString();
        String output;
        try {
            output = function.invoke(event, requestId);
        } catch (Exception e) {
            // Lambda reports an unhandled exception as a function error; API Gateway answers 500.
            LOG.error(route.routeKey() + " -> " + function.spec().name() + " threw (request " + requestId + ")", e);
            return GatewayResponse.message(500, "Internal Server Error");
        }
        try {
            return responses.toHttp(output);
        } catch (Exception e) {
            LOG.error(function.spec().name() + " returned a response API Gateway cannot read: " + output, e);
            return GatewayResponse.message(500, "Internal Server Error");
        }
    }

    private static GatewayRequest read(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        URI uri = exchange.getRequestURI();
        return new GatewayRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                exchange.getRequestHeaders(), body, exchange.getRemoteAddress(), exchange.getProtocol());
    }

    private static void write(HttpExchange exchange, GatewayResponse response) throws IOException {
        response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
        byte[] body = response.body();
        boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod())
                || response.status() == 204 || response.status() == 304;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "gateway-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
