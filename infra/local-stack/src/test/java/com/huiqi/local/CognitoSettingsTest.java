package com.huiqi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huiqi.shared.identity.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;

class CognitoSettingsTest {

    @Test
    void readsPoolClientAndGroupsFromTheTemplate() throws Exception {
        CognitoSettings settings = CognitoSettings.fromTemplate(
                Path.of(CognitoSettingsTest.class.getResource("/test-template.yaml").toURI()));
        assertEquals(java.util.List.of("tenant_id", "enterprise_code", "department_id"),
                settings.customAttributes().stream().map(SchemaAttributeType::name).toList());
        assertEquals("3", settings.customAttributes().get(0).stringAttributeConstraints().minLength());
        assertEquals(10, settings.passwordPolicy().orElseThrow().minimumLength());
        assertFalse(settings.passwordPolicy().orElseThrow().requireSymbols());
        // The local login needs USER_PASSWORD_AUTH even where the template leaves it out.
        assertTrue(settings.authFlows().contains(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH));
        assertTrue(settings.authFlows().contains(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH));
        assertEquals(60, settings.idTokenMinutes());
        assertEquals("专家", settings.groups().get("expert"));
        for (Role role : Role.values()) {
            assertTrue(settings.groups().containsKey(role.group()), role.group());
        }
    }

    @Test
    void withoutCognitoResourcesCognitoDefaultsApply(@TempDir Path dir) throws Exception {
        Path template = Files.writeString(dir.resolve("template.yaml"), "Resources: {}\n");
        CognitoSettings settings = CognitoSettings.fromTemplate(template);
        assertEquals(CognitoSettings.DEFAULT_CUSTOM_ATTRIBUTES,
                settings.customAttributes().stream().map(SchemaAttributeType::name).toList());
        assertEquals(60, settings.idTokenMinutes());
        assertEquals(60, settings.accessTokenMinutes());
        assertTrue(settings.passwordPolicy().isEmpty());
        assertEquals(Role.values().length, settings.groups().size());
    }
}
