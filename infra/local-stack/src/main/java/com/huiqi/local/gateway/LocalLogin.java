package com.huiqi.local.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huiqi.shared.error.Problem;
import com.nimbusds.jwt.JWTParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordResetRequiredException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * Local-only endpoints under {@code /local/}, not in template.yaml: a login that stands in for
 * the Cognito hosted UI or the client-side SDK call, so that curl and the tests can get tokens.
 * <ul>
 *   <li>{@code POST /local/login {"username","password"}}: tokens, or 409 with the
 *       NEW_PASSWORD_REQUIRED challenge for a user created with a temporary password;</li>
 *   <li>{@code POST /local/new-password {"username","session","newPassword"}}: answers that challenge;</li>
 *   <li>{@code GET /local/health}: 200 once the stack is up.</li>
 * </ul>
 */
final class LocalLogin {

    static final String PREFIX = "/local/";

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;
    private final String appClientId;
    private final ObjectMapper json;

    LocalLogin(CognitoIdentityProviderClient cognito, String userPoolId, String appClientId, ObjectMapper json) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
        this.appClientId = appClientId;
        this.json = json;
    }

    GatewayResponse handle(GatewayRequest request) {
        String route = request.method() + " " + request.rawPath();
        try {
            return switch (route) {
                case "GET /local/health" -> GatewayResponse.json(200, "{\"status\":\"UP\"}");
                case "POST /local/login" -> login(body(request), request.rawPath());
                case "POST /local/new-password" -> newPassword(body(request), request.rawPath());
                default -> GatewayResponse.message(404, "Not Found");
            };
        } catch (BadRequest e) {
            return problem(400, "BAD_REQUEST", e.zh, e.en, request.rawPath());
        }
    }

    private GatewayResponse login(JsonNode body, String instance) {
        String username = required(body, "username");
        String password = required(body, "password");
        if (isDisabled(username)) {
            return problem(401, "USER_DISABLED", "账号已停用", "User is disabled", instance);
        }
        InitiateAuthResponse result;
        try {
            result = cognito.initiateAuth(r -> r.clientId(appClientId)
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
        } catch (NotAuthorizedException | UserNotFoundException | InvalidPasswordException e) {
            // One answer for an unknown user and a wrong password, as Cognito gives (cognito-local
            // reports a wrong password as InvalidPasswordException, Cognito as NotAuthorizedException).
            return problem(401, "INVALID_CREDENTIALS", "用户名或密码错误", "Incorrect username or password", instance);
        } catch (PasswordResetRequiredException e) {
            return problem(401, "PASSWORD_RESET_REQUIRED", "密码已被重置，请联系管理员", "The password was reset; ask an "
                    + "administrator for a new one", instance);
        }
        if (result.challengeName() == ChallengeNameType.NEW_PASSWORD_REQUIRED) {
            ObjectNode challenge = json.createObjectNode();
            challenge.put("challenge", ChallengeNameType.NEW_PASSWORD_REQUIRED.toString());
            challenge.put("session", result.session());
            challenge.put("message", "首次登录请设置新密码 / Set a new password: POST /local/new-password "
                    + "{\"username\",\"session\",\"newPassword\"}");
            return GatewayResponse.json(409, challenge.toString());
        }
        return tokens(result.authenticationResult());
    }

    /**
     * Cognito refuses a disabled user's sign-in ("User is disabled."); cognito-local 5.3.0 does not
     * check, so the local login asks first. Tokens issued before stay valid until they expire, in
     * AWS as here: the JWT authorizer does not look users up.
     */
    private boolean isDisabled(String username) {
        try {
            Boolean enabled = cognito.adminGetUser(r -> r.userPoolId(userPoolId).username(username)).enabled();
            return Boolean.FALSE.equals(enabled);
        } catch (UserNotFoundException unknown) {
            return false; // InitiateAuth gives the usual answer
        }
    }

    private GatewayResponse newPassword(JsonNode body, String instance) {
        String username = required(body, "username");
        String session = required(body, "session");
        String newPassword = required(body, "newPassword");
        RespondToAuthChallengeResponse result;
        try {
            result = cognito.respondToAuthChallenge(r -> r.clientId(appClientId)
                    .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                    .session(session)
                    .challengeResponses(Map.of("USERNAME", username, "NEW_PASSWORD", newPassword)));
        } catch (InvalidPasswordException e) {
            return problem(400, "INVALID_PASSWORD", "新密码不符合密码规则", "The new password does not meet the password policy",
                    instance);
        } catch (NotAuthorizedException | UserNotFoundException | CodeMismatchException | InvalidParameterException e) {
            return problem(401, "INVALID_CHALLENGE_RESPONSE", "登录会话无效或已过期，请重新登录",
                    "The login session is invalid or expired; log in again", instance);
        }
        return tokens(result.authenticationResult());
    }

    private GatewayResponse tokens(AuthenticationResultType result) {
        if (result == null) {
            return problem(401, "INVALID_CREDENTIALS", "登录未完成", "Login did not complete", null);
        }
        ObjectNode tokens = json.createObjectNode();
        tokens.put("idToken", result.idToken());
        tokens.put("accessToken", result.accessToken());
        tokens.put("refreshToken", result.refreshToken());
        Integer expiresIn = result.expiresIn() != null ? result.expiresIn() : secondsLeft(result.accessToken());
        if (expiresIn != null) {
            tokens.put("expiresIn", expiresIn);
        }
        return GatewayResponse.json(200, tokens.toString());
    }

    /** Cognito says how long the access token lives; cognito-local leaves ExpiresIn out, so read its exp. */
    private static Integer secondsLeft(String accessToken) {
        try {
            Date exp = JWTParser.parse(accessToken).getJWTClaimsSet().getExpirationTime();
            return exp == null ? null : (int) Math.max(0, (exp.getTime() - System.currentTimeMillis()) / 1000);
        } catch (ParseException e) {
            return null;
        }
    }

    private JsonNode body(GatewayRequest request) {
        try {
            JsonNode node = request.body() == null || request.body().length == 0 ? null
                    : json.readTree(new String(request.body(), StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw new BadRequest("请求体须为 JSON 对象", "The body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new BadRequest("请求体不是合法的 JSON", "The body is not valid JSON");
        }
    }

    private static String required(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new BadRequest("缺少字段 " + field, "Missing field " + field);
        }
        return value.asText();
    }

    private GatewayResponse problem(int status, String code, String zh, String en, String instance) {
        Problem problem = Problem.of(status, code, zh, en, null, instance);
        try {
            GatewayResponse response = GatewayResponse.json(status, json.writeValueAsString(problem));
            response.headers().put("content-type", List.of(Problem.MEDIA_TYPE));
            return response;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class BadRequest extends RuntimeException {
        private final String zh;
        private final String en;

        BadRequest(String zh, String en) {
            super(en);
            this.zh = zh;
            this.en = en;
        }
    }
}
