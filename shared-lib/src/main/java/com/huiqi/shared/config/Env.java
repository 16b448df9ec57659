package com.huiqi.shared.config;

import java.util.Optional;

/**
 * Function configuration. In AWS each function gets environment variables from template.yaml; the
 * local stack runs every function in one JVM, where environment variables cannot differ per
 * function, so it passes the same names as system properties instead.
 */
public final class Env {

    /** Cognito user pool of the platform. */
    public static final String USER_POOL_ID = "USER_POOL_ID";
    /** Bucket for tenant exports and other archives kept at least two years (003 §6.4.4). */
    public static final String ARCHIVE_BUCKET = "ARCHIVE_BUCKET";
    /** Bucket for the images of diagram interpretations (图解), under {@code <tenant>/images/}. */
    public static final String MEDIA_BUCKET = "MEDIA_BUCKET";
    /** Bucket for files uploaded for bulk import, under {@code <tenant>/imports/}, and their reports. */
    public static final String IMPORTS_BUCKET = "IMPORTS_BUCKET";
    /** Set by the local stack: S3-compatible servers on loopback need path-style bucket addressing. */
    public static final String S3_PATH_STYLE = "S3_PATH_STYLE";
    /** Bucket of the tenants' search indexes, one folder per tenant (functions/search). */
    public static final String SEARCH_INDEX_BUCKET = "SEARCH_INDEX_BUCKET";
    /** The SNS topic of outbound notifications (SMS and WeChat senders subscribe to it). */
    public static final String NOTIFICATIONS_TOPIC_ARN = "NOTIFICATIONS_TOPIC_ARN";

    private Env() {
    }

    public static Optional<String> get(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    public static String require(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException("missing configuration " + name));
    }
}
