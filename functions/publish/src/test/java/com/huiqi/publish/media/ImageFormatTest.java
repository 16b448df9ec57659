package com.huiqi.publish.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Formats are told by their leading bytes, never by the declared type alone; SVG is not an image format here. */
class ImageFormatTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F'};

    @Test
    void eachFormatRecognisesOnlyItsOwnSignature() {
        assertTrue(ImageFormat.PNG.recognises(PNG));
        assertTrue(ImageFormat.JPEG.recognises(JPEG));
        assertFalse(ImageFormat.PNG.recognises(JPEG));
        assertFalse(ImageFormat.JPEG.recognises(PNG));
        assertFalse(ImageFormat.PNG.recognises(new byte[] {(byte) 0x89, 'P', 'N', 'G'}), "too short to be a PNG");
        assertFalse(ImageFormat.PNG.recognises("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void declaredTypesAreReadWithoutParametersAndSvgIsNotOne() {
        assertEquals(Optional.of(ImageFormat.PNG), ImageFormat.ofMediaType("Image/PNG; charset=binary"));
        assertEquals(Optional.of(ImageFormat.JPEG), ImageFormat.ofMediaType("image/jpeg"));
        assertEquals(Optional.empty(), ImageFormat.ofMediaType("image/svg+xml"));
        assertEquals(Optional.empty(), ImageFormat.ofMediaType(null));
        assertEquals(Optional.of(ImageFormat.JPEG), ImageFormat.ofExtension("jpg"));
    }
}
