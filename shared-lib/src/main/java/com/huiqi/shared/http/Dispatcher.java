package com.huiqi.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.error.Problem;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.identity.TokenClaims;
import com.huiqi.shared.storage.StoreFactory;
import com.huiqi.shared.tenancy.ActiveCenters;
import com.huiqi.shared.tenancy.TenantRecord;
import com.huiqi.shared.tenancy.TenantRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Turns an API Gateway HTTP API (payload v2) event into a call of the matching {@link Route}: it
 * reads the caller from the authorizer's verified claims, checks the route's roles and that the
 * caller's tenant is active, runs the endpoint, and renders errors as problem+json. It writes one
 * structured JSON access-log line per request, with tenant and request id and no personal data.
 */
public final class Dispatcher {

    private final StoreFactory stores;
    private final ActiveCenters centers;
    private final ObjectMapper mapper;

    public Dispatcher(StoreFactory stores, TenantRegistry registry, ObjectMapper mapper) {
        this.stores = stores;
        this.centers = new ActiveCenters(registry, Clock.systemUTC());
        this.mapper = mapper;
    }

    public APIGatewayV2HTTPResponse dispatch(APIGatewayV2HTTPEvent event, RouteTable routes) {
        long started = System.nanoTime();
        String requestId = requestIdOf(event);
        String routeKey = event.getRouteKey();
        Caller caller = null;
        ApiRequest request = null;
        APIGatewayV2HTTPResponse response;
        try {
            Route route = routes.find(routeKey).orElseThrow(() -> new ApiException(404, "ROUTE_NOT_FOUND",
                    "接口不存在", "No such route"));
            caller = TokenClaims.toCaller(claimsOf(event));
            if (!caller.hasAny(route.allowed())) {
                throw ApiException.forbidden("当前角色无权执行此操作", "Your role may not perform this action");
            }
            Optional<TenantRecord> center = activeCenter(caller);
            request = new ApiRequest(caller, center, event.getPathParameters(),
                    event.getQueryStringParameters(), event.getHeaders(), bodyOf(event), requestId, stores, mapper);
            response = render(route.endpoint().handle(request));
        } catch (ApiException e) {
            response = problem(e, event.getRawPath());
        } catch (RuntimeException e) {
            log(Map.of("level", "ERROR", "requestId", requestId, "route", String.valueOf(routeKey),
                    "error", e.getClass().getName(), "message", String.valueOf(e.getMessage())));
            response = problem(new ApiException(500, "INTERNAL_ERROR", "服务器内部错误，请稍后重试",
                    "Internal server error; please retry later"), event.getRawPath());
        }
        if (request != null) {
            awaitAlongside(request, requestId, routeKey);
        }
        Map<String, Object> line = new HashMap<>();
        line.put("level", "INFO");
        line.put("requestId", requestId);
        line.put("route", String.valueOf(routeKey));
        line.put("status", response.getStatusCode());
        line.put("tenant", caller == null ? "-" : caller.tenant().value());
        line.put("ms", (System.nanoTime() - started) / 1_000_000);
        log(line);
        return response;
    }

    /** Waits for the work the route left running beside its answer; a failure is logged, the answer stands. */
    private void awaitAlongside(ApiRequest request, String requestId, String routeKey) {
        for (CompletableFuture<?> work : request.alongside()) {
            try {
                work.join();
            } catch (CompletionException | CancellationException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                log(Map.of("level", "ERROR", "requestId", requestId, "route", String.valueOf(routeKey),
                        "alongside", cause.getClass().getName(), "message", String.valueOf(cause.getMessage())));
            }
        }
    }

    /**
     * The caller's center, which must be active (checked at most every
     * {@link ActiveCenters#FRESH_MILLIS} while it is); handed to the route with the request, so no
     * route reads the registry again for the center's zone or name. The platform operator belongs
     * to no center.
     */
    private Optional<TenantRecord> activeCenter(Caller caller) {
        if (caller.isPlatformOperator()) {
            return Optional.empty();
        }
        Optional<TenantRecord> center = centers.find(caller.tenant());
        if (center.isEmpty()) {
            throw new ApiException(403, "TENANT_NOT_ACTIVE", "所属服务中心已暂停或已注销，暂不能访问",
                    "Your service center is suspended or offboarded");
        }
        return center;
    }

    private APIGatewayV2HTTPResponse render(ApiResponse response) {
        Map<String, String> headers = new HashMap<>(response.headers());
        if (response.body() instanceof ApiResponse.Binary binary) {
            headers.put("content-type", binary.contentType());
            return APIGatewayV2HTTPResponse.builder().withStatusCode(response.status()).withHeaders(headers)
                    .withBody(Base64.getEncoder().encodeToString(binary.bytes())).withIsBase64Encoded(true).build();
        }
        String body = null;
        if (response.body() != null) {
            headers.put("content-type", "application/json");
            body = write(response.body());
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(response.status()).withHeaders(headers)
                .withBody(body).build();
    }

    private APIGatewayV2HTTPResponse problem(ApiException e, String instance) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(e.status())
                .withHeaders(Map.of("content-type", Problem.MEDIA_TYPE))
                .withBody(write(e.toProblem(instance)))
                .build();
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise response", e);
        }
    }

    private void log(Map<String, Object> fields) {
        ObjectNode node = mapper.createObjectNode();
        node.put("at", Instant.now().toString());
        fields.forEach((k, v) -> node.set(k, mapper.valueToTree(v)));
        System.out.println(node);
    }

    private static Map<String, String> claimsOf(APIGatewayV2HTTPEvent event) {
        return Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims)
                .orElse(null);
    }

    private static String requestIdOf(APIGatewayV2HTTPEvent event) {
        return Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getRequestId)
                .orElseGet(() -> UUID.randomUUID().toString());
    }

    /** The body as sent: API Gateway base64-encodes binary bodies (spreadsheets, images). */
    private static byte[] bodyOf(APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null) {
            return null;
        }
        if (event.getIsBase64Encoded()) {
            return Base64.getDecoder().decode(event.getBody());
        }
        return event.getBody().getBytes(StandardCharsets.UTF_8);
    }
}
