package com.huiqi.track;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** AWS clients only this function needs. Endpoints come from the SDK's own configuration. */
@Factory
public class TrackBeans {

    @Singleton
    @Bean(preDestroy = "close")
    SnsClient sns(SdkHttpClient http) {
        return SnsClient.builder().httpClient(http).build();
    }
}
