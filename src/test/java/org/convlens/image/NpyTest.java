package org.convlens.image;

import org.convlens.engine.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyTest {
    @Test
    void headerIsVersionOneLittleEndianFloat32CShapeAlignedTo64() {
        byte[] h = Npy.header(3, 48, 64);
        assertEquals(0, h.length % 64);
        assertEquals((byte) 0x93, h[0]);
        assertEquals("NUMPY", new String(h, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, h[6]);
        assertEquals(0, h[7]);
        String dict = new String(h, 10, h.length - 10, StandardCharsets.US_ASCII);
        assertTrue(dict.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 48, 64), }"), dict);
        assertTrue(dict.endsWith("\n"));
        assertEquals(h.length - 10, (h[8] & 0xFF) | (h[9] & 0xFF) << 8);
    }

    @Test
    void writeThenReadGivesTheSameValues(@TempDir Path tmp) throws IOException {
        Random rnd = new Random(3);
        float[] d = new float[2 * 5 * 70000];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rnd.nextGaussian();
        }
        Tensor t = new Tensor(2, 5, 70000, d);
        Path p = tmp.resolve("t.npy");
        Npy.write(t, p);
        assertEquals(Npy.header(2, 5, 70000).length + 4L * d.length, Files.size(p));
        assertEquals(t, Npy.read(p));
    }

    @Test
    void readsNumPysOwnFiles() throws IOException {
        Tensor f = Npy.read(ApplyFixturesTest.DIR.resolve("freq_sobel_x.npy"));
        assertEquals(1, f.channels());
        assertEquals(64, f.height());
    }

    @Test
    void refusesOtherDtypesAndTruncatedData() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] h = Npy.header(2, 2);
        String s = new String(h, StandardCharsets.ISO_8859_1).replace("'<f4'", "'<i4'");
        b.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        b.writeBytes(new byte[16]);
        IOException e = assertThrows(IOException.class, () -> Npy.read(new java.io.ByteArrayInputStream(b.toByteArray())));
        assertTrue(e.getMessage().contains("i4"), e.getMessage());
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        c.writeBytes(Npy.header(2, 2));
        c.writeBytes(new byte[8]);
        assertThrows(IOException.class, () -> Npy.read(new java.io.ByteArrayInputStream(c.toByteArray())));
    }
}
