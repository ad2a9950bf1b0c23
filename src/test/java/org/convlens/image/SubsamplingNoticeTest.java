package org.convlens.image;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notice of a photo read scaled down: in the reader's language, no "3th", no "0.0 megapixel". */
class SubsamplingNoticeTest {
    private static final Path FACE = ApplyFixturesTest.DIR.resolve("astronaut_face.png");

    @Test
    void theNoticeHasNoBadOrdinalAndNoZeroLimit() throws PhotoException {
        // was "over the 0.0 megapixel limit, so every 3th row and column was read"
        Photo p = new PhotoReader(ColorMode.COLOR, 400, Locale.ROOT).read(FACE);
        assertEquals(3, p.subsample());
        assertEquals("scaled down: 64 x 48 is over the 0.0004 megapixel limit, so only one row and column in 3 was read"
                + " (22 x 16)", p.notices().get(0));
        String zh = new PhotoReader(ColorMode.COLOR, 400, Locale.SIMPLIFIED_CHINESE).read(FACE).notices().get(0);
        assertTrue(zh.startsWith("已缩小"), zh);
    }

    @Test
    void megapixelsKeepTwoSignificantDigits() {
        assertEquals("12", PhotoReader.megapixels(12_000_000));
        assertEquals("1.5", PhotoReader.megapixels(1_500_000));
        assertEquals("0.25", PhotoReader.megapixels(250_000));
        assertEquals("0.00006", PhotoReader.megapixels(60));
    }
}
