package com.huiqi.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.huiqi.shared.identity.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.StringAttributeConstraintsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;

/**
 * The user pool, app client and groups as template.yaml declares them ({@code AWS::Cognito::UserPool},
 * {@code AWS::Cognito::UserPoolClient}, {@code AWS::Cognito::UserPoolGroup}), so the local pool
 * has the same custom attributes, password policy, auth flows and token lifetimes as the deployed
 * one. Where the template says nothing, Cognito's own defaults apply, with the custom attributes
 * our tokens need and one group per {@link Role}.
 */
record CognitoSettings(List<SchemaAttributeType> customAttributes, Optional<PasswordPolicyType> passwordPolicy,
                       boolean caseSensitiveUsernames, List<ExplicitAuthFlowsType> authFlows,
                       int idTokenMinutes, int accessTokenMinutes, int refreshTokenDays,
                       List<String> readAttributes, List<String> writeAttributes, Map<String, String> groups) {

    /** The custom attributes when the template declares none: what TokenClaims reads. */
    static final List<String> DEFAULT_CUSTOM_ATTRIBUTES = List.of("tenant_id", "enterprise_code");

    static CognitoSettings fromTemplate(Path template) {
        JsonNode resources;
        try {
            resources = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(template)).path("Resources");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + template, e);
        }
        JsonNode pool = first(resources, "AWS::Cognito::UserPool");
        JsonNode client = first(resources, "AWS::Cognito::UserPoolClient");

        List<SchemaAttributeType> custom = new ArrayList<>();
        pool.path("Schema").forEach(attribute -> custom.add(schemaAttribute(attribute)));
        if (custom.isEmpty()) {
            DEFAULT_CUSTOM_ATTRIBUTES.forEach(name -> custom.add(SchemaAttributeType.builder().name(name)
                    .attributeDataType(AttributeDataType.STRING).mutable(true).build()));
        }

        List<ExplicitAuthFlowsType> flows = new ArrayList<>();
        client.path("ExplicitAuthFlows").forEach(flow -> flows.add(ExplicitAuthFlowsType.fromValue(flow.asText())));
        // POST /local/login signs in with a password; the refresh flow is what clients use next.
        for (ExplicitAuthFlowsType required : List.of(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)) {
            if (!flows.contains(required)) {
                flows.add(required);
            }
        }

        Map<String, String> groups = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            groups.put(role.group(), role.name());
        }
        for (Iterator<JsonNode> it = resources.elements(); it.hasNext(); ) {
            JsonNode resource = it.next();
            if ("AWS::Cognito::UserPoolGroup".equals(resource.path("Type").asText())) {
                JsonNode properties = resource.path("Properties");
                String name = properties.path("GroupName").asText("");
                if (!name.isEmpty()) {
                    groups.put(name, properties.path("Description").asText(groups.getOrDefault(name, name)));
                }
            }
        }

        JsonNode units = client.path("TokenValidityUnits");
        return new CognitoSettings(custom,
                passwordPolicy(pool.path("Policies").path("PasswordPolicy")),
                pool.path("UsernameConfiguration").path("CaseSensitive").asBoolean(false),
                flows,
                toMinutes(client.path("IdTokenValidity"), units.path("IdToken")),
                toMinutes(client.path("AccessTokenValidity"), units.path("AccessToken")),
                client.path("RefreshTokenValidity").asInt(30),
                texts(client.path("ReadAttributes")),
                texts(client.path("WriteAttributes")),
                groups);
    }

    CreateUserPoolRequest createPool(String name) {
        CreateUserPoolRequest.Builder request = CreateUserPoolRequest.builder()
                .poolName(name)
                .schema(customAttributes)
                .usernameConfiguration(c -> c.caseSensitive(caseSensitiveUsernames));
        passwordPolicy.ifPresent(policy -> request.policies(p -> p.passwordPolicy(policy)));
        return request.build();
    }

    CreateUserPoolClientRequest createClient(String userPoolId, String name) {
        CreateUserPoolClientRequest.Builder request = CreateUserPoolClientRequest.builder()
                .userPoolId(userPoolId)
                .clientName(name)
                // A browser or mini-program cannot keep a secret.
                .generateSecret(false)
                .explicitAuthFlows(authFlows)
                // Minutes, as Cognito's default of 60 (cognito-local's own default is 24 hours), so
                // token expiry shows up locally as it will in AWS.
                .idTokenValidity(idTokenMinutes)
                .accessTokenValidity(accessTokenMinutes)
                .refreshTokenValidity(refreshTokenDays)
                .tokenValidityUnits(u -> u.idToken(TimeUnitsType.MINUTES).accessToken(TimeUnitsType.MINUTES)
                        .refreshToken(TimeUnitsType.DAYS));
        if (!readAttributes.isEmpty()) {
            request.readAttributes(readAttributes);
        }
        if (!writeAttributes.isEmpty()) {
            request.writeAttributes(writeAttributes);
        }
        return request.build();
    }

    private static JsonNode first(JsonNode resources, String type) {
        for (Iterator<JsonNode> it = resources.elements(); it.hasNext(); ) {
            JsonNode resource = it.next();
            if (type.equals(resource.path("Type").asText())) {
                return resource.path("Properties");
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static SchemaAttributeType schemaAttribute(JsonNode attribute) {
        SchemaAttributeType.Builder builder = SchemaAttributeType.builder()
                .name(attribute.path("Name").asText())
                .attributeDataType(AttributeDataType.fromValue(attribute.path("AttributeDataType").asText("String")))
                .mutable(attribute.path("Mutable").asBoolean(true));
        JsonNode constraints = attribute.path("StringAttributeConstraints");
        if (constraints.isObject()) {
            builder.stringAttributeConstraints(StringAttributeConstraintsType.builder()
                    .minLength(constraints.path("MinLength").isMissingNode() ? null : constraints.path("MinLength").asText())
                    .maxLength(constraints.path("MaxLength").isMissingNode() ? null : constraints.path("MaxLength").asText())
                    .build());
        }
        return builder.build();
    }

    private static Optional<PasswordPolicyType> passwordPolicy(JsonNode policy) {
        if (!policy.isObject()) {
            return Optional.empty();
        }
        return Optional.of(PasswordPolicyType.builder()
                .minimumLength(policy.path("MinimumLength").asInt(8))
                .requireLowercase(policy.path("RequireLowercase").asBoolean(true))
                .requireUppercase(policy.path("RequireUppercase").asBoolean(true))
                .requireNumbers(policy.path("RequireNumbers").asBoolean(true))
                .requireSymbols(policy.path("RequireSymbols").asBoolean(true))
                .temporaryPasswordValidityDays(policy.path("TemporaryPasswordValidityDays").asInt(7))
                .build());
    }

    /** A token lifetime in minutes: Cognito's default is one hour, and its default unit is hours. */
    private static int toMinutes(JsonNode validity, JsonNode unitNode) {
        if (!validity.canConvertToInt()) {
            return 60;
        }
        int value = validity.asInt();
        return switch (unitNode.asText("hours").toLowerCase(Locale.ROOT)) {
            case "seconds" -> Math.max(1, value / 60);
            case "minutes" -> value;
            case "days" -> value * 24 * 60;
            default -> value * 60;
        };
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
