package org.convlens.image;

import org.convlens.engine.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhotoReaderTest {
    private static final Path FIXTURES = ApplyFixturesTest.DIR;

    private static PhotoReader reader() {
        return new PhotoReader(ColorMode.COLOR, 64_000_000L, Locale.ROOT);
    }

    private static String failure(Path p) {
        return assertThrows(PhotoException.class, () -> reader().read(p)).key();
    }

    @Test
    void colourPhotoHasThreeChannelsInUnitRange() throws PhotoException {
        Photo p = reader().read(FIXTURES.resolve("astronaut_face.png"));
        assertEquals(3, p.channels());
        assertEquals(64, p.width());
        assertEquals(48, p.height());
        for (float v : p.tensor().data()) {
            assertTrue(v >= 0f && v <= 1f);
        }
        assertEquals(1, p.subsample());
        assertTrue(p.notices().isEmpty());
    }

    @Test
    void grayFileHasOneChannelEvenInColourMode() throws PhotoException {
        Photo p = reader().read(FIXTURES.resolve("camera_head.png"));
        assertEquals(1, p.channels());
        assertTrue(p.fileGray());
    }

    @Test
    void grayModeIsBt601LumaOfTheColourChannels() throws PhotoException {
        Tensor rgb = reader().read(FIXTURES.resolve("astronaut_face.png")).tensor();
        Tensor gray = new PhotoReader(ColorMode.GRAY, 64_000_000L, Locale.ROOT).read(FIXTURES.resolve("astronaut_face.png")).tensor();
        assertEquals(1, gray.channels());
        for (int y = 0; y < gray.height(); y += 7) {
            for (int x = 0; x < gray.width(); x += 5) {
                double want = 0.299 * rgb.get(0, y, x) + 0.587 * rgb.get(1, y, x) + 0.114 * rgb.get(2, y, x);
                assertEquals(want, gray.get(0, y, x), 1e-6);
            }
        }
    }

    @Test
    void missingPathFolderAndEmptyFileAreNamed(@TempDir Path tmp) throws IOException {
        assertEquals("error.missing", failure(tmp.resolve("nope.png")));
        assertEquals("error.folder", failure(tmp));
        Path empty = Files.createFile(tmp.resolve("empty.png"));
        assertEquals("error.empty", failure(empty));
    }

    @Test
    void textFileIsNotAnImage(@TempDir Path tmp) throws IOException {
        Path p = Files.writeString(tmp.resolve("notes.png"), "these are my notes, not a picture");
        PhotoException e = assertThrows(PhotoException.class, () -> reader().read(p));
        assertEquals("error.notImage", e.key());
        assertTrue(e.line(Locale.ROOT).startsWith(p.toString() + ": not an image"), e.line(Locale.ROOT));
    }

    @Test
    void webpAndTiffAreUnsupportedByName(@TempDir Path tmp) throws IOException {
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ....".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path w = Files.write(tmp.resolve("a.webp"), webp);
        PhotoException e = assertThrows(PhotoException.class, () -> reader().read(w));
        assertEquals("error.unsupported", e.key());
        assertTrue(e.reason(Locale.ROOT).startsWith("WebP"), e.reason(Locale.ROOT));
        Path t = Files.write(tmp.resolve("a.tif"), new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0, 0, 0});
        assertEquals("error.unsupported", failure(t));
    }

    @ParameterizedTest
    @ValueSource(strings = {"astronaut_face.png", "rocket.jpg", "coffee.bmp"})
    void truncatedFileIsReportedAsTruncated(String name, @TempDir Path tmp) throws IOException {
        byte[] all = Files.readAllBytes(FIXTURES.resolve(name));
        Path cut = Files.write(tmp.resolve("cut-" + name), Arrays.copyOf(all, all.length / 2));
        assertEquals("error.truncated", failure(cut));
    }

    @Test
    void garbageAfterAValidHeaderIsCorrupt(@TempDir Path tmp) throws IOException {
        byte[] all = Files.readAllBytes(FIXTURES.resolve("astronaut_face.png"));
        for (int i = 60; i < all.length - 20; i++) {
            all[i] = (byte) (i * 31);
        }
        Path bad = Files.write(tmp.resolve("bad.png"), all);
        String key = failure(bad);
        assertTrue(key.equals("error.corrupt") || key.equals("error.truncated"), key);
    }

    @Test
    void gifTruncatedIsRefused(@TempDir Path tmp) throws IOException {
        byte[] all = Files.readAllBytes(FIXTURES.resolve("chelsea.gif"));
        Path cut = Files.write(tmp.resolve("cut.gif"), Arrays.copyOf(all, all.length / 2));
        String key = failure(cut);
        assertTrue(key.equals("error.corrupt") || key.equals("error.truncated"), key);
    }

    /** A PNG whose header claims 100000 x 100000 pixels but holds almost nothing: refused before decoding. */
    @Test
    void decompressionBombIsRefusedFromTheHeader(@TempDir Path tmp) throws IOException {
        Path bomb = Files.write(tmp.resolve("bomb.png"), pngHeaderOnly(100_000, 100_000));
        PhotoException e = assertThrows(PhotoException.class, () -> reader().read(bomb));
        assertEquals("error.bomb", e.key());
        assertTrue(e.reason(Locale.ROOT).contains("100000 x 100000"), e.reason(Locale.ROOT));
    }

    static byte[] pngHeaderOnly(int w, int h) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 0).put((byte) 0)
                .put((byte) 0).put((byte) 0);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(b, "IHDR", ihdr.array());
        chunk(b, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(b, "IEND", new byte[0]);
        return b.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream b, String type, byte[] data) {
        b.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        b.writeBytes(t);
        b.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        b.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void photoOverTheLimitIsSubsampledWithANotice() throws PhotoException {
        Photo full = reader().read(FIXTURES.resolve("astronaut_face.png"));
        Photo small = new PhotoReader(ColorMode.COLOR, 1000, Locale.ROOT).read(FIXTURES.resolve("astronaut_face.png"));
        assertEquals(2, small.subsample());
        assertEquals(32, small.width());
        assertEquals(24, small.height());
        assertTrue(small.scaledDown());
        assertTrue(small.notices().get(0).startsWith("scaled down: 64 x 48"), small.notices().get(0));
        assertEquals(full.tensor().get(1, 2 * 5, 2 * 7), small.tensor().get(1, 5, 7));
    }

    @Test
    void subsamplingIsTheSmallestFactorThatFits() {
        assertEquals(1, PhotoReader.subsampling(4000, 3000, 12_000_000));
        assertEquals(2, PhotoReader.subsampling(4001, 3000, 12_000_000));
        assertEquals(3, PhotoReader.subsampling(9000, 6000, 12_000_000));
    }

    @Test
    void bundledSamplesAllRead() throws PhotoException {
        for (String name : Samples.names()) {
            Photo p = reader().read(Samples.bytes(name), name);
            assertTrue(p.width() >= 172, name);
        }
        assertEquals(9, Samples.names().size());
    }

    @Test
    void sixteenBitGrayIsScaledByItsOwnMaximum(@TempDir Path tmp) throws Exception {
        BufferedImage img = new BufferedImage(3, 1, BufferedImage.TYPE_USHORT_GRAY);
        img.getRaster().setSample(0, 0, 0, 0);
        img.getRaster().setSample(1, 0, 0, 65535);
        img.getRaster().setSample(2, 0, 0, 32768);
        Path p = tmp.resolve("g16.png");
        ImageIO.write(img, "png", p.toFile());
        Tensor t = reader().read(p).tensor();
        assertEquals(0f, t.get(0, 0, 0));
        assertEquals(1f, t.get(0, 0, 1));
        assertEquals(32768f / 65535f, t.get(0, 0, 2));
    }
}
