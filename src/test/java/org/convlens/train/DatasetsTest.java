package org.convlens.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped Fashion-MNIST subset, IDX folders of every kind, class folders, and every malformed file. */
class DatasetsTest {
    @TempDir
    Path dir;

    @Test
    void shippedFashionSubsetIsWhatTheScriptWrote() {
        DataSplit d = IdxFiles.fashion();
        assertEquals(10000, d.train().size());
        assertEquals(2000, d.test().size());
        assertEquals(28, d.train().height());
        assertEquals(10, d.train().classCount());
        int[] counts = new int[10];
        for (int i = 0; i < d.train().size(); i++) {
            counts[d.train().label(i)]++;
        }
        assertArrayEquals(new int[] {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000}, counts);
        // Printed by numpy from the committed files (tools/fixtures/make_fashion_subset.py's output).
        assertArrayEquals(new int[] {7, 9, 6, 0, 5, 4, 7, 1}, java.util.stream.IntStream.range(0, 8)
                .map(i -> d.train().label(i)).toArray());
        assertEquals(24614, sum(d.train().samples(0)));
        assertEquals(26651, sum(d.train().samples(9999)));
        assertEquals(34139, sum(d.test().samples(1999)));
        assertEquals(171 / 255f, d.train().image(0).get(0, 14, 14), 1e-7);
        assertEquals("Ankle boot", d.train().className(9, Locale.ROOT));
        assertEquals("短靴", d.train().className(9, Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void idxFolderGzippedOrNotWithClassNames() throws IOException {
        byte[][] imgs = {{1, 2, 3, 4, 5, 6}, {7, 8, 9, 10, 11, 12}, {0, 0, 0, 0, 0, (byte) 255}};
        writeSet(dir, "", imgs, new int[] {0, 2, 1}, true, false);
        Files.writeString(dir.resolve("classes.txt"), "zero\none\ntwo\n");
        DataSplit d = IdxFiles.open(dir);
        assertEquals(3, d.train().size());
        assertEquals(2, d.train().height());
        assertEquals(3, d.train().width());
        assertEquals("two", d.train().className(2, Locale.ROOT));
        assertArrayEquals(imgs[1], d.train().samples(1));
        assertEquals(1f, d.test().image(2).get(0, 1, 2));
    }

    @Test
    void emnistImagesAreTransposedBackAndNamedByTheMapping() throws IOException {
        byte[][] imgs = {{1, 2, 3, 4, 5, 6}};
        writeSet(dir, "emnist-letters-", imgs, new int[] {1}, false, false);
        writeSet(dir, "emnist-digits-", imgs, new int[] {0}, false, false);
        Files.writeString(dir.resolve("emnist-letters-mapping.txt"), "1 65 97\n2 66 98\n");
        DataException e = assertThrows(DataException.class, () -> IdxFiles.open(dir));
        assertEquals("data.idx.several", e.key());
        DataSplit d = IdxFiles.open(dir.resolve("emnist-letters-"));
        assertEquals(3, d.train().height(), "stored 2 x 3, transposed to 3 x 2");
        assertEquals(2, d.train().width());
        assertArrayEquals(new byte[] {1, 4, 2, 5, 3, 6}, d.train().samples(0));
        assertEquals("A", d.train().className(1, Locale.ROOT));
    }

    @Test
    void everyMalformedFileIsOneClearError() throws IOException {
        assertEquals("data.idx.none", assertThrows(DataException.class, () -> IdxFiles.open(dir)).key());
        assertEquals("data.missing", assertThrows(DataException.class,
                () -> IdxFiles.open(dir.resolve("nope/x"))).key());
        assertBad("data.idx.magic", new byte[] {1, 2, 3, 4, 0, 0, 0, 1, 0});
        assertBad("data.idx.type", idx(0x0d, new int[] {1}, new byte[4]));
        assertBad("data.idx.short", new byte[] {0, 0});
        assertBad("data.idx.length", idx(0x08, new int[] {3, 2, 2}, new byte[11]));
        assertBad("data.idx.tooLarge", idx(0x08, new int[] {100000, 100000, 100000}, new byte[0]));
        assertBad("data.idx.truncated", gzip(idx(0x08, new int[] {3, 2, 2}, new byte[11])));
        assertBad("data.idx.trailing", gzip(idx(0x08, new int[] {1, 2, 2}, new byte[5])));
        byte[] badGzip = gzip(idx(0x08, new int[] {1, 2, 2}, new byte[4]));
        badGzip[badGzip.length - 5] ^= 0x55;
        assertBad("data.gzip", badGzip);
    }

    @Test
    void labelsMustMatchTheImages() throws IOException {
        writeSet(dir, "", new byte[][] {{1, 2, 3, 4, 5, 6}, {1, 2, 3, 4, 5, 6}}, new int[] {0, 1}, false, false);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), idx(0x08, new int[] {3}, new byte[] {0, 1, 1}));
        DataException e = assertThrows(DataException.class, () -> IdxFiles.open(dir));
        assertEquals("data.idx.count", e.key());
        assertTrue(e.line(Locale.ROOT).startsWith(dir.resolve("train-labels-idx1-ubyte").toString() + ": there are 3 labels"),
                e.line(Locale.ROOT));
    }

    @Test
    void classFoldersSplitEveryFifthImageForTesting() throws IOException {
        for (String c : List.of("cat", "dog")) {
            Files.createDirectories(dir.resolve(c));
            for (int i = 0; i < 10; i++) {
                Files.write(dir.resolve(c).resolve("img" + i + ".png"), new byte[] {(byte) i});
            }
        }
        Files.writeString(dir.resolve("cat/notes.txt"), "not an image");
        int[] seen = {0};
        DataSplit d = ClassFolders.read(dir, 1, 2, 2, (f, c, h, w) -> {
            byte v = Files.readAllBytes(f)[0];
            return new byte[] {v, v, v, v};
        }, (done, total) -> seen[0] = total);
        assertEquals(20, seen[0]);
        assertEquals(16, d.train().size());
        assertEquals(4, d.test().size());
        assertEquals("dog", d.train().className(1, Locale.ROOT));
        assertEquals(4, d.test().samples(0)[0], "img4 is the fifth image of cat");
        assertEquals(1, d.test().label(2));
    }

    @Test
    void classFolderImageThatCannotBeReadIsNamed() throws IOException {
        for (String c : List.of("a", "b")) {
            Files.createDirectories(dir.resolve("train").resolve(c));
            Files.createDirectories(dir.resolve("test").resolve(c));
            Files.write(dir.resolve("train").resolve(c).resolve("x.jpg"), new byte[1]);
            Files.write(dir.resolve("test").resolve(c).resolve("y.jpg"), new byte[1]);
        }
        DataException e = assertThrows(DataException.class, () -> ClassFolders.read(dir, 1, 2, 2, (f, c, h, w) -> {
            throw new IOException("truncated");
        }, null));
        assertEquals(dir.resolve("train/a/x.jpg").toString(), e.where());
        assertEquals("data.folder.image", e.key());
        Files.delete(dir.resolve("test/b/y.jpg"));
        Files.delete(dir.resolve("test/b"));
        assertEquals("data.missing", assertThrows(DataException.class,
                () -> ClassFolders.read(dir, 1, 2, 2, (f, c, h, w) -> new byte[4], null)).key());
    }

    private void assertBad(String key, byte[] file) throws IOException {
        Path f = dir.resolve("bad");
        Files.write(f, file);
        DataException e = assertThrows(DataException.class, () -> IdxFiles.readFile(f));
        assertEquals(key, e.key(), e.getMessage());
        assertEquals(f.toString(), e.where());
    }

    private static void writeSet(Path dir, String prefix, byte[][] images, int[] labels, boolean gz, boolean x)
            throws IOException {
        int n = images.length;
        byte[] px = new byte[n * 6];
        byte[] lab = new byte[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(images[i], 0, px, i * 6, 6);
            lab[i] = (byte) labels[i];
        }
        for (String split : List.of("train", "t10k")) {
            byte[] im = idx(0x08, new int[] {n, 2, 3}, px);
            byte[] lb = idx(0x08, new int[] {n}, lab);
            String ext = gz ? ".gz" : "";
            Files.write(dir.resolve(prefix + split + "-images-idx3-ubyte" + ext), gz ? gzip(im) : im);
            Files.write(dir.resolve(prefix + split + "-labels-idx1-ubyte" + ext), gz ? gzip(lb) : lb);
        }
    }

    static byte[] idx(int type, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(data);
        return b.array();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static int sum(byte[] b) {
        int s = 0;
        for (byte v : b) {
            s += v & 0xff;
        }
        return s;
    }
}
