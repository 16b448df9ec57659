package com.huiqi.enterprises.directory;

import com.huiqi.shared.config.Env;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The index bucket's client, with the function's own credentials (as the search function's). */
@Factory
public class DirectoryBeans {

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
