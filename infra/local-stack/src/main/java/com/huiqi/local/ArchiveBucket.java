package com.huiqi.local;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Creates a bucket of template.yaml (the archive, the search indexes) if the S3 server lacks it. */
final class ArchiveBucket {

    private ArchiveBucket() {
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
