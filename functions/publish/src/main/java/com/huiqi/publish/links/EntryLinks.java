package com.huiqi.publish.links;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.huiqi.publish.catalogue.CatalogueKind;
import com.huiqi.shared.config.Env;
import com.huiqi.shared.tenancy.TenantId;
import jakarta.inject.Singleton;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Stable public links to published catalogue entries, and their QR codes (000 §7.1.2.3, §7.3.3:
 * every product and notice can be opened from print by scanning). A link names the tenant, kind
 * and code, never a version, so a printed code keeps opening the current version.
 */
@Singleton
public class EntryLinks {

    /** Base of the web and mini-program entry pages, per deployment. */
    public static final String PUBLIC_BASE_URL = "PUBLIC_BASE_URL";
    private static final String DEFAULT_BASE = "https://huiqi.example";
    private static final int SIZE = 360;

    public String link(TenantId tenant, CatalogueKind kind, String code) {
        String base = Env.get(PUBLIC_BASE_URL).orElse(DEFAULT_BASE);
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/t/" + tenant.value() + "/" + kind.segment() + "/" + code;
    }

    /** A PNG QR code of the link, with medium error correction so a slightly damaged print still scans. */
    public byte[] qrPng(String link) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(link, BarcodeFormat.QR_CODE, SIZE, SIZE,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode " + link, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
