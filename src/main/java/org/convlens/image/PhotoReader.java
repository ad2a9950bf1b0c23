package org.convlens.image;

import org.convlens.engine.Tensor;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.DoubleConsumer;

/**
 * Reads PNG, JPEG, BMP and GIF files into tensors the engine takes (C x H x W float32 in [0, 1]),
 * the way PIL and torchvision see them: raw decoded samples divided by 255 (no colour-profile
 * conversion, so a JPEG with an embedded ICC profile gives the same numbers as PIL), alpha
 * dropped, palettes expanded to RGB, gray as {@code 0.299 R + 0.587 G + 0.114 B}.
 *
 * <p>Checks before decoding: the path exists and is a readable file, its first bytes are one of
 * the four formats, and the size its header declares is sane (no decompression bombs). A photo
 * over {@code maxPixels} is read with only every n-th row and column (ImageIO source
 * subsampling, so the full-size image is never in memory), and the {@link Photo} says so.
 *
 * <p>One reader reads one photo at a time; {@link #abort()} from another thread stops it.
 */
public final class PhotoReader {
    /** A header declaring more pixels than this is refused: no real photo is that large, a decompression bomb is. */
    public static final long REFUSE_PIXELS = 1_000_000_000L;
    /** Photos above this many pixels are always scaled down, whatever the memory. */
    public static final long MAX_PIXELS_CAP = 64_000_000L;

    private static final float[] BYTE_TO_UNIT = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            BYTE_TO_UNIT[i] = i / 255f;
        }
    }

    private final ColorMode mode;
    private final long maxPixels;
    private final Locale locale;
    private DoubleConsumer progress = p -> { };
    private volatile ImageReader current;
    private volatile boolean aborted;

    /**
     * A reader whose notices are in the default locale (for callers that have no locale of their own).
     *
     * @param mode colour or gray
     * @param maxPixels photos with more pixels are read subsampled to at most this many
     */
    public PhotoReader(ColorMode mode, long maxPixels) {
        this(mode, maxPixels, Locale.getDefault());
    }

    /**
     * @param mode colour or gray
     * @param maxPixels photos with more pixels are read subsampled to at most this many
     * @param locale the language of the {@link Photo#notices() notices}
     */
    public PhotoReader(ColorMode mode, long maxPixels, Locale locale) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be at least 1");
        }
        this.mode = mode;
        this.maxPixels = maxPixels;
        this.locale = java.util.Objects.requireNonNull(locale, "locale");
    }

    /**
     * The largest photo that fits the heap when each pixel needs {@code bytesPerPixel} bytes of
     * working memory, using at most 60% of the heap, and never more than {@link #MAX_PIXELS_CAP}.
     */
    public static long defaultMaxPixels(int bytesPerPixel) {
        long heap = Runtime.getRuntime().maxMemory();
        long byHeap = (long) (heap * 0.6) / Math.max(1, bytesPerPixel);
        return Math.max(1_000_000L, Math.min(MAX_PIXELS_CAP, byHeap));
    }

    /** Receives the decoding progress in [0, 1] (on the reading thread). */
    public PhotoReader onProgress(DoubleConsumer p) {
        this.progress = p;
        return this;
    }

    /** Stops a read in progress (from any thread); the read throws {@link CancellationException}. */
    public void abort() {
        aborted = true;
        ImageReader r = current;
        if (r != null) {
            r.abort();
        }
    }

    /**
     * Reads a photo file.
     *
     * @throws PhotoException for a missing path, a folder, an unreadable, empty, non-image,
     *     unsupported, corrupt, truncated or absurdly large file
     */
    public Photo read(Path file) throws PhotoException {
        String name = file.toString();
        if (Files.notExists(file)) {
            throw new PhotoException(name, "error.missing");
        }
        if (Files.isDirectory(file)) {
            throw new PhotoException(name, "error.folder");
        }
        byte[] head = new byte[32];
        byte[] tail;
        long size;
        int n;
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file)) {
            size = ch.size();
            n = readFully(ch, head);
            tail = new byte[(int) Math.min(12, size)];
            ch.position(size - tail.length);
            readFully(ch, tail);
        } catch (AccessDeniedException e) {
            throw new PhotoException(name, "error.unreadable", "permission denied");
        } catch (IOException e) {
            throw new PhotoException(name, "error.unreadable", e.getMessage());
        }
        ImageFormat format = check(name, head, n);
        try {
            if (format == ImageFormat.PNG) {
                try (InputStream chunks = new BufferedInputStream(Files.newInputStream(file))) {
                    checkChunks(name, chunks);
                }
            }
            try (ImageInputStream in = format == ImageFormat.JPEG
                    ? new MemoryCacheImageInputStream(new JpegWithoutProfile(new BufferedInputStream(Files.newInputStream(file))))
                    : ImageIO.createImageInputStream(file.toFile())) {
                if (in == null) {
                    throw new PhotoException(name, "error.unreadable", "no input stream");
                }
                return decode(name, format, head, in, format.endsProperly(head, tail, size));
            }
        } catch (IOException e) {
            throw new PhotoException(name, "error.unreadable", e.getMessage());
        }
    }

    /** A PNG whose chunks before the pixels have a wrong checksum is corrupt, as PIL says. */
    private static void checkChunks(String name, InputStream in) throws IOException, PhotoException {
        Object bad = PngChunks.firstBadChecksum(in);
        if (bad != null) {
            throw new PhotoException(name, "error.corrupt", ImageFormat.PNG.displayName(), bad);
        }
    }

    private static int readFully(java.nio.channels.SeekableByteChannel ch, byte[] into) throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(into);
        while (b.hasRemaining() && ch.read(b) > 0) {
            // keep reading
        }
        return b.position();
    }

    /** Reads a photo held in memory (a bundled sample); {@code name} is what messages call it. */
    public Photo read(byte[] bytes, String name) throws PhotoException {
        ImageFormat format = check(name, bytes, Math.min(16, bytes.length));
        byte[] tail = java.util.Arrays.copyOfRange(bytes, Math.max(0, bytes.length - 12), bytes.length);
        try {
            if (format == ImageFormat.PNG) {
                checkChunks(name, new ByteArrayInputStream(bytes));
            }
        } catch (IOException e) {
            throw new PhotoException(name, "error.unreadable", e.getMessage());
        }
        InputStream raw = new ByteArrayInputStream(bytes);
        try (ImageInputStream in = new MemoryCacheImageInputStream(format == ImageFormat.JPEG ? new JpegWithoutProfile(raw) : raw)) {
            return decode(name, format, bytes, in, format.endsProperly(bytes, tail, bytes.length));
        } catch (IOException e) {
            throw new PhotoException(name, "error.unreadable", e.getMessage());
        }
    }

    private static ImageFormat check(String name, byte[] head, int n) throws PhotoException {
        if (n == 0) {
            throw new PhotoException(name, "error.empty");
        }
        ImageFormat f = ImageFormat.sniff(head, n);
        if (f == null) {
            throw new PhotoException(name, "error.notImage", ImageFormat.supportedFormats());
        }
        if (!f.supported()) {
            throw new PhotoException(name, "error.unsupported", f.displayName(), ImageFormat.supportedFormats());
        }
        return f;
    }

    /**
     * Decodes, turning running out of memory anywhere in it into one line naming the file.
     *
     * @param head the file's first bytes (32 or fewer)
     */
    private Photo decode(String name, ImageFormat format, byte[] head, ImageInputStream in, boolean complete)
            throws PhotoException {
        try {
            return decodeImage(name, format, head, in, complete);
        } catch (OutOfMemoryError e) {
            throw new PhotoException(name, "error.memory", declared[0], declared[1]);
        }
    }

    /** The size the file declares, once known (for the out-of-memory line). */
    private final int[] declared = new int[2];

    private Photo decodeImage(String name, ImageFormat format, byte[] head, ImageInputStream in, boolean complete)
            throws PhotoException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name().toLowerCase(Locale.ROOT));
        if (!readers.hasNext()) {
            throw new PhotoException(name, "error.unsupported", format.displayName(), ImageFormat.supportedFormats());
        }
        ImageReader reader = readers.next();
        current = reader;
        List<String> warnings = new ArrayList<>();
        try {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((src, msg) -> warnings.add(msg));
            reader.addIIOReadProgressListener(new Progress());
            int w;
            int h;
            try {
                w = reader.getWidth(0);
                h = reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                throw complete ? corrupt(name, format, e) : new PhotoException(name, "error.truncated", format.displayName());
            }
            if (w < 1 || h < 1) {
                throw new PhotoException(name, "error.corrupt", format.displayName(), "size " + w + " x " + h);
            }
            declared[0] = w;
            declared[1] = h;
            long pixels = (long) w * h;
            if (pixels > REFUSE_PIXELS) {
                throw new PhotoException(name, "error.bomb", w, h, pixels / 1_000_000, REFUSE_PIXELS / 1_000_000);
            }
            int s = subsampling(w, h, maxPixels);
            ImageReadParam param = reader.getDefaultReadParam();
            if (s > 1) {
                param.setSourceSubsampling(s, s, 0, 0);
            }
            checkMemory(name, reader, w, h, s);
            BufferedImage img;
            try {
                img = reader.read(0, param);
            } catch (IIOException e) {
                if (aborted) {
                    throw new CancellationException();
                }
                throw !complete || truncated(e) ? new PhotoException(name, "error.truncated", format.displayName())
                        : corrupt(name, format, e);
            } catch (IOException | RuntimeException e) {
                if (aborted) {
                    throw new CancellationException();
                }
                throw !complete || truncated(e) ? new PhotoException(name, "error.truncated", format.displayName())
                        : corrupt(name, format, e);
            } catch (OutOfMemoryError e) {
                throw new PhotoException(name, "error.memory", w, h);
            }
            if (aborted) {
                throw new CancellationException();
            }
            if (img == null) {
                throw new PhotoException(name, "error.corrupt", format.displayName(), "no image");
            }
            List<String> notices = new ArrayList<>();
            for (String warning : warnings) {
                String lower = warning.toLowerCase(Locale.ROOT);
                if (lower.contains("truncated") || lower.contains("premature end")) {
                    throw new PhotoException(name, "error.truncated", format.displayName());
                }
                notices.add(ImageText.TEXT.text(locale, "notice.warning", warning));
            }
            boolean gray = isGray(img.getColorModel(), name, format, head);
            Tensor t;
            try {
                t = toTensor(img, mode, gray);
            } catch (OutOfMemoryError e) {
                throw new PhotoException(name, "error.memory", w, h);
            }
            if (s > 1) {
                notices.add(0, ImageText.TEXT.text(locale, "notice.subsampled", w, h, t.width(), t.height(), s,
                        megapixels(maxPixels)));
            }
            return new Photo(name, format, w, h, s, gray, mode, t, notices);
        } finally {
            current = null;
            reader.dispose();
        }
    }

    /** Pixels as megapixels to two significant digits: 12, 1.5, 0.25, 0.0001 (never "0.0"). */
    static String megapixels(long pixels) {
        return new java.math.BigDecimal(pixels / 1e6).round(new java.math.MathContext(2)).stripTrailingZeros()
                .toPlainString();
    }

    /** The smallest n with ceil(w / n) * ceil(h / n) at most {@code max}. */
    static int subsampling(int w, int h, long max) {
        int s = 1;
        while ((long) ((w + s - 1) / s) * ((h + s - 1) / s) > max) {
            s++;
        }
        return s;
    }

    /**
     * Refuses, before decoding, a picture whose pixels and tensor would not fit in the heap that
     * is free: one line naming the file instead of an out-of-memory error.
     */
    private void checkMemory(String name, ImageReader reader, int w, int h, int s) throws PhotoException {
        long pixels = (long) ((w + s - 1) / s) * ((h + s - 1) / s);
        int rasterBytes = 4;
        try {
            ImageTypeSpecifier t = reader.getRawImageType(0);
            if (t != null) {
                ColorModel cm = t.getColorModel();
                rasterBytes = 0;
                for (int b = 0; b < cm.getNumComponents(); b++) {
                    rasterBytes += (cm.getComponentSize(b) + 7) / 8;
                }
                rasterBytes = Math.max(1, rasterBytes);
            }
        } catch (IOException | RuntimeException e) {
            rasterBytes = 4;
        }
        long need = pixels * (rasterBytes + 4L * (mode == ColorMode.GRAY ? 1 : 3));
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (need > free) {
            throw new PhotoException(name, "error.memory", w, h);
        }
    }

    private static boolean truncated(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("end of") || m.contains("eof") || m.contains("truncated") || m.contains("premature")) {
                return true;
            }
        }
        return false;
    }

    private static PhotoException corrupt(String name, ImageFormat format, Throwable e) {
        String detail = e.getMessage();
        if (e.getCause() != null && e.getCause().getMessage() != null) {
            detail = (detail == null ? "" : detail + ": ") + e.getCause().getMessage();
        }
        return new PhotoException(name, "error.corrupt", format.displayName(),
                detail == null ? e.getClass().getSimpleName() : detail);
    }

    /**
     * True if the file is gray as PIL sees it (mode "L" or "1"): one colour component, a PNG of
     * colour type 0 (1, 2 or 4 bits come as a gray palette), or a BMP whose palette is PIL's gray
     * ramp. Other palettes are colour.
     */
    private static boolean isGray(ColorModel cm, String name, ImageFormat format, byte[] head) throws PhotoException {
        if (cm instanceof IndexColorModel icm) {
            if (format == ImageFormat.PNG) {
                return head.length > 25 && head[25] == 0; // IHDR colour type 0: gray
            }
            return format == ImageFormat.BMP && grayRamp(icm);
        }
        int type = cm.getColorSpace().getType();
        if (type == ColorSpace.TYPE_GRAY && cm.getNumColorComponents() == 1) {
            return true;
        }
        if (type == ColorSpace.TYPE_RGB && cm.getNumColorComponents() == 3) {
            return false;
        }
        throw new PhotoException(name, "error.colorSpace", cm.getNumColorComponents());
    }

    /** PIL's rule for a BMP palette that means gray: entry i is (i, i, i), or black and white for two colours. */
    private static boolean grayRamp(IndexColorModel icm) {
        int n = icm.getMapSize();
        for (int i = 0; i < n; i++) {
            int v = n == 2 ? i * 255 : i;
            if (icm.getRed(i) != v || icm.getGreen(i) != v || icm.getBlue(i) != v) {
                return false;
            }
        }
        return true;
    }

    /**
     * Pixels to a tensor: every sample divided by the largest value its bit depth holds
     * ({@code v / 255f} for 8 bits, the same float32 division as {@code ToTensor}).
     */
    static Tensor toTensor(BufferedImage img, ColorMode mode, boolean fileGray) {
        int w = img.getWidth();
        int h = img.getHeight();
        int channels = mode == ColorMode.GRAY || fileGray ? 1 : 3;
        float[] out = new float[Math.multiplyExact(channels, Math.multiplyExact(w, h))];
        int plane = w * h;
        ColorModel cm = img.getColorModel();
        Raster r = img.getRaster();
        float[] rgb = new float[3 * w];
        if (cm instanceof IndexColorModel icm) {
            int size = icm.getMapSize();
            byte[][] lut = new byte[3][size];
            icm.getReds(lut[0]);
            icm.getGreens(lut[1]);
            icm.getBlues(lut[2]);
            int[] idx = new int[w];
            for (int y = 0; y < h; y++) {
                r.getSamples(0, y, w, 1, 0, idx);
                if (fileGray) {
                    // a gray palette: the value itself, as PIL's mode "L" holds it
                    for (int x = 0; x < w; x++) {
                        out[y * w + x] = BYTE_TO_UNIT[lut[0][Math.min(idx[x], size - 1)] & 0xFF];
                    }
                    continue;
                }
                for (int x = 0; x < w; x++) {
                    int i = Math.min(idx[x], size - 1);
                    rgb[3 * x] = BYTE_TO_UNIT[lut[0][i] & 0xFF];
                    rgb[3 * x + 1] = BYTE_TO_UNIT[lut[1][i] & 0xFF];
                    rgb[3 * x + 2] = BYTE_TO_UNIT[lut[2][i] & 0xFF];
                }
                store(rgb, out, y, w, plane, channels);
            }
            return new Tensor(channels, h, w, out);
        }
        int colorBands = fileGray ? 1 : 3;
        if (fastBytes(r, cm)) {
            ComponentSampleModel sm = (ComponentSampleModel) r.getSampleModel();
            byte[] data = ((DataBufferByte) r.getDataBuffer()).getData();
            int ps = sm.getPixelStride();
            int ss = sm.getScanlineStride();
            int[] bo = sm.getBandOffsets();
            int[] bankOffsets = r.getDataBuffer().getOffsets();
            for (int y = 0; y < h; y++) {
                int row = bankOffsets[0] + y * ss;
                if (fileGray) {
                    int o = row + bo[0];
                    int dst = y * w;
                    for (int x = 0; x < w; x++) {
                        out[dst + x] = BYTE_TO_UNIT[data[o + x * ps] & 0xFF];
                    }
                    continue;
                }
                int o0 = row + bo[0];
                int o1 = row + bo[1];
                int o2 = row + bo[2];
                for (int x = 0; x < w; x++) {
                    int p = x * ps;
                    rgb[3 * x] = BYTE_TO_UNIT[data[o0 + p] & 0xFF];
                    rgb[3 * x + 1] = BYTE_TO_UNIT[data[o1 + p] & 0xFF];
                    rgb[3 * x + 2] = BYTE_TO_UNIT[data[o2 + p] & 0xFF];
                }
                store(rgb, out, y, w, plane, channels);
            }
            return new Tensor(channels, h, w, out);
        }
        int bands = r.getNumBands();
        float[] scale = new float[colorBands];
        for (int b = 0; b < colorBands; b++) {
            scale[b] = (float) ((1L << cm.getComponentSize(b)) - 1);
        }
        boolean floats = r.getTransferType() == DataBuffer.TYPE_FLOAT || r.getTransferType() == DataBuffer.TYPE_DOUBLE;
        int[] px = new int[bands * w];
        float[] pf = floats ? new float[bands * w] : null;
        for (int y = 0; y < h; y++) {
            if (floats) {
                r.getPixels(0, y, w, 1, pf);
            } else {
                r.getPixels(0, y, w, 1, px);
            }
            for (int x = 0; x < w; x++) {
                for (int b = 0; b < colorBands; b++) {
                    float v = floats ? pf[x * bands + b] : (scale[b] == 255f ? BYTE_TO_UNIT[px[x * bands + b] & 0xFF]
                            : px[x * bands + b] / scale[b]);
                    if (fileGray) {
                        out[y * w + x] = v;
                    } else {
                        rgb[3 * x + b] = v;
                    }
                }
            }
            if (!fileGray) {
                store(rgb, out, y, w, plane, channels);
            }
        }
        return new Tensor(channels, h, w, out);
    }

    private static boolean fastBytes(Raster r, ColorModel cm) {
        if (!(r.getDataBuffer() instanceof DataBufferByte) || !(r.getSampleModel() instanceof ComponentSampleModel sm)) {
            return false;
        }
        if (r.getDataBuffer().getNumBanks() != 1 || r.getSampleModelTranslateX() != 0 || r.getSampleModelTranslateY() != 0) {
            return false;
        }
        for (int b = 0; b < cm.getNumColorComponents(); b++) {
            if (cm.getComponentSize(b) != 8 || sm.getBankIndices()[b] != 0) {
                return false;
            }
        }
        return true;
    }

    /** One row of interleaved R, G, B values into the tensor: three planes, or one gray plane. */
    private static void store(float[] rgb, float[] out, int y, int w, int plane, int channels) {
        int dst = y * w;
        if (channels == 3) {
            for (int x = 0; x < w; x++) {
                out[dst + x] = rgb[3 * x];
                out[plane + dst + x] = rgb[3 * x + 1];
                out[2 * plane + dst + x] = rgb[3 * x + 2];
            }
        } else {
            for (int x = 0; x < w; x++) {
                out[dst + x] = luma(rgb[3 * x], rgb[3 * x + 1], rgb[3 * x + 2]);
            }
        }
    }

    /** {@code 0.299 R + 0.587 G + 0.114 B} in float32, summed left to right (as NumPy computes it). */
    public static float luma(float r, float g, float b) {
        return 0.299f * r + 0.587f * g + 0.114f * b;
    }

    private final class Progress implements IIOReadProgressListener {
        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
            progress.accept(Math.min(1.0, percentageDone / 100.0));
        }

        @Override
        public void imageComplete(ImageReader source) {
            progress.accept(1.0);
        }

        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {
        }

        @Override
        public void sequenceComplete(ImageReader source) {
        }

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {
        }

        @Override
        public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
        }

        @Override
        public void thumbnailProgress(ImageReader source, float percentageDone) {
        }

        @Override
        public void thumbnailComplete(ImageReader source) {
        }

        @Override
        public void readAborted(ImageReader source) {
        }
    }
}
