package org.convlens.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.convlens.image.ApplyFixturesTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A test about the heap itself, run in a JVM of its own (surefire execution "own-heap"): in the
 * shared test JVM, what earlier window tests keep alive decides whether 50 megapixels fit.
 */
class BigPhotoHeapTest {
    /** A 50-megapixel photo is processed at full size within the test JVM's heap (surefire's -Xmx3g). */
    @Test
    void fiftyMegapixelPhotoWorks(@TempDir Path tmp) throws IOException {
        int w = 8200;
        int h = 6100;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x += 64) {
                px[y * w + x] = (byte) 255;
            }
        }
        Path big = tmp.resolve("big.png");
        ImageIO.write(img, "png", big.toFile());
        img = null;
        px = null;
        Path raw = tmp.resolve("big.npy");
        Object[] r = cli("apply", "--kernel", "sobel_x", "--padding", "same", big.toString(), tmp.resolve("o.png").toString(),
                "--raw", raw.toString());
        assertEquals(0, r[0], (String) r[2]);
        assertEquals(Npy.header(1, h, w).length + 4L * w * h, Files.size(raw));
        assertFalse(((String) r[2]).contains("scaled down"), (String) r[2]);
        Object[] small = cli("apply", "--kernel", "sobel_x", "--max-megapixels", "12", big.toString(),
                tmp.resolve("o.png").toString(), "--raw", raw.toString());
        assertEquals(0, small[0], (String) small[2]);
        assertTrue(((String) small[2]).contains("scaled down: 8200 x 6100"), (String) small[2]);
        // every 3rd row and column: 2734 x 2034, then the valid 3 x 3 window takes 2 off each axis
        assertEquals(Npy.header(1, 2032, 2732).length + 4L * 2032 * 2732, Files.size(raw));
    }
}
