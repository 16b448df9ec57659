package com.huiqi.publish;

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
class PublishRoutesTest {

    @Test
    void handlerRoutesEqualTheTemplateEvents() throws IOException {
        JsonNode template = new ObjectMapper(new YAMLFactory()).readTree(Path.of("../../template.yaml").toFile());
        JsonNode function = template.at("/Resources/PublishFunction/Properties");
        assertEquals(PublishFunction.class.getName() + "::handleRequest", function.get("Handler").asText());
        Set<String> templateRoutes = new TreeSet<>();
        function.get("Events").forEach(e -> templateRoutes.add(
                e.at("/Properties/Method").asText() + " " + e.at("/Properties/Path").asText()));
        assertEquals(templateRoutes, new TreeSet<>(new PublishRoutes(null, null, null, null, null, null, null, null).table().all().keySet()));
    }
}
