package com.huiqi.publish.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.publish.catalogue.PublishedVersion;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.storage.ItemKey;
import com.huiqi.shared.storage.Stored;
import com.huiqi.shared.storage.TenantStore;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images of diagram interpretations (图解): staff upload them, an interpretation's attachments
 * name them by object key, and readers get them through the published interpretation only.
 *
 * <p>Object keys are {@code <tenant>/images/<sha256>.<ext>}: content-addressed, so uploading the same
 * image twice is one object and one record, and a key says which tenant owns it. Each upload is
 * recorded in the tenant's partition (with its audit record, in one transaction), which is what
 * "an uploaded image of this center" means when an interpretation is saved.
 */
@Singleton
public class MediaLibrary {

    /**
     * Lambda takes at most 6 MB in a synchronous request and API Gateway base64-encodes binary bodies
     * (4 bytes for every 3), so 4 MiB (5.6 MB encoded) is the largest image that reliably arrives.
     */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    static final String ENTITY = "UploadedImage";
    private static final Pattern KEY = Pattern.compile("([a-z0-9-]+)/images/([0-9a-f]{64})\\.([a-z]+)");

    private final MediaBucket bucket;

    public MediaLibrary(MediaBucket bucket) {
        this.bucket = bucket;
    }

    /**
     * An uploaded image.
     *
     * @param objectKey what an interpretation's attachment names
     * @param sha256    of the bytes, in lower-case hex
     */
    public record UploadedImage(String objectKey, String mediaType, long size, String sha256, String uploadedBy,
                                Instant uploadedAt) {
    }

    /** The record and whether this upload created it (false: the same image was uploaded before). */
    public record Upload(UploadedImage image, boolean created) {
    }

    /** An image as it is served. */
    public record Image(String mediaType, byte[] bytes) {
    }

    public Upload upload(TenantStore store, Caller actor, String requestId, String declaredType, byte[] bytes) {
        ImageFormat format = ImageFormat.ofMediaType(declaredType).orElseThrow(() -> new ApiException(415,
                "UNSUPPORTED_MEDIA_TYPE", "图解图片须为 PNG（image/png）或 JPEG（image/jpeg）；不接受 SVG，因其可携带脚本",
                "A diagram image is PNG (image/png) or JPEG (image/jpeg); SVG is refused as it can carry script"));
        if (bytes.length == 0) {
            throw ApiException.badRequest("BODY_REQUIRED", "请求体为空：请上传图片文件本身", "The body is empty: send the image file itself", null);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ApiException(413, "PAYLOAD_TOO_LARGE", "图片不能超过 4 MiB（" + MAX_BYTES + " 字节）",
                    "An image may be at most 4 MiB (" + MAX_BYTES + " bytes)");
        }
        if (!format.recognises(bytes)) {
            throw new ApiException(422, "INVALID_IMAGE", "文件内容不是 " + format.name() + " 图片，与声明的 " + format.mediaType() + " 不符",
                    "The content is not a " + format.name() + " image as the declared " + format.mediaType() + " says");
        }
        String sha256 = sha256(bytes);
        String key = store.keys().tenant().value() + "/images/" + sha256 + "." + format.extension();
        Optional<UploadedImage> existing = find(store, key);
        if (existing.isPresent()) {
            return new Upload(existing.get(), false);
        }
        bucket.put(store.keys().tenant(), key, format.mediaType(), bytes);
        UploadedImage image = new UploadedImage(key, format.mediaType(), bytes.length, sha256, actor.username(), Instant.now());
        try {
            store.begin(actor, requestId)
                    .create(recordKey(store, key), ENTITY, image)
                    .audit("media.upload", "images", key, null, image)
                    .commit();
        } catch (ApiException e) {
            // The same image uploaded at the same moment by someone else: theirs is the record.
            return find(store, key).map(other -> new Upload(other, false)).orElseThrow(() -> e);
        }
        return new Upload(image, true);
    }

    /**
     * Refuses an attachment that is not an image uploaded to this tenant, or whose media type is not
     * the uploaded one; {@code field} names the attachment, such as {@code content.attachments[0]}.
     */
    public void requireUploaded(TenantStore store, String field, String objectKey, String mediaType) {
        UploadedImage image = find(store, objectKey).orElseThrow(() -> ApiException.validation(field + ".objectKey",
                "不是本中心已上传的图片：" + objectKey + "；请先上传图片（POST /media/images），再使用其返回的 objectKey",
                "Not an image uploaded to this center: " + objectKey
                        + "; upload it first (POST /media/images) and use the objectKey it answers"));
        if (!image.mediaType().equals(mediaType)) {
            throw ApiException.validation(field + ".mediaType", "图片类型为 " + image.mediaType() + "，与所填的 "
                    + mediaType + " 不符", "The image is " + image.mediaType() + ", not " + mediaType);
        }
    }

    /** Image {@code index} of a published interpretation; a position it does not have is not found. */
    public Image attachment(TenantStore store, PublishedVersion published, String index) {
        JsonNode attachments = published.content().path("attachments");
        int i = position(index, attachments.size());
        String key = attachments.get(i).path("objectKey").asText();
        if (find(store, key).isEmpty()) {
            throw ApiException.notFound("图片", "image");
        }
        return new Image(attachments.get(i).path("mediaType").asText(), bucket.get(store.keys().tenant(), key));
    }

    /** The upload record of a key of this tenant; empty for anything else, including another tenant's keys. */
    private static Optional<UploadedImage> find(TenantStore store, String key) {
        Matcher m = key == null ? null : KEY.matcher(key);
        if (m == null || !m.matches() || !m.group(1).equals(store.keys().tenant().value())
                || ImageFormat.ofExtension(m.group(3)).isEmpty()) {
            return Optional.empty();
        }
        return store.get(recordKey(store, key).pk(), recordKey(store, key).sk(), UploadedImage.class).map(Stored::value);
    }

    private static ItemKey recordKey(TenantStore store, String key) {
        return ItemKey.of(store.keys().pk("MEDIA"), key.substring(key.indexOf('/') + 1));
    }

    private static int position(String raw, int size) {
        try {
            int i = Integer.parseInt(raw);
            if (i >= 0 && i < size) {
                return i;
            }
        } catch (NumberFormatException ignored) {
            // a position that cannot exist is an image that does not exist
        }
        throw ApiException.notFound("图片", "image");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
