package com.huiqi.shared.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.identity.Role;
import com.huiqi.shared.json.JsonInput;
import com.huiqi.shared.storage.StoreFactory;
import com.huiqi.shared.storage.TenantStore;
import com.huiqi.shared.tenancy.TenantId;
import com.huiqi.shared.tenancy.TenantRecord;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * One authenticated request, as an endpoint sees it. The tenant store it offers is always the
 * caller's own; reaching another tenant needs {@link #storeOfTenantAsOperator}, which only a
 * platform operator may use.
 */
public final class ApiRequest {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    private final Caller caller;
    private final Optional<TenantRecord> center;
    private final Map<String, String> pathParameters;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private final byte[] body;
    private final String requestId;
    private final StoreFactory stores;
    private final ObjectMapper mapper;
    private final List<CompletableFuture<?>> alongside = new ArrayList<>();

    ApiRequest(Caller caller, Optional<TenantRecord> center, Map<String, String> pathParameters, Map<String, String> query,
               Map<String, String> headers, byte[] body, String requestId, StoreFactory stores, ObjectMapper mapper) {
        this.caller = caller;
        this.center = center;
        this.pathParameters = pathParameters == null ? Map.of() : pathParameters;
        this.query = query == null ? Map.of() : query;
        this.headers = headers == null ? Map.of() : headers.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(), Map.Entry::getValue, (a, b) -> a));
        this.body = body;
        this.requestId = requestId;
        this.stores = stores;
        this.mapper = mapper;
    }

    public Caller caller() {
        return caller;
    }

    /** The caller's center, as the dispatcher read it to check it is active; absent for the platform operator. */
    public Optional<TenantRecord> center() {
        return center;
    }

    /** The zone of the caller's center's dates and working days. */
    public ZoneId zone() {
        return center.map(TenantRecord::zone).orElse(TenantRecord.DEFAULT_ZONE);
    }

    public String requestId() {
        return requestId;
    }

    /**
     * Work this request started that its answer does not depend on (a usage event's write): it runs
     * while the response is built and rendered, and the dispatcher waits for it before the response
     * is returned, so nothing is left running when Lambda freezes the environment. A failure is
     * logged, not answered: what the caller asked for has been done.
     */
    public void alongside(CompletableFuture<?> work) {
        alongside.add(work);
    }

    List<CompletableFuture<?>> alongside() {
        return alongside;
    }

    /** The caller's own tenant store. */
    public TenantStore store() {
        return stores.forTenant(caller.tenant());
    }

    /** Another tenant's store, for the platform operator's explicit actions; every use must be audited. */
    public TenantStore storeOfTenantAsOperator(TenantId tenant) {
        if (!caller.has(Role.PLATFORM_OPERATOR)) {
            throw new IllegalStateException("only the platform operator acts on other tenants");
        }
        return stores.forTenant(tenant);
    }

    public String path(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no path parameter " + name);
        }
        return value;
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isBlank());
    }

    /** The names of the query parameters sent, so that a route can refuse names it does not know. */
    public Set<String> queryNames() {
        return query.keySet();
    }

    /** A query parameter as sent, blank included (absent only when it was not sent). */
    public Optional<String> rawQuery(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase()));
    }

    public int pageSize() {
        String raw = query.get("limit");
        if (raw == null || raw.isBlank()) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= MAX_PAGE_SIZE) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw ApiException.badRequest("INVALID_LIMIT", "每页条数须为1至" + MAX_PAGE_SIZE + "的整数",
                "limit must be an integer from 1 to " + MAX_PAGE_SIZE, "limit");
    }

    public String cursor() {
        return query.get("cursor");
    }

    /**
     * The body as sent, for binary uploads such as images (API Gateway delivers them base64-encoded;
     * this is the decoded bytes); empty when there is none.
     */
    public byte[] bodyBytes() {
        return body == null ? new byte[0] : body.clone();
    }

    /** The JSON body as {@code type}; malformed JSON, unknown fields and failed checks are 4xx problems. */
    public <T> T body(Class<T> type) {
        String json = body == null ? null : new String(body, StandardCharsets.UTF_8);
        if (json == null || json.isBlank()) {
            throw ApiException.badRequest("BODY_REQUIRED", "请求体不能为空", "A JSON request body is required", null);
        }
        String contentType = header("content-type").orElse("");
        if (!contentType.toLowerCase().startsWith("application/json")) {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "请求体须为 application/json",
                    "The request body must be application/json");
        }
        T value = JsonInput.read(mapper, json, type);
        if (value == null) {
            throw ApiException.badRequest("BODY_REQUIRED", "请求体不能为空", "A JSON request body is required", null);
        }
        return value;
    }

    /**
     * A binary body (a spreadsheet, an image) of one of the {@code accepted} media types, at most
     * {@code maxBytes} long; anything else is a 4xx problem.
     */
    public byte[] binaryBody(java.util.Set<String> accepted, int maxBytes) {
        String contentType = header("content-type").orElse("").split(";")[0].trim().toLowerCase();
        if (!accepted.contains(contentType)) {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "请求体类型须为：" + String.join("、", accepted),
                    "The request body must be one of " + String.join(", ", accepted));
        }
        if (body == null || body.length == 0) {
            throw ApiException.badRequest("BODY_REQUIRED", "请求体不能为空", "A request body is required", null);
        }
        if (body.length > maxBytes) {
            throw new ApiException(413, "PAYLOAD_TOO_LARGE", "请求体不能超过" + (maxBytes / 1024 / 1024) + " MiB",
                    "The request body may not exceed " + (maxBytes / 1024 / 1024) + " MiB");
        }
        return body;
    }
}
