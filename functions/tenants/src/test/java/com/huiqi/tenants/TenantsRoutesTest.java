package com.huiqi.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The routes this handler serves are exactly the HttpApi events template.yaml gives it. */
class TenantsRoutesTest {

    @Test
    void handlerRoutesEqualTheTemplateEvents() throws IOException {
        JsonNode template = new ObjectMapper(new YAMLFactory()).readTree(Path.of("../../template.yaml").toFile());
        JsonNode function = template.at("/Resources/TenantsFunction/Properties");
        assertEquals(TenantsFunction.class.getName() + "::handleRequest", function.get("Handler").asText());
        Set<String> templateRoutes = new TreeSet<>();
        function.get("Events").forEach(e -> templateRoutes.add(
                e.at("/Properties/Method").asText() + " " + e.at("/Properties/Path").asText()));

        // The route table only holds references to the services, so it can be built without them.
        TenantsRoutes routes = new TenantsRoutes(null, null, null, null, null);
        assertEquals(templateRoutes, new TreeSet<>(routes.table().all().keySet()));
    }
}
