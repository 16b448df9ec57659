package com.huiqi.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.huiqi.tests.support.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiqi.local.demo.ApiClient.Exchange;
import com.huiqi.tests.support.AuditTrail;
import com.huiqi.tests.support.TestStack;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Images of diagram interpretations (图解) over HTTP: staff upload a PNG or JPEG, reference its object
 * key in an interpretation, publish it, and every reader gets the same bytes back; anything that is
 * not an image of the declared type, too large or empty is refused; another center can neither read
 * nor reference the image.
 */
class MediaTest {

    private static final TestStack STACK = TestStack.get();
    private final String author = STACK.token("sip-staff");
    private final String reviewer = STACK.token("sip-window");

    /** A small real image, different for each {@code shade}, in {@code format} ("png" or "jpg"). */
    private static byte[] image(String format, int shade) {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(shade, 120, 200));
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.WHITE);
        g.drawString("图解", 8, 28);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Exchange upload(String token, byte[] bytes, String contentType) {
        return STACK.callBytes("POST", "/media/images", token, bytes, contentType);
    }

    private static Map<String, Object> diagram(String objectKey, String mediaType) {
        return Map.of("documentCode", "D-GKFH-2016-32", "form", "DIAGRAM", "title", "一图读懂高新技术企业认定",
                "interpretingUnit", "园区科技创新委员会",
                "attachments", List.of(Map.of("name", "一图读懂.png", "objectKey", objectKey, "mediaType", mediaType)));
    }

    private void publish(String code) {
        String path = "/catalogue/interpretations/" + code;
        long v = STACK.call("GET", path, author, null).json().get("version").asLong();
        Exchange submitted = STACK.call("POST", path + "/submit", author, Map.of("version", v));
        assertEquals(200, submitted.status(), submitted.body());
        Exchange approved = STACK.call("POST", path + "/approve", reviewer, Map.of("version", submitted.json().get("version").asLong()));
        assertEquals(200, approved.status(), approved.body());
    }

    @Test
    void anUploadedImageIsReferencedPublishedAndReadBackByEveryReader() {
        byte[] png = image("png", 10);
        int auditBefore = AuditTrail.size("sip-auditor");
        Exchange first = upload(author, png, "image/png");
        assertEquals(201, first.status(), first.body());
        String key = first.json().get("objectKey").asText();
        assertTrue(key.matches("sip/images/[0-9a-f]{64}\\.png"), key);
        assertEquals(png.length, first.json().get("size").asInt());
        assertEquals(auditBefore + 1, AuditTrail.size("sip-auditor"), "the upload is audited");

        // Content-addressed: the same bytes again are the same object and record, and nothing new is written.
        Exchange again = upload(STACK.token("sip-admin"), png, "image/png");
        assertEquals(200, again.status(), again.body());
        assertEquals(first.json(), again.json());
        assertEquals(auditBefore + 1, AuditTrail.size("sip-auditor"));
        assertArrayEquals(png, STACK.s3().getObjectAsBytes(r -> r.bucket(STACK.stack().mediaBucket()).key(key)).asByteArray(),
                "stored under the tenant's prefix in the media bucket");

        Exchange created = STACK.call("POST", "/catalogue/interpretations", author,
                Map.of("code", "I-T-MEDIA-1", "content", diagram(key, "image/png")));
        assertEquals(201, created.status(), created.body());
        String image = "/catalogue/interpretations/I-T-MEDIA-1/attachments/0";
        assertEquals(404, STACK.call("GET", image, author, null).status(), "not served before it is published");

        publish("I-T-MEDIA-1");
        for (String reader : List.of("sip-ent", "sip-kjj", "sip-expert", "sip-auditor", "sip-staff", "sip-admin")) {
            Exchange read = STACK.call("GET", image, STACK.token(reader), null);
            assertEquals(200, read.status(), reader + ": " + read.body());
            assertEquals("image/png", read.contentType());
            assertEquals("nosniff", read.headers().get("x-content-type-options"));
            assertArrayEquals(png, read.bytes(), reader + " gets the uploaded bytes");
        }
        assertEquals(404, STACK.call("GET", "/catalogue/interpretations/I-T-MEDIA-1/attachments/1", author, null).status());
        assertEquals(404, STACK.call("GET", "/catalogue/interpretations/I-T-MEDIA-1/attachments/x", author, null).status());
        assertEquals(404, STACK.call("GET", "/catalogue/products/P3205IP00145/attachments/0", author, null).status(),
                "only interpretations have images");

        long v = STACK.call("GET", "/catalogue/interpretations/I-T-MEDIA-1", author, null).json().get("version").asLong();
        assertEquals(200, STACK.call("POST", "/catalogue/interpretations/I-T-MEDIA-1/revoke", reviewer,
                Map.of("version", v, "reason", "图解有误，已撤回")).status());
        assertEquals(404, STACK.call("GET", image, STACK.token("sip-ent"), null).status(), "a revoked interpretation shows nothing");
    }

    @Test
    void aJpegIsAcceptedAndTheAttachmentMustSayWhatWasUploaded() {
        Exchange jpeg = upload(author, image("jpg", 60), "image/jpeg");
        assertEquals(201, jpeg.status(), jpeg.body());
        String key = jpeg.json().get("objectKey").asText();
        assertTrue(key.endsWith(".jpg"), key);
        assertProblem(STACK.call("POST", "/catalogue/interpretations", author,
                Map.of("code", "I-T-MEDIA-2", "content", diagram(key, "image/png"))), 422, "VALIDATION_FAILED",
                "content.attachments[0].mediaType");
        assertProblem(STACK.call("POST", "/catalogue/interpretations", author,
                Map.of("code", "I-T-MEDIA-2", "content", diagram(key, "image/svg+xml"))), 422, "VALIDATION_FAILED",
                "content.attachments[0].mediaType");
        assertProblem(STACK.call("POST", "/catalogue/interpretations", author,
                Map.of("code", "I-T-MEDIA-2", "content", diagram(key.replace("/images/", "/images/0").substring(0, key.length()),
                        "image/jpeg"))), 422, "VALIDATION_FAILED", "content.attachments[0].objectKey");
        assertEquals(201, STACK.call("POST", "/catalogue/interpretations", author,
                Map.of("code", "I-T-MEDIA-2", "content", diagram(key, "image/jpeg"))).status());
    }

    @Test
    void whatIsNotAnImageOfTheDeclaredTypeIsRefusedAndNothingIsStored() {
        int before = AuditTrail.size("sip-auditor");
        byte[] png = image("png", 90);
        assertProblem(upload(author, image("jpg", 90), "image/png"), 422, "INVALID_IMAGE", null);
        assertProblem(upload(author, png, "image/jpeg"), 422, "INVALID_IMAGE", null);
        assertProblem(upload(author, "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8), "image/svg+xml"), 415, "UNSUPPORTED_MEDIA_TYPE", null);
        assertProblem(upload(author, png, "application/octet-stream"), 415, "UNSUPPORTED_MEDIA_TYPE", null);
        assertProblem(upload(author, png, null), 415, "UNSUPPORTED_MEDIA_TYPE", null);
        assertProblem(upload(author, new byte[0], "image/png"), 400, "BODY_REQUIRED", null);
        byte[] huge = Arrays.copyOf(png, 4 * 1024 * 1024 + 1);
        assertProblem(upload(author, huge, "image/png"), 413, "PAYLOAD_TOO_LARGE", null);
        assertEquals(201, upload(author, Arrays.copyOf(png, 4 * 1024 * 1024), "image/png").status(), "exactly 4 MiB is allowed");
        assertEquals(before + 1, AuditTrail.size("sip-auditor"), "only the accepted upload left a trace");
        assertProblem(upload(STACK.token("sip-ent"), png, "image/png"), 403, "FORBIDDEN", null);
    }

    @Test
    void anotherCenterCanNeitherReadNorReferenceTheImage() {
        byte[] png = image("png", 150);
        String key = upload(author, png, "image/png").json().get("objectKey").asText();
        assertEquals(201, STACK.call("POST", "/catalogue/interpretations", author,
                Map.of("code", "I-T-MEDIA-3", "content", diagram(key, "image/png"))).status());
        publish("I-T-MEDIA-3");
        String wz = STACK.token("wz-staff");
        for (String account : List.of("wz-staff", "wz-ent", "wz-admin")) {
            assertEquals(404, STACK.call("GET", "/catalogue/interpretations/I-T-MEDIA-3/attachments/0",
                    STACK.token(account), null).status(), account);
        }
        assertProblem(STACK.call("POST", "/catalogue/interpretations", wz,
                Map.of("code", "I-T-MEDIA-3", "content", diagram(key, "image/png"))), 422, "VALIDATION_FAILED",
                "content.attachments[0].objectKey");
        // Wenzhou uploading the same picture gets an object of its own, under its own prefix.
        Exchange own = upload(wz, png, "image/png");
        assertEquals(201, own.status(), own.body());
        assertEquals(key.replaceFirst("^sip/", "wenzhou/"), own.json().get("objectKey").asText());
    }


}
