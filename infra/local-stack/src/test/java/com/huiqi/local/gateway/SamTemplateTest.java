package com.huiqi.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamTemplateTest {

    private final SamTemplate template = SamTemplate.read(resource("/test-template.yaml"));

    @Test
    void readsFunctionsDespiteCloudFormationShortTags() {
        FunctionSpec tenants = template.functions().stream().filter(f -> f.name().equals("TenantsFunction"))
                .findFirst().orElseThrow();
        assertEquals("com.huiqi.tenants.TenantsFunction", tenants.handlerClass());
        assertEquals("handleRequest", tenants.handlerMethod());
        assertEquals("functions/tenants", tenants.codeUri());
        assertEquals(20, tenants.timeoutSeconds()); // Globals
        assertEquals(512, tenants.memoryMb()); // Globals
        FunctionSpec echo = template.functions().stream().filter(f -> f.name().equals("EchoFunction"))
                .findFirst().orElseThrow();
        assertEquals(5, echo.timeoutSeconds()); // its own Timeout wins
    }

    @Test
    void readsHttpApiEventsWithMethodsNormalisedAndAuthorizerNone() {
        List<String> keys = template.routes().stream().map(HttpApiRoute::routeKey).toList();
        assertEquals(List.of("GET /me", "POST /platform/tenants", "GET /platform/tenants/{tenantId}",
                "ANY /echo/{proxy+}", "GET /public/ping", "POST /raw/{id}"), keys);
        HttpApiRoute ping = template.routes().stream().filter(r -> r.path().equals("/public/ping")).findFirst()
                .orElseThrow();
        assertFalse(ping.authorized());
        assertEquals("EchoFunction", ping.function());
        assertTrue(template.routes().stream().filter(r -> !r.path().equals("/public/ping"))
                .allMatch(HttpApiRoute::authorized));
    }

    @Test
    void handlerWithoutMethodDefaultsToHandleRequest() {
        FunctionSpec spec = FunctionSpec.of("F", "com.example.Handler", "functions/f", 3, 128);
        assertEquals("com.example.Handler", spec.handlerClass());
        assertEquals("handleRequest", spec.handlerMethod());
    }

    @Test
    void aResourceDefinedTwiceIsRefusedNotSilentlyReplaced(@TempDir Path dir) throws IOException {
        Path twice = dir.resolve("template.yaml");
        Files.writeString(twice, """
                Resources:
                  SomeFunction:
                    Type: AWS::Serverless::Function
                  SomeFunction:
                    Type: AWS::Serverless::Function
                """);
        UncheckedIOException refused = assertThrows(UncheckedIOException.class, () -> SamTemplate.read(twice));
        assertTrue(refused.getCause().getMessage().contains("Duplicate field 'SomeFunction'"), refused.getCause().getMessage());
    }

    private static Path resource(String name) {
        try {
            return Path.of(SamTemplateTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
