package com.huiqi.local;

/** What a developer needs after start-up: where the API is and how to get a token. */
final class Banner {

    private Banner() {
    }

    static String text(LocalStack stack) {
        OperatorAccount operator = stack.operator();
        String url = stack.gatewayUrl().toString();
        return """

                ================================================================================
                 惠企 local stack is up (%d ms)
                   API (HTTP API of template.yaml)  %s
                   DynamoDB Local                   %s
                   cognito-local                    %s   pool %s, client %s
                   S3 (S3Proxy)                     %s   bucket %s
                   data                             %s

                 Platform operator (平台运营方, local demo account):
                   username %s   password %s

                 Try it:
                   TOKEN=$(curl -s -X POST %s/local/login \\
                     -H 'content-type: application/json' \\
                     -d '{"username":"%s","password":"%s"}' \\
                     | sed -E 's/.*"idToken":"([^"]+)".*/\\1/')
                   curl -s %s/me -H "Authorization: Bearer $TOKEN"

                 Ctrl-C stops everything.
                ================================================================================
                """.formatted(stack.startupMillis(), url, stack.dynamoEndpoint(), stack.cognitoEndpoint(),
                stack.userPoolId(), stack.appClientId(), stack.s3Endpoint(), stack.archiveBucket(),
                stack.config().persistent() ? stack.workDir() : "in memory (gone when stopped; --data-dir keeps it)",
                operator.username(), operator.password(), url, operator.username(), operator.password(), url);
    }
}
