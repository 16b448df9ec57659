package com.huiqi.local.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaResponsesTest {

    private final LambdaResponses responses = new LambdaResponses(new ObjectMapper());

    @Test
    void structuredResponse() throws Exception {
        GatewayResponse response = responses.toHttp("""
                {"statusCode":201,"headers":{"Content-Type":"application/json","x-a":"1"},
                 "cookies":["s=1; HttpOnly"],"body":"{\\"ok\\":true}","isBase64Encoded":false}""");
        assertEquals(201, response.status());
        assertEquals(List.of("application/json"), response.headers().get("content-type"));
        assertEquals(List.of("s=1; HttpOnly"), response.headers().get("set-cookie"));
        assertEquals("{\"ok\":true}", new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void base64BodyIsDecoded() throws Exception {
        GatewayResponse response = responses.toHttp("{\"statusCode\":200,\"body\":\"AAH/\",\"isBase64Encoded\":true}");
        assertArrayEquals(new byte[] {0, 1, (byte) 255}, response.body());
    }

    @Test
    void anyOtherJsonIsA200JsonBody() throws Exception {
        GatewayResponse response = responses.toHttp("{\"hello\":\"world\"}");
        assertEquals(200, response.status());
        assertEquals(List.of("application/json"), response.headers().get("content-type"));
        assertEquals("{\"hello\":\"world\"}", new String(response.body(), StandardCharsets.UTF_8));
    }
}
