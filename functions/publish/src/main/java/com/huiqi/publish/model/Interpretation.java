package com.huiqi.publish.model;

import com.huiqi.publish.media.ImageFormat;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.validation.Fields;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * 政策解读 (000 §7.1.2): an interpretation of one policy document in words (文字解读), as a
 * diagram (图解, image attachments) or as a video (视频解读, a link).
 *
 * @param documentCode      the document it interprets
 * @param interpretingUnit  解释单位 that issued it
 * @param attachments       for diagrams: the images, uploaded to the media bucket; {@code objectKey} is what
 *                          the upload answered (saving checks it is an image uploaded to this center)
 * @param videoUrl          for videos: an https link to the video
 */
public record Interpretation(
        String documentCode,
        Form form,
        String title,
        String body,
        String interpretingUnit,
        List<Attachment> attachments,
        String videoUrl) implements CatalogueContent {

    /** The form of an interpretation. */
    public enum Form {
        /** 文字解读 */
        TEXT,
        /** 图解 */
        DIAGRAM,
        /** 视频解读 */
        VIDEO
    }

    /** An image of a diagram. */
    public record Attachment(String name, String objectKey, String mediaType) {
    }

    @Override
    public Interpretation normalized() {
        Form f = Fields.required("form", form);
        List<Attachment> checked = new ArrayList<>();
        List<Attachment> given = attachments == null ? List.of() : attachments;
        for (int i = 0; i < given.size(); i++) {
            Attachment a = Fields.required("attachments[" + i + "]", given.get(i));
            String field = "attachments[" + i + "]";
            // No SVG: see ImageFormat for why.
            if (ImageFormat.ofMediaType(a.mediaType()).filter(t -> t.mediaType().equals(a.mediaType())).isEmpty()) {
                throw ApiException.validation(field + ".mediaType", "图解附件须为 PNG（image/png）或 JPEG（image/jpeg）图片",
                        "A diagram attachment is a PNG (image/png) or JPEG (image/jpeg) image");
            }
            checked.add(new Attachment(Fields.text(field + ".name", a.name(), 1, 100),
                    Fields.text(field + ".objectKey", a.objectKey(), 3, 256), a.mediaType()));
        }
        if (f == Form.DIAGRAM && checked.isEmpty()) {
            throw ApiException.validation("attachments", "图解至少需要一张图片", "A diagram needs at least one image");
        }
        if (f != Form.DIAGRAM && !checked.isEmpty()) {
            throw ApiException.validation("attachments", "只有图解带图片附件", "Only diagrams have image attachments");
        }
        String video = videoUrl == null || videoUrl.isBlank() ? null : videoUrl.strip();
        if (f == Form.VIDEO && (video == null || !isHttps(video))) {
            throw ApiException.validation("videoUrl", "视频解读须提供 https 视频链接", "A video interpretation needs an https link");
        }
        if (f != Form.VIDEO && video != null) {
            throw ApiException.validation("videoUrl", "只有视频解读带视频链接", "Only video interpretations have a video link");
        }
        return new Interpretation(
                Codes.check("documentCode", documentCode),
                f,
                Fields.text("title", title, 2, 200),
                f == Form.TEXT ? Fields.text("body", body, 20, 20_000) : Fields.optionalText("body", body, 2000),
                Fields.text("interpretingUnit", interpretingUnit, 2, 64),
                List.copyOf(checked),
                video);
    }

    private static boolean isHttps(String url) {
        try {
            URI uri = URI.create(url);
            return "https".equals(uri.getScheme()) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String displayName() {
        return title;
    }
}
