package com.huiqi.local;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Creates template.yaml's buckets in the S3 server when it lacks them: the archive bucket (tenant
 * exports, records kept two years), the media bucket (images of diagram interpretations), the
 * search index bucket (derived data, one folder per tenant) and the imports bucket (files uploaded
 * for bulk import, and their rejects reports).
 */
final class Buckets {

    private Buckets() {
    }

    /** @return true when it was created now, false when a persisted data dir already had it */
    static boolean ensure(S3Client s3, String bucket) {
        try {
            s3.headBucket(r -> r.bucket(bucket));
            return false;
        } catch (NoSuchBucketException absent) {
            // create below
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
        }
        s3.createBucket(r -> r.bucket(bucket));
        return true;
    }
}
