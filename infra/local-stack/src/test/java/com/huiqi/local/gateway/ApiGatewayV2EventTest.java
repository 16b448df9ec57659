package com.huiqi.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiGatewayV2EventTest {

    private final ApiGatewayV2Event events = new ApiGatewayV2Event(new ObjectMapper());

    @Test
    void buildsThePayloadFormat2Event() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("localhost:8080"));
        headers.put("Accept", List.of("a/b", "c/d"));
        headers.put("Content-type", List.of("application/json; charset=utf-8"));
        headers.put("Cookie", List.of("a=1; b=2"));
        GatewayRequest request = new GatewayRequest("POST", "/platform/tenants/sip", "q=1&q=2&e", headers,
                "{\"x\":1}".getBytes(StandardCharsets.UTF_8), new InetSocketAddress("127.0.0.1", 5555), "HTTP/1.1");
        HttpApiRoute route = new HttpApiRoute("post", "/platform/tenants/{tenantId}", "F", true);
        JsonNode event = events.build(request, new RouteMatcher.Match(route, Map.of("tenantId", "sip")),
                Map.of("sub", "u1"), null, "req-1", Instant.parse("2026-03-12T19:03:58.123Z"));

        assertEquals("2.0", event.get("version").asText());
        assertEquals("POST /platform/tenants/{tenantId}", event.get("routeKey").asText());
        assertEquals("q=1&q=2&e", event.get("rawQueryString").asText());
        assertEquals("1,2", event.get("queryStringParameters").get("q").asText());
        assertEquals("", event.get("queryStringParameters").get("e").asText());
        assertEquals("a/b,c/d", event.get("headers").get("accept").asText());
        assertFalse(event.get("headers").has("cookie"));
        assertEquals("[\"a=1\",\"b=2\"]", event.get("cookies").toString());
        assertEquals("sip", event.get("pathParameters").get("tenantId").asText());
        JsonNode context = event.get("requestContext");
        assertEquals("localhost:8080", context.get("domainName").asText());
        assertEquals("12/Mar/2026:19:03:58 +0000", context.get("time").asText());
        assertEquals(Instant.parse("2026-03-12T19:03:58.123Z").toEpochMilli(), context.get("timeEpoch").asLong());
        assertEquals("127.0.0.1", context.get("http").get("sourceIp").asText());
        assertEquals("$default", context.get("stage").asText());
        assertEquals("u1", context.get("authorizer").get("jwt").get("claims").get("sub").asText());
        assertEquals("{\"x\":1}", event.get("body").asText());
        assertFalse(event.get("isBase64Encoded").asBoolean());
    }

    @Test
    void nonTextBodiesAreBase64() {
        assertTrue(ApiGatewayV2Event.isText("application/json"));
        assertTrue(ApiGatewayV2Event.isText("application/problem+json"));
        assertTrue(ApiGatewayV2Event.isText("text/csv; charset=utf-8"));
        assertFalse(ApiGatewayV2Event.isText("application/pdf"));
        assertFalse(ApiGatewayV2Event.isText("multipart/form-data; boundary=x"));
        assertFalse(ApiGatewayV2Event.isText(null));
    }

    @Test
    void claimsAreFlattenedLikeApiGateway() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim("cognito:groups", List.of("center-admin", "staff"))
                .claim("custom:tenant_id", "sip")
                .claim("email_verified", true)
                .claim("ratio", 1.5)
                .expirationTime(Date.from(Instant.ofEpochSecond(1_800_000_000L)))
                .build();
        Map<String, String> flat = AuthorizerClaims.flatten(claims);
        assertEquals("[center-admin staff]", flat.get("cognito:groups"));
        assertEquals("sip", flat.get("custom:tenant_id"));
        assertEquals("true", flat.get("email_verified"));
        assertEquals("1.5", flat.get("ratio"));
        assertEquals("1800000000", flat.get("exp"));
    }
}
