package org.convlens.image;

import org.convlens.engine.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.convlens.image.ApplyFixturesTest.DIR;
import static org.convlens.image.ApplyFixturesTest.cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code apply}: bad input gets exit status 2 and one line naming the file; folders; big photos. */
class ApplyCommandTest {
    private static String face() {
        return DIR.resolve("astronaut_face.png").toString();
    }

    private static void assertOneLine(Object[] r, String start) {
        assertEquals(2, r[0], "exit status; stderr: " + r[2]);
        String err = ((String) r[2]).strip();
        assertFalse(err.contains("\n"), "one line on stderr: " + err);
        assertTrue(err.startsWith(start), err);
    }

    @Test
    void helpListsTheSettingsNames() {
        Object[] r = cli("apply", "--help");
        assertEquals(0, r[0]);
        for (String flag : new String[] {"--kernel", "--stride", "--padding", "--padding-mode", "--dilation",
            "--activation", "--pool", "--gray", "--raw", "--show", "depthwise"}) {
            assertTrue(((String) r[1]).contains(flag), flag);
        }
    }

    @Test
    void missingInputIsNamed(@TempDir Path tmp) {
        assertOneLine(cli("apply", "--kernel", "sobel_x", tmp.resolve("nope.jpg").toString(), tmp.resolve("o.png").toString()),
                tmp.resolve("nope.jpg") + ": no such file");
    }

    @Test
    void truncatedPhotoIsNamedAndNothingIsWritten(@TempDir Path tmp) throws IOException {
        byte[] all = Files.readAllBytes(DIR.resolve("rocket.jpg"));
        Path cut = Files.write(tmp.resolve("cut.jpg"), Arrays.copyOf(all, all.length - 200));
        Path out = tmp.resolve("o.png");
        assertOneLine(cli("apply", "--kernel", "sobel_x", cut.toString(), out.toString()), cut + ": truncated JPEG image");
        assertFalse(Files.exists(out));
    }

    @Test
    void notAnImageAndUnsupportedFormat(@TempDir Path tmp) throws IOException {
        Path txt = Files.writeString(tmp.resolve("a.png"), "hello");
        assertOneLine(cli("apply", "--kernel", "sobel_x", txt.toString(), tmp.resolve("o.png").toString()),
                txt + ": not an image");
        Path webp = Files.write(tmp.resolve("a.webp"), "RIFF0000WEBPVP8 xxxxxx".getBytes());
        assertOneLine(cli("apply", "--kernel", "sobel_x", webp.toString(), tmp.resolve("o.png").toString()),
                webp + ": WebP images are not supported");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--stride|0|convlens apply: --stride: must be a whole number of at least 1",
        "--padding-mode|mirror|convlens apply: --padding-mode: ",
        "--kernel|sobel|convlens apply: --kernel \"sobel\" is not a preset",
        "--kernel|1 2; 3|convlens apply: --kernel \"1 2; 3\": row 2 has 1 values",
        "--pool|max:0|convlens apply: --pool.size: must be a whole number of at least 1",
        "--show|bright|convlens apply: --show takes one of raw, abs, clamp"})
    void badSettingsNameTheFlag(String flag, String value, String start, @TempDir Path tmp) {
        String[] args = flag.equals("--kernel") ? new String[] {"apply", flag, value, face(), tmp.resolve("o.png").toString()}
                : new String[] {"apply", "--kernel", "sobel_x", flag, value, face(), tmp.resolve("o.png").toString()};
        assertOneLine(cli(args), start);
    }

    @Test
    void settingThatDoesNotFitThePhotoNamesTheFile(@TempDir Path tmp) {
        Object[] r = cli("apply", "--kernel", "sobel_x", "--padding", "60", "--padding-mode", "reflect", face(),
                tmp.resolve("o.png").toString());
        assertOneLine(r, face() + ": --padding: reflect padding of 60");
    }

    @Test
    void kernelFromTextJsonAndNpyFilesGivesTheSameResult(@TempDir Path tmp) throws IOException {
        Path txt = Files.writeString(tmp.resolve("k.txt"), "# sobel\n-1 0 1\n-2 0 2\n-1 0 1\n");
        Path json = Files.writeString(tmp.resolve("k.json"), "{\"kernel\": [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]}");
        Path npy = tmp.resolve("k.npy");
        Npy.write(Tensor.of(new float[][] {{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}}), npy);
        Tensor want = null;
        for (String k : new String[] {"sobel_x", txt.toString(), json.toString(), npy.toString(), "-1 0 1; -2 0 2; -1 0 1"}) {
            Path raw = tmp.resolve("r.npy");
            Object[] r = cli("apply", "--kernel", k, "--quiet", face(), tmp.resolve("o.png").toString(), "--raw", raw.toString());
            assertEquals(0, r[0], (String) r[2]);
            Tensor got = Npy.read(raw);
            if (want == null) {
                want = got;
            }
            assertEquals(want, got, k);
        }
    }

    @Test
    void specFileGivesSettingsAndFlagsWin(@TempDir Path tmp) throws IOException {
        Path spec = Files.writeString(tmp.resolve("s.json"),
                "{\"input\": [[1]], \"kernel\": [[1, 0, -1], [1, 0, -1], [1, 0, -1]], \"stride\": 2, \"padding\": \"same\"}");
        Path raw = tmp.resolve("r.npy");
        Object[] r = cli("apply", "--spec", spec.toString(), "--stride", "1", "--gray", face(), tmp.resolve("o.png").toString(),
                "--raw", raw.toString());
        assertEquals(0, r[0], (String) r[2]);
        assertArrayEquals(new int[] {1, 48, 64}, Npy.read(raw).shape());
    }

    @Test
    void pngAsShownClampedIsTheValueTimes255(@TempDir Path tmp) throws IOException {
        Path png = tmp.resolve("o.png");
        Path raw = tmp.resolve("o.npy");
        Object[] r = cli("apply", "--kernel", "gaussian", "--gray", "--show", "clamp", DIR.resolve("camera_head.png").toString(),
                png.toString(), "--raw", raw.toString());
        assertEquals(0, r[0], (String) r[2]);
        Tensor t = Npy.read(raw);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, img.getType());
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            assertEquals(Math.round(Math.min(1f, Math.max(0f, t.data()[i])) * 255f), px[i] & 0xFF, "pixel " + i);
        }
    }

    @Test
    void signedResultIsDivergingRgbAndSeveralChannelsAGrid(@TempDir Path tmp) throws IOException {
        Path png = tmp.resolve("o.png");
        assertEquals(0, cli("apply", "--kernel", "sobel_x", "--gray", "--quiet", face(), png.toString())[0]);
        assertEquals(3, ImageIO.read(png.toFile()).getColorModel().getNumComponents(), "diverging map: an RGB PNG");
        assertEquals(0, cli("apply", "--kernel", "sobel_x", "--channel", "all", "--quiet", face(), png.toString())[0]);
        BufferedImage grid = ImageIO.read(png.toFile());
        assertEquals(2 * 62 + PngOut.GAP, grid.getWidth());
        assertEquals(2 * 46 + PngOut.GAP, grid.getHeight());
    }

    @Test
    void folderInFolderOutOneAtATimeBadFilesReported(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectory(tmp.resolve("in"));
        Files.copy(DIR.resolve("astronaut_face.png"), in.resolve("a.png"));
        Files.copy(DIR.resolve("rocket.jpg"), in.resolve("b.jpg"));
        Files.copy(DIR.resolve("coffee.bmp"), in.resolve("a.bmp"));
        Files.writeString(in.resolve("c.png"), "not an image");
        Files.writeString(in.resolve("readme.txt"), "skipped: not a photo name");
        Path out = tmp.resolve("out");
        Path raw = tmp.resolve("raw");
        Object[] r = cli("apply", "--kernel", "box_blur", in.toString(), out.toString(), "--raw", raw.toString());
        assertEquals(2, r[0]);
        String err = (String) r[2];
        assertTrue(err.contains(in.resolve("c.png") + ": not an image"), err);
        assertTrue(err.contains("] 4/4"), err);
        assertTrue(Files.exists(out.resolve("a_png.png")));
        assertTrue(Files.exists(out.resolve("a_bmp.png")));
        assertTrue(Files.exists(out.resolve("b.png")));
        assertTrue(Files.exists(raw.resolve("b.npy")));
        assertFalse(Files.exists(out.resolve("c.png")));
        assertTrue(((String) r[1]).contains("3 of 4 photos written"), (String) r[1]);
    }

    @Test
    void emptyFolderSaysSo(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectory(tmp.resolve("in"));
        assertOneLine(cli("apply", "--kernel", "box_blur", in.toString(), tmp.resolve("out").toString()), in + ": no photos");
    }
}
