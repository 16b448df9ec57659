package com.huiqi.enterprises.directory;

import com.huiqi.shared.config.Env;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The index bucket's client, with the function's own credentials (as the search function's); path-style
 * addressing where the local stack says so ({@link Env#S3_PATH_STYLE}).
 */
@Factory
public class DirectoryBeans {

    @Singleton
    @Bean(preDestroy = "close")
    S3Client s3(SdkHttpClient http) {
        return S3Client.builder().httpClient(http)
                .forcePathStyle(Env.get(Env.S3_PATH_STYLE).map(Boolean::parseBoolean).orElse(false))
                .build();
    }
}
