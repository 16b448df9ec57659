package com.huiqi.local;

import com.huiqi.shared.config.Env;
import com.huiqi.shared.storage.TableDefinition;
import com.huiqi.shared.storage.Tables;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the functions see as their configuration. In AWS each function gets environment variables
 * from template.yaml and its region and credentials from the Lambda runtime; here every function
 * runs in this JVM, so the same names become JVM system properties. {@link Env#get} reads them
 * when the environment lacks the variable.
 *
 * <p>The functions build their SDK clients without an endpoint override. SDK v2 then takes the
 * service-specific endpoint system properties below, the counterparts of
 * {@code AWS_ENDPOINT_URL_DYNAMODB} etc. (and they win over those environment variables), so the
 * code that runs here is the code that is deployed. LocalStackIntegrationTest checks that clients
 * built with no override at all reach the local servers.
 */
final class FunctionEnvironment {

    static final String REGION = "us-east-1";
    static final String DEFAULT_ARCHIVE_BUCKET = "huiqi-archive-local";
    static final String DEFAULT_MEDIA_BUCKET = "huiqi-media-local";
    static final String DEFAULT_SEARCH_INDEX_BUCKET = "huiqi-search-local";
    static final String DEFAULT_IMPORTS_BUCKET = "huiqi-imports-local";

    /** SDK v2 (2.31) system properties for service-specific endpoints. */
    static final String DYNAMODB_ENDPOINT = "aws.endpointUrlDynamoDb";
    static final String COGNITO_ENDPOINT = "aws.endpointUrlCognitoIdentityProvider";
    static final String S3_ENDPOINT = "aws.endpointUrlS3";
    static final String SNS_ENDPOINT = "aws.endpointUrlSns";

    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, String> previous = new LinkedHashMap<>();

    /** What the enterprises function's raw AES keyring reads, in place of a KMS key: see {@link PersonalDataKey}. */
    static final String PERSONAL_DATA_LOCAL_KEY = "PERSONAL_DATA_LOCAL_KEY";

    FunctionEnvironment(String userPoolId, String archiveBucket, String mediaBucket, String searchIndexBucket,
                        String importsBucket, URI dynamoDb, URI cognito, URI s3, URI sns, String notificationsTopicArn,
                        String personalDataKey) {
        properties.put("aws.region", REGION);
        // Dummy credentials: the local servers accept any, and real ones must never reach them.
        properties.put("aws.accessKeyId", "local");
        properties.put("aws.secretAccessKey", "local");
        properties.put(DYNAMODB_ENDPOINT, dynamoDb.toString());
        properties.put(COGNITO_ENDPOINT, cognito.toString());
        properties.put(S3_ENDPOINT, s3.toString());
        properties.put(SNS_ENDPOINT, sns.toString());
        properties.put(Env.NOTIFICATIONS_TOPIC_ARN, notificationsTopicArn);
        // S3-compatible servers on loopback have no per-bucket host names.
        properties.put(Env.S3_PATH_STYLE, "true");
        properties.put(Env.USER_POOL_ID, userPoolId);
        properties.put(Env.ARCHIVE_BUCKET, archiveBucket);
        properties.put(Env.MEDIA_BUCKET, mediaBucket);
        properties.put(Env.IMPORTS_BUCKET, importsBucket);
        properties.put(PERSONAL_DATA_LOCAL_KEY, personalDataKey);
        properties.put(Env.SEARCH_INDEX_BUCKET, searchIndexBucket);
        for (TableDefinition table : Tables.all()) {
            properties.put(table.envVar(), table.tableName());
        }
    }

    /** The bucket name: ARCHIVE_BUCKET from the environment or a system property, else the local default. */
    static String archiveBucket() {
        return Env.get(Env.ARCHIVE_BUCKET).orElse(DEFAULT_ARCHIVE_BUCKET);
    }

    /** The bucket name: MEDIA_BUCKET from the environment or a system property, else the local default. */
    static String mediaBucket() {
        return Env.get(Env.MEDIA_BUCKET).orElse(DEFAULT_MEDIA_BUCKET);
    }

    /** The search index bucket: SEARCH_INDEX_BUCKET from the environment or a system property, else the local default. */
    static String searchIndexBucket() {
        return Env.get(Env.SEARCH_INDEX_BUCKET).orElse(DEFAULT_SEARCH_INDEX_BUCKET);
    }

    /** The bucket name: IMPORTS_BUCKET from the environment or a system property, else the local default. */
    static String importsBucket() {
        return Env.get(Env.IMPORTS_BUCKET).orElse(DEFAULT_IMPORTS_BUCKET);
    }

    void apply() {
        properties.forEach((name, value) -> {
            previous.putIfAbsent(name, System.getProperty(name));
            System.setProperty(name, value);
        });
        warnAboutShadowingEnvironment();
    }

    /** Puts back what was there before {@link #apply}, so a later stack in the same JVM starts clean. */
    void restore() {
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
        previous.clear();
    }

    Map<String, String> properties() {
        return Map.copyOf(properties);
    }

    /** {@link Env#get} prefers the environment, so a stray USER_POOL_ID in the shell would win. */
    private void warnAboutShadowingEnvironment() {
        Console log = new Console("local-stack");
        for (String name : properties.keySet()) {
            String fromEnvironment = System.getenv(name);
            if (fromEnvironment != null && !fromEnvironment.isBlank() && !fromEnvironment.equals(properties.get(name))) {
                log.warn("environment variable " + name + "=" + fromEnvironment + " overrides the local value "
                        + properties.get(name) + "; unset it to use the local stack");
            }
        }
    }
}
