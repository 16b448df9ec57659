package com.huiqi.tenants;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** AWS clients only this function needs (S3: shared-lib's ObjectStorageBeans). Endpoints come from the SDK's own configuration. */
@Factory
public class TenantsBeans {

    @Singleton
    @Bean(preDestroy = "close")
    CognitoIdentityProviderClient cognito(SdkHttpClient http) {
        return CognitoIdentityProviderClient.builder().httpClient(http).build();
    }
}
