package com.huiqi.shared.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiqi.shared.http.Dispatcher;
import com.huiqi.shared.json.Json;
import com.huiqi.shared.storage.DynamoClients;
import com.huiqi.shared.storage.StoreFactory;
import com.huiqi.shared.storage.TenantClients;
import com.huiqi.shared.tenancy.TenantRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The beans every function shares: the platform's JSON mapper, AWS clients, stores, dispatcher. */
@Factory
public class PlatformBeans {

    /** Named so it never replaces Micronaut's own mapper, which serves other purposes. */
    public static final String MAPPER = "platform";

    @Singleton
    @Named(MAPPER)
    ObjectMapper platformMapper() {
        return Json.newMapper();
    }

    @Singleton
    @Bean(preDestroy = "close")
    SdkHttpClient httpClient() {
        return DynamoClients.sharedHttpClient();
    }

    /** With every SDK interceptor a function declares as a bean (the enterprises function's field encryption). */
    @Singleton
    @Bean(preDestroy = "close")
    DynamoDbClient dynamoDb(SdkHttpClient http, List<ExecutionInterceptor> interceptors) {
        return DynamoClients.dynamoDb(http, interceptors);
    }

    @Singleton
    TenantClients tenantClients(DynamoDbClient dynamoDb, SdkHttpClient http, List<ExecutionInterceptor> interceptors) {
        return new TenantClients(dynamoDb, http, Env.get(TenantClients.TENANT_ROLE_ARN), interceptors);
    }

    @Singleton
    StoreFactory storeFactory(TenantClients clients, @Named(MAPPER) ObjectMapper mapper) {
        return new StoreFactory(clients, mapper);
    }

    @Singleton
    TenantRegistry tenantRegistry(StoreFactory stores) {
        return new TenantRegistry(stores);
    }

    @Singleton
    Dispatcher dispatcher(StoreFactory stores, TenantRegistry registry, @Named(MAPPER) ObjectMapper mapper) {
        return new Dispatcher(stores, registry, mapper);
    }
}
