package com.huiqi.local.gateway;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

/**
 * The {@code com.amazonaws.services.lambda.runtime.Context} a handler receives. The interface is
 * loaded from the function's own class loader (its aws-lambda-java-core), so the context is a
 * dynamic proxy of that interface rather than a class compiled against ours.
 */
final class LambdaContexts {

    private LambdaContexts() {
    }

    static Object create(ClassLoader functionLoader, FunctionSpec spec, String requestId, long deadlineMillis)
            throws ClassNotFoundException {
        Class<?> contextType = functionLoader.loadClass("com.amazonaws.services.lambda.runtime.Context");
        Class<?> loggerType = functionLoader.loadClass("com.amazonaws.services.lambda.runtime.LambdaLogger");
        Object logger = Proxy.newProxyInstance(functionLoader, new Class<?>[] {loggerType}, logger(spec, requestId));
        String arn = "arn:aws:lambda:us-east-1:" + ApiGatewayV2Event.ACCOUNT_ID + ":function:" + spec.name();
        InvocationHandler context = (proxy, method, args) -> switch (method.getName()) {
            case "getAwsRequestId" -> requestId;
            case "getLogGroupName" -> "/aws/lambda/" + spec.name();
            case "getLogStreamName" -> "local/" + spec.name();
            case "getFunctionName" -> spec.name();
            case "getFunctionVersion" -> "$LATEST";
            case "getInvokedFunctionArn" -> arn;
            case "getIdentity", "getClientContext" -> null;
            case "getRemainingTimeInMillis" -> (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
            case "getMemoryLimitInMB" -> spec.memoryMb();
            case "getLogger" -> logger;
            case "toString" -> "LocalLambdaContext[" + spec.name() + ", " + requestId + "]";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw new UnsupportedOperationException("Context." + method.getName());
        };
        return Proxy.newProxyInstance(functionLoader, new Class<?>[] {contextType}, context);
    }

    /** A LambdaLogger that writes to stdout, as the Lambda runtime's does (to CloudWatch). */
    private static InvocationHandler logger(FunctionSpec spec, String requestId) {
        return (proxy, method, args) -> {
            switch (method.getName()) {
                case "log" -> {
                    Object message = args[0];
                    String text = message instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                            : String.valueOf(message);
                    System.out.print(text.endsWith("\n") ? text : text + "\n");
                    return null;
                }
                case "toString" -> {
                    return "LocalLambdaLogger[" + spec.name() + ", " + requestId + "]";
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                default -> {
                    return null;
                }
            }
        };
    }
}
