package com.huiqi.tenants;

import com.huiqi.shared.config.Env;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.s3.S3Client;

/** AWS clients only this function needs. Endpoints come from the SDK's own configuration. */
@Factory
public class TenantsBeans {

    @Singleton
    @Bean(preDestroy = "close")
    CognitoIdentityProviderClient cognito(SdkHttpClient http) {
        return CognitoIdentityProviderClient.builder().httpClient(http).build();
    }

    @Singleton
    @Bean(preDestroy = "close")
    S3Client s3(SdkHttpClient http) {
        return S3Client.builder().httpClient(http)
                .forcePathStyle(Env.get(Env.S3_PATH_STYLE).map(Boolean::parseBoolean).orElse(false))
                .build();
    }
}
