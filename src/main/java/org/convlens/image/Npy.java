package org.convlens.image;

import org.convlens.engine.Tensor;
import org.convlens.io.AtomicFiles;
import org.convlens.io.InputFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format, version 1.0: a tensor as little-endian float32 ({@code '<f4'}) in
 * C order with shape (C, H, W), so {@code numpy.load} gives exactly the engine's values.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=]?)([fiu])(\\d)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** The header text for a float32 C-order array of {@code shape}, padded so the data starts at a multiple of 64. */
    static byte[] header(int... shape) {
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            dims.append(d).append(", ");
        }
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': ("
                + (shape.length == 1 ? dims.toString().trim() : dims.substring(0, dims.length() - 2)) + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        String text = dict + " ".repeat(total - unpadded) + "\n";
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        b.put(text.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    /** Writes {@code t} as a (C, H, W) float32 array, in one step ({@link AtomicFiles}). */
    public static void write(Tensor t, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(t, out));
    }

    /** Writes {@code t} as a (C, H, W) float32 array to {@code out} (not closed). */
    public static void write(Tensor t, OutputStream out) throws IOException {
        out.write(header(t.shape()));
        float[] d = t.data();
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < d.length; ) {
            buf.clear();
            int n = Math.min(d.length - i, buf.capacity() / 4);
            buf.asFloatBuffer().put(d, i, n);
            out.write(buf.array(), 0, n * 4);
            i += n;
        }
    }

    /**
     * Reads a float32 or float64 C-order array of 2 or 3 dimensions (2-D as one channel).
     *
     * @throws IOException if the file is not such an array (the message says why)
     */
    public static Tensor read(Path file) throws IOException {
        InputFiles.check(file, InputFiles.PHOTO_LIMIT);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static Tensor read(InputStream in) throws IOException {
        byte[] pre = in.readNBytes(8);
        if (pre.length < 8) {
            throw new IOException("too short for a .npy header");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (pre[i] != MAGIC[i]) {
                throw new IOException("no \\x93NUMPY magic");
            }
        }
        int major = pre[6];
        int len;
        if (major == 1) {
            len = ByteBuffer.wrap(in.readNBytes(2)).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
        } else if (major == 2 || major == 3) {
            len = ByteBuffer.wrap(in.readNBytes(4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
        } else {
            throw new IOException("unknown .npy version " + major);
        }
        if (len < 0 || len > 1 << 20) {
            throw new IOException("bad header length " + len);
        }
        String h = new String(in.readNBytes(len), StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(h);
        Matcher order = ORDER.matcher(h);
        Matcher shape = SHAPE.matcher(h);
        if (!descr.find() || !order.find() || !shape.find()) {
            throw new IOException("header without descr, fortran_order and shape: " + h.trim());
        }
        if (order.group(1).equals("True")) {
            throw new IOException("Fortran-order arrays are not supported");
        }
        String kind = descr.group(2);
        int size = Integer.parseInt(descr.group(3));
        if (!kind.equals("f") || (size != 4 && size != 8) || descr.group(1).equals(">")) {
            throw new IOException("dtype " + descr.group(1) + kind + size + " is not little-endian float32 or float64");
        }
        String[] parts = shape.group(1).split(",");
        int[] dims = new int[3];
        int n = 0;
        for (String p : parts) {
            if (!p.isBlank()) {
                if (n == 3) {
                    throw new IOException("more than 3 dimensions");
                }
                dims[n++] = Integer.parseInt(p.trim());
            }
        }
        if (n < 2) {
            throw new IOException("needs 2 or 3 dimensions, has " + n);
        }
        int c = n == 3 ? dims[0] : 1;
        int hh = n == 3 ? dims[1] : dims[0];
        int w = n == 3 ? dims[2] : dims[1];
        long count = (long) c * hh * w;
        if (count < 1 || count > Integer.MAX_VALUE - 16) {
            throw new IOException("shape gives " + count + " values");
        }
        byte[] raw = in.readNBytes((int) (count * size));
        if (raw.length != count * size) {
            throw new IOException("truncated: " + raw.length + " of " + count * size + " data bytes");
        }
        float[] data = new float[(int) count];
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        if (size == 4) {
            b.asFloatBuffer().get(data);
        } else {
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) b.getDouble();
            }
        }
        return new Tensor(c, hh, w, data);
    }
}
