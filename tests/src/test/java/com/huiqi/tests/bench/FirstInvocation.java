package com.huiqi.tests.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/**
 * Runs in a fresh JVM whose class path is one function's Lambda package plus this class: builds
 * the handler as the Lambda runtime would (no-arg constructor), invokes it once with an API
 * Gateway v2 event for one of its GET routes, prints {@code FIRST <status> <ms since JVM start>
 * <JVM boot/handler construction/first invocation ms>}, then
 * times warm invocations and prints {@code WARM <median µs> <p95 µs>}.
 *
 * <p>Arguments: handler class, tenant, username, group, warm iterations, path (a GET route of the function).
 */
public final class FirstInvocation {

    public static void main(String[] args) throws Exception {
        long jvmStart = ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
        long mainStart = System.currentTimeMillis();
        String handlerClass = args[0];
        @SuppressWarnings("unchecked")
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                        Class.forName(handlerClass).getDeclaredConstructor().newInstance();
        long constructed = System.currentTimeMillis();
        String path = args[5];
        APIGatewayV2HTTPEvent event = event(args[1], args[2], args[3], path);
        APIGatewayV2HTTPResponse first = handler.handleRequest(event, context());
        long answered = System.currentTimeMillis();
        System.out.println("FIRST " + first.getStatusCode() + " " + (answered - jvmStart) + " "
                + (mainStart - jvmStart) + "/" + (constructed - mainStart) + "/" + (answered - constructed));

        int iterations = Integer.parseInt(args[4]);
        long[] micros = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long t = System.nanoTime();
            APIGatewayV2HTTPResponse r = handler.handleRequest(event(args[1], args[2], args[3], path), context());
            micros[i] = (System.nanoTime() - t) / 1000;
            if (r.getStatusCode() != 200) {
                throw new IllegalStateException("warm call failed: " + r.getStatusCode() + " " + r.getBody());
            }
        }
        Arrays.sort(micros);
        System.out.println("WARM " + micros[iterations / 2] + " " + micros[(int) Math.ceil(iterations * 0.95) - 1]);
        System.exit(0);
    }

    private static APIGatewayV2HTTPEvent event(String tenant, String username, String group, String path) {
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                .withClaims(Map.of("sub", UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString(),
                        "cognito:username", username, "custom:tenant_id", tenant, "cognito:groups", "[" + group + "]"))
                .build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId(UUID.randomUUID().toString())
                .withRouteKey("GET " + path)
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build())
                .build();
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("GET " + path).withRawPath(path)
                .withHeaders(Map.of("accept", "application/json")).withRequestContext(context).build();
    }

    private static Context context() {
        return new Context() {
            public String getAwsRequestId() { return UUID.randomUUID().toString(); }
            public String getLogGroupName() { return "bench"; }
            public String getLogStreamName() { return "bench"; }
            public String getFunctionName() { return "bench"; }
            public String getFunctionVersion() { return "$LATEST"; }
            public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:bench"; }
            public CognitoIdentity getIdentity() { return null; }
            public ClientContext getClientContext() { return null; }
            public int getRemainingTimeInMillis() { return 29_000; }
            public int getMemoryLimitInMB() { return 1024; }
            public LambdaLogger getLogger() {
                return new LambdaLogger() {
                    public void log(String message) { }
                    public void log(byte[] message) { }
                };
            }
        };
    }
}
