package org.convlens.image;

import org.convlens.engine.Tensor;
import org.convlens.io.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A result "as shown", as 8-bit pixels: each value's position on the {@link ColorScale} times 255,
 * rounded; a map on the gray scale becomes an 8-bit gray PNG, a diverging map or an RGB composite
 * a 24-bit RGB PNG. Several channels that are not an RGB composite are laid side by side in a grid
 * with a {@link #GAP}-pixel gap.
 */
public final class PngOut {
    /** Pixels between maps in a grid of channels. */
    public static final int GAP = 4;

    private PngOut() {
    }

    /** One channel, or {@link MapRenderer#RGB} for the composite, at full resolution. */
    public static BufferedImage image(Tensor t, int channel, ColorScale scale) {
        int w = t.width();
        int h = t.height();
        int[] argb = new int[Math.multiplyExact(w, h)];
        MapRenderer.render(t, channel, scale, MapRenderer.Window.whole(t), argb);
        if (channel != MapRenderer.RGB && !scale.diverging()) {
            BufferedImage g = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            byte[] px = ((DataBufferByte) g.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < argb.length; i++) {
                px[i] = (byte) argb[i];
            }
            return g;
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(argb, 0, px, 0, argb.length);
        return img;
    }

    /** Every channel, in a grid of {@code ceil(sqrt(C))} columns, on {@link MapRenderer#BACKGROUND}. */
    public static BufferedImage grid(Tensor t, ColorScale scale) {
        int c = t.channels();
        if (c == 1) {
            return image(t, 0, scale);
        }
        int cols = (int) Math.ceil(Math.sqrt(c));
        int rows = (c + cols - 1) / cols;
        int w = t.width();
        int h = t.height();
        int gw = Math.addExact(Math.multiplyExact(cols, w), (cols - 1) * GAP);
        int gh = Math.addExact(Math.multiplyExact(rows, h), (rows - 1) * GAP);
        BufferedImage img = new BufferedImage(gw, gh, BufferedImage.TYPE_INT_RGB);
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        java.util.Arrays.fill(px, MapRenderer.BACKGROUND);
        int[] one = new int[w * h];
        for (int ch = 0; ch < c; ch++) {
            MapRenderer.render(t, ch, scale, MapRenderer.Window.whole(t), one);
            int ox = (ch % cols) * (w + GAP);
            int oy = (ch / cols) * (h + GAP);
            for (int y = 0; y < h; y++) {
                System.arraycopy(one, y * w, px, (oy + y) * gw + ox, w);
            }
        }
        return img;
    }

    /** Writes a PNG in one step ({@link AtomicFiles}), reporting failure as a {@link PhotoException} naming the file. */
    public static void write(BufferedImage img, Path file) throws PhotoException {
        try {
            AtomicFiles.write(file, out -> write(img, out));
        } catch (IOException e) {
            throw new PhotoException(file.toString(), "error.write", String.valueOf(e.getMessage()));
        }
    }

    /** Writes {@code img} as PNG to {@code out} (not closed). */
    public static void write(BufferedImage img, OutputStream out) throws IOException {
        if (!ImageIO.write(img, "png", out)) {
            throw new IOException("no PNG writer for this image");
        }
    }
}
