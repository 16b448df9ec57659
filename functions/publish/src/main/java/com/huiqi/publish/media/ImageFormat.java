package com.huiqi.publish.media;

import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats a diagram (图解) may use, recognised by their leading bytes: a declared content
 * type alone proves nothing about what was sent. SVG is not among them: it is XML that can carry
 * script and links, and served from the API's own origin it would run in readers' browsers; raster
 * images cannot.
 */
public enum ImageFormat {
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
    JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});

    private final String mediaType;
    private final String extension;
    private final byte[] signature;

    ImageFormat(String mediaType, String extension, byte[] signature) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.signature = signature;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The file extension of its object keys. */
    public String extension() {
        return extension;
    }

    /** Whether the bytes start as this format's files do. */
    public boolean recognises(byte[] bytes) {
        return bytes.length >= signature.length && Arrays.equals(bytes, 0, signature.length, signature, 0, signature.length);
    }

    /** The format of a declared media type, ignoring parameters such as {@code ; charset=...}. */
    public static Optional<ImageFormat> ofMediaType(String declared) {
        if (declared == null) {
            return Optional.empty();
        }
        String type = declared.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.mediaType.equals(type)).findFirst();
    }

    public static Optional<ImageFormat> ofExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
    }
}
