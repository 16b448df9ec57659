package com.huiqi.shared.config;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The function's own S3 client (its role's credentials), for the functions that reach a bucket as
 * themselves: the index bucket, the archive. Only functions that declare the S3 SDK have it;
 * shared-lib depends on the SDK optionally. Clients with a tenant's credentials (imports, media)
 * are built per tenant where they are used.
 */
@Factory
@Requires(classes = S3Client.class)
public class ObjectStorageBeans {

    @Singleton
    @Bean(preDestroy = "close")
    S3Client s3(SdkHttpClient http) {
        // Path-style addressing where the local stack says so: S3-compatible servers on loopback need it.
        return S3Client.builder().httpClient(http)
                .forcePathStyle(Env.get(Env.S3_PATH_STYLE).map(Boolean::parseBoolean).orElse(false))
                .build();
    }
}
