package com.huiqi.search;

import com.huiqi.shared.config.Env;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/** AWS clients only this function needs. Endpoints come from the SDK's own configuration. */
@Factory
public class SearchBeans {

    /** Set by the local stack: S3-compatible servers on loopback need path-style bucket addressing. */
    static final String S3_PATH_STYLE = "S3_PATH_STYLE";

    @Singleton
    @Bean(preDestroy = "close")
    S3Client s3(SdkHttpClient http) {
        return S3Client.builder().httpClient(http)
                .forcePathStyle(Env.get(S3_PATH_STYLE).map(Boolean::parseBoolean).orElse(false))
                .build();
    }
}
