package com.huiqi.local;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The stack's own SDK clients, for bootstrapping tables, the user pool, the buckets and the topic. Unlike the
 * functions' clients they name their endpoint explicitly: they run before the JVM-wide endpoint
 * properties are set, and must never reach AWS whatever the developer's environment says.
 */
final class LocalClients {

    private static final StaticCredentialsProvider DUMMY =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    private static final Region REGION = Region.of(FunctionEnvironment.REGION);

    private LocalClients() {
    }

    static SdkHttpClient http() {
        return UrlConnectionHttpClient.builder().build();
    }

    static DynamoDbClient dynamoDb(URI endpoint, SdkHttpClient http) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(REGION).credentialsProvider(DUMMY)
                .httpClient(http).build();
    }

    static DynamoDbStreamsClient dynamoDbStreams(URI endpoint, SdkHttpClient http) {
        return DynamoDbStreamsClient.builder().endpointOverride(endpoint).region(REGION).credentialsProvider(DUMMY)
                .httpClient(http).build();
    }

    static CognitoIdentityProviderClient cognito(URI endpoint, SdkHttpClient http) {
        return CognitoIdentityProviderClient.builder().endpointOverride(endpoint).region(REGION)
                .credentialsProvider(DUMMY).httpClient(http).build();
    }

    static S3Client s3(URI endpoint, SdkHttpClient http) {
        return S3Client.builder().endpointOverride(endpoint).region(REGION).credentialsProvider(DUMMY)
                .forcePathStyle(true).httpClient(http).build();
    }

    static SnsClient sns(URI endpoint, SdkHttpClient http) {
        return SnsClient.builder().endpointOverride(endpoint).region(REGION).credentialsProvider(DUMMY)
                .httpClient(http).build();
    }

    static SqsClient sqs(URI endpoint, SdkHttpClient http) {
        return SqsClient.builder().endpointOverride(endpoint).region(REGION).credentialsProvider(DUMMY)
                .httpClient(http).build();
    }
}
