package com.huiqi.local.gateway;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.amazonaws.services.lambda.runtime.serialization.util.SerializeUtil;
import com.huiqi.local.Console;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One function of template.yaml, loaded and invoked the way the Lambda Java runtime does it: from
 * its deployment folder ({@code <CodeUri>/target/lambda/lib/*.jar}) in a class loader of its own
 * whose parent is the platform class loader, so it sees only its own jars, exactly as in Lambda,
 * and none of the gateway's. The handler is constructed on the first request (the cold start,
 * whose time is logged); the event goes in and the response comes out through Lambda's own
 * serialisation library ({@code LambdaEventSerializers}).
 *
 * <p>Unlike Lambda, which runs one request per instance at a time, concurrent requests share the
 * single instance here; handlers are stateless, so that only makes local load higher, never
 * results different.
 */
final class LambdaFunction {

    static final String EVENT_CLASS = "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent";

    private static final Console LOG = new Console("lambda");

    private final FunctionSpec spec;
    private final Path repoRoot;
    private volatile Instance instance;

    LambdaFunction(FunctionSpec spec, Path repoRoot) {
        this.spec = spec;
        this.repoRoot = repoRoot;
    }

    FunctionSpec spec() {
        return spec;
    }

    /** The folder the function is loaded from. */
    Path libDir() {
        return repoRoot.resolve(spec.codeUri()).resolve("target/lambda/lib");
    }

    /**
     * Runs the handler on one event and returns what Lambda would return to API Gateway, as JSON.
     * Any exception is the function's error: API Gateway turns it into a 500.
     */
    String invoke(String eventJson, String requestId) throws Exception {
        Instance current = instance;
        if (current == null) {
            synchronized (this) {
                if (instance == null) {
                    long started = System.nanoTime();
                    Instance created = load();
                    long initialised = System.nanoTime();
                    String output = created.invoke(eventJson, requestId, spec);
                    long done = System.nanoTime();
                    LOG.info("cold start " + spec.name() + ": " + millis(done - started) + " ms (class loading and "
                            + "handler construction " + millis(initialised - started) + " ms, first invocation "
                            + millis(done - initialised) + " ms)");
                    instance = created;
                    return output;
                }
                current = instance;
            }
        }
        return current.invoke(eventJson, requestId, spec);
    }

    private Instance load() throws Exception {
        Path lib = libDir();
        List<Path> jars;
        try (Stream<Path> files = Files.exists(lib) ? Files.list(lib) : Stream.empty()) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("function " + spec.name() + " is not built: no jars in " + lib
                    + ". Build it: mvn -B -q -DskipTests install (from the repository root)");
        }
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = jars.get(i).toUri().toURL();
        }
        URLClassLoader loader = new URLClassLoader("lambda:" + spec.name(), urls, ClassLoader.getPlatformClassLoader());
        return withContextLoader(loader, () -> {
            Class<?> handlerClass = Class.forName(spec.handlerClass(), true, loader);
            Object handler = handlerClass.getDeclaredConstructor().newInstance();
            return new Instance(loader, handler, HandlerMethod.find(handlerClass, spec.handlerMethod(), loader));
        });
    }

    /** A constructed handler and how to call it. */
    private record Instance(ClassLoader loader, Object handler, HandlerMethod method) {

        String invoke(String eventJson, String requestId, FunctionSpec spec) throws Exception {
            long deadline = System.currentTimeMillis() + spec.timeoutSeconds() * 1000L;
            Object context = LambdaContexts.create(loader, spec, requestId, deadline);
            String output = withContextLoader(loader, () -> method.call(handler, eventJson, context, loader));
            if (System.currentTimeMillis() > deadline) {
                LOG.warn(spec.name() + " took longer than its Timeout of " + spec.timeoutSeconds()
                        + " s; Lambda would have stopped it");
            }
            return output;
        }
    }

    /**
     * The handler method named in template.yaml, in one of the shapes the Lambda Java runtime
     * accepts: {@code (InputStream, OutputStream, Context)} for stream handlers, or
     * {@code (Event, Context)} for typed ones.
     */
    private record HandlerMethod(Method method, boolean streaming, Class<?> inputType) {

        static HandlerMethod find(Class<?> handlerClass, String name, ClassLoader loader) throws ClassNotFoundException {
            Class<?> contextType = loader.loadClass("com.amazonaws.services.lambda.runtime.Context");
            Method typed = null;
            for (Method method : handlerClass.getMethods()) {
                if (!method.getName().equals(name) || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                Class<?>[] parameters = method.getParameterTypes();
                if (parameters.length == 3 && parameters[0] == InputStream.class && parameters[1] == OutputStream.class
                        && parameters[2] == contextType) {
                    return new HandlerMethod(method, true, null);
                }
                if (parameters.length == 2 && parameters[1] == contextType
                        && (typed == null || typed.isBridge() || typed.getParameterTypes()[0] == Object.class)) {
                    typed = method;
                }
            }
            if (typed == null) {
                throw new IllegalStateException(handlerClass.getName() + " has no public " + name
                        + "(event, Context) or " + name + "(InputStream, OutputStream, Context)");
            }
            return new HandlerMethod(typed, false, inputType(handlerClass, typed, loader));
        }

        /**
         * What to deserialise the event into: the declared parameter type, or, for a generic
         * handler such as {@code MicronautRequestHandler<APIGatewayV2HTTPEvent, ...>} whose method
         * erases to {@code Object}, the type argument given to {@code RequestHandler}.
         */
        private static Class<?> inputType(Class<?> handlerClass, Method method, ClassLoader loader)
                throws ClassNotFoundException {
            Class<?> declared = method.getParameterTypes()[0];
            if (declared != Object.class) {
                return declared;
            }
            Class<?> requestHandler = loader.loadClass("com.amazonaws.services.lambda.runtime.RequestHandler");
            Type resolved = TypeArguments.resolve(handlerClass, requestHandler, 0);
            if (resolved instanceof Class<?> type) {
                return type;
            }
            if (resolved instanceof ParameterizedType parameterized) {
                return (Class<?>) parameterized.getRawType();
            }
            // An HTTP API always sends this event.
            return loader.loadClass(EVENT_CLASS);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        String call(Object handler, String eventJson, Object context, ClassLoader loader) throws Exception {
            try {
                if (streaming) {
                    ByteArrayOutputStream output = new ByteArrayOutputStream();
                    method.invoke(handler, new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), output,
                            context);
                    return output.toString(StandardCharsets.UTF_8);
                }
                PojoSerializer in = serializer(inputType, loader);
                Object result = method.invoke(handler, in.fromJson(eventJson), context);
                if (result == null) {
                    return "null";
                }
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                PojoSerializer out = serializer(result.getClass(), loader);
                out.toJson(result, output);
                return output.toString(StandardCharsets.UTF_8);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }

        /**
         * Lambda's choice: its event serialisers for AWS event types, plain Jackson for anything else.
         * The event serialisers load the nested event classes (a DynamoDB event's StreamRecord …)
         * through {@code SerializeUtil}, which caches them by name alone: right for a Lambda JVM,
         * which runs one function, wrong here, where each function has its own class loader. Left
         * as it is, the second function with DynamoDB events got mixins for the first one's classes
         * and events without keys. So the cache is emptied before each serialiser is built, under a
         * lock, since it is a plain HashMap.
         */
        private static synchronized PojoSerializer<?> serializer(Class<?> type, ClassLoader loader) {
            if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
                forgetCachedClasses();
                return LambdaEventSerializers.serializerFor(type, loader);
            }
            return JacksonFactory.getInstance().getSerializer(type);
        }

        private static void forgetCachedClasses() {
            try {
                var cache = SerializeUtil.class
                        .getDeclaredField("cachedClasses");
                cache.setAccessible(true);
                ((Map<?, ?>) cache.get(null)).clear();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("aws-lambda-java-serialization changed: no SerializeUtil.cachedClasses", e);
            }
        }
    }

    /** Resolves a type argument of a generic interface as a concrete class declares it. */
    private static final class TypeArguments {

        static Type resolve(Class<?> type, Class<?> genericInterface, int index) {
            return search(type, genericInterface, index, new HashMap<>());
        }

        private static Type search(Type type, Class<?> target, int index, Map<TypeVariable<?>, Type> bindings) {
            Class<?> raw;
            if (type instanceof ParameterizedType parameterized) {
                raw = (Class<?>) parameterized.getRawType();
                TypeVariable<?>[] variables = raw.getTypeParameters();
                Type[] arguments = parameterized.getActualTypeArguments();
                for (int i = 0; i < variables.length; i++) {
                    Type argument = arguments[i];
                    bindings.put(variables[i], argument instanceof TypeVariable<?> v ? bindings.getOrDefault(v, v) : argument);
                }
            } else if (type instanceof Class<?> c) {
                raw = c;
            } else {
                return null;
            }
            if (raw == target) {
                return type instanceof ParameterizedType ? bindings.get(target.getTypeParameters()[index]) : null;
            }
            for (Type parent : raw.getGenericInterfaces()) {
                Type found = search(parent, target, index, new HashMap<>(bindings));
                if (found != null) {
                    return found;
                }
            }
            return raw.getGenericSuperclass() == null ? null
                    : search(raw.getGenericSuperclass(), target, index, new HashMap<>(bindings));
        }
    }

    /** Lambda runs init and every invocation with the function's loader as context class loader. */
    private static <T> T withContextLoader(ClassLoader loader, ThrowingSupplier<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    /**
     * Forgets the instance. Its class loader is not closed: like Lambda, we never tell a handler it
     * is going away, and frameworks that register their own shutdown hook (Micronaut does) still
     * need to load classes from it while the JVM exits.
     */
    void unload() {
        instance = null;
    }
}
