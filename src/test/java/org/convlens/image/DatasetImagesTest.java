package org.convlens.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A class-folder image: decoded, area-averaged to the input size, 8-bit samples. */
class DatasetImagesTest {
    @TempDir
    Path dir;

    @Test
    void grayImageIsAreaAveragedToTheInput() throws Exception {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        int[][] v = {{0, 40, 100, 100}, {80, 120, 100, 100}, {255, 255, 0, 0}, {255, 255, 0, 10}};
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                img.getRaster().setSample(x, y, 0, v[y][x]);
            }
        }
        Path f = dir.resolve("g.png");
        ImageIO.write(img, "png", f.toFile());
        byte[] s = DatasetImages.decode(f, 1, 2, 2);
        // (0+40+80+120)/4 = 60, 100, 255, (0+0+0+10)/4 = 2.5 -> 3 (rounded half up, as ToTensor then *255).
        assertArrayEquals(new byte[] {60, 100, (byte) 255, 3}, s);
        byte[] rgb = DatasetImages.decode(f, 3, 1, 1);
        assertArrayEquals(new byte[] {104, 104, 104}, rgb, "the mean of all 16 (1670 / 16), the gray channel repeated");
    }

    @Test
    void colourImageBecomesLumaForOneChannel() throws Exception {
        BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xff0000);
        Path f = dir.resolve("red.png");
        ImageIO.write(img, "png", f.toFile());
        assertArrayEquals(new byte[] {76}, DatasetImages.decode(f, 1, 1, 1), "0.299 * 255 = 76.2");
        assertArrayEquals(new byte[] {(byte) 255, 0, 0}, DatasetImages.decode(f, 3, 1, 1));
    }

    @Test
    void notAnImageIsAPhotoException() throws Exception {
        Path f = dir.resolve("x.png");
        Files.writeString(f, "hello");
        assertThrows(PhotoException.class, () -> DatasetImages.decode(f, 1, 2, 2));
    }
}
