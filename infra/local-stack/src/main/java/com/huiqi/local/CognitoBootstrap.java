package com.huiqi.local;

import com.huiqi.shared.identity.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;

/**
 * Makes the local user pool look like the deployed one: pool {@value #POOL_NAME} with the custom
 * attributes, app client {@value #CLIENT_NAME} and groups of template.yaml ({@link CognitoSettings}),
 * and the platform operator. Every step first looks for what a persisted data dir already has,
 * so running it again changes nothing, except adding custom attributes the template gained since.
 */
final class CognitoBootstrap {

    static final String POOL_NAME = "huiqi-local";
    static final String CLIENT_NAME = "huiqi-web";

    private final CognitoIdentityProviderClient cognito;
    private final CognitoSettings settings;

    CognitoBootstrap(CognitoIdentityProviderClient cognito, CognitoSettings settings) {
        this.cognito = cognito;
        this.settings = settings;
    }

    /** The pool and app client the gateway's authorizer trusts. */
    record UserPool(String userPoolId, String appClientId) {
    }

    UserPool run(OperatorAccount operator) {
        String poolId = findPool().map(this::addMissingCustomAttributes)
                .orElseGet(() -> cognito.createUserPool(settings.createPool(POOL_NAME)).userPool().id());
        String clientId = findClient(poolId)
                .orElseGet(() -> cognito.createUserPoolClient(settings.createClient(poolId, CLIENT_NAME))
                        .userPoolClient().clientId());
        createMissingGroups(poolId);
        createOperatorIfAbsent(poolId, operator);
        return new UserPool(poolId, clientId);
    }

    private Optional<String> findPool() {
        return cognito.listUserPoolsPaginator(r -> r.maxResults(60)).userPools().stream()
                .filter(p -> POOL_NAME.equals(p.name()))
                .map(UserPoolDescriptionType::id)
                .findFirst();
    }

    /** A pool kept in a data dir from before the template declared a new custom attribute gets it now. */
    private String addMissingCustomAttributes(String poolId) {
        Set<String> existing = cognito.describeUserPool(r -> r.userPoolId(poolId)).userPool().schemaAttributes()
                .stream().map(SchemaAttributeType::name).collect(Collectors.toSet());
        List<SchemaAttributeType> missing = settings.customAttributes().stream()
                .filter(a -> !existing.contains("custom:" + a.name()))
                .toList();
        if (!missing.isEmpty()) {
            cognito.addCustomAttributes(r -> r.userPoolId(poolId).customAttributes(missing));
        }
        return poolId;
    }

    private Optional<String> findClient(String poolId) {
        return cognito.listUserPoolClientsPaginator(r -> r.userPoolId(poolId).maxResults(60)).userPoolClients().stream()
                .filter(c -> CLIENT_NAME.equals(c.clientName()))
                .map(UserPoolClientDescription::clientId)
                .findFirst();
    }

    private void createMissingGroups(String poolId) {
        Set<String> existing = cognito.listGroupsPaginator(r -> r.userPoolId(poolId)).groups().stream()
                .map(GroupType::groupName)
                .collect(Collectors.toSet());
        for (Map.Entry<String, String> group : settings.groups().entrySet()) {
            if (!existing.contains(group.getKey())) {
                cognito.createGroup(r -> r.userPoolId(poolId).groupName(group.getKey()).description(group.getValue()));
            }
        }
    }

    private void createOperatorIfAbsent(String poolId, OperatorAccount operator) {
        try {
            cognito.adminGetUser(r -> r.userPoolId(poolId).username(operator.username()));
            return;
        } catch (UserNotFoundException absent) {
            // create it below
        }
        cognito.adminCreateUser(r -> r.userPoolId(poolId)
                .username(operator.username())
                // No invitation e-mail; the password is set right away instead.
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(AttributeType.builder().name("email").value(operator.email()).build(),
                        AttributeType.builder().name("email_verified").value("true").build()));
        // Permanent, so the first login does not answer NEW_PASSWORD_REQUIRED.
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username(operator.username())
                .password(operator.password()).permanent(true));
        cognito.adminAddUserToGroup(r -> r.userPoolId(poolId).username(operator.username())
                .groupName(Role.PLATFORM_OPERATOR.group()));
    }
}
