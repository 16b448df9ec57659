package com.huiqi.shared.storage;

import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the DynamoDB clients. The endpoint is left to the SDK, which honours
 * {@code AWS_ENDPOINT_URL} / {@code AWS_ENDPOINT_URL_DYNAMODB} (and the matching system
 * properties), so the same build talks to DynamoDB, DynamoDB Local or LocalStack unchanged.
 * The URL-connection HTTP client starts faster than Apache or Netty, which matters for cold starts.
 */
public final class DynamoClients {

    private DynamoClients() {
    }

    public static SdkHttpClient sharedHttpClient() {
        return UrlConnectionHttpClient.builder().build();
    }

    public static DynamoDbClient dynamoDb(SdkHttpClient http) {
        return dynamoDb(http, List.of());
    }

    /**
     * A client whose requests pass through {@code interceptors}: how a function that keeps personal
     * data adds the Database Encryption SDK, which encrypts and decrypts in an SDK interceptor.
     */
    public static DynamoDbClient dynamoDb(SdkHttpClient http, List<ExecutionInterceptor> interceptors) {
        return DynamoDbClient.builder().httpClient(http)
                .overrideConfiguration(o -> interceptors.forEach(o::addExecutionInterceptor)).build();
    }

    public static DynamoDbEnhancedClient enhanced(DynamoDbClient client) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    }
}
