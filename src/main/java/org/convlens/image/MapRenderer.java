package org.convlens.image;

import org.convlens.engine.Parallel;
import org.convlens.engine.Tensor;

/**
 * Draws a tensor into an ARGB pixel buffer through a view window: one channel on a
 * {@link ColorScale}'s colour map, or three channels as an RGB composite (each channel's
 * {@link ColorScale#unit} as that colour's intensity).
 *
 * <p>The window is in the tensor's continuous coordinates (pixel {@code (y, x)} covers
 * {@code [x, x + 1) x [y, y + 1)}): screen pixel {@code (i, j)} shows the point
 * {@code (x0 + (i + 0.5) stepX, y0 + (j + 0.5) stepY)} (the steps differ for a map whose cells are not
 * square on the input, e.g. after a stride of 1 x 2). Zoomed in ({@code step <= 1}) each screen pixel
 * shows the one value under it, so single values stay visible as squares; zoomed out the values at
 * four points of the screen pixel are averaged before colouring. Points outside the tensor get
 * {@link #BACKGROUND}.
 */
public final class MapRenderer {
    /** The colour outside the map. */
    public static final int BACKGROUND = 0xFF2B2B2B;
    /** Channel argument meaning "the three channels as RGB". */
    public static final int RGB = -1;

    private MapRenderer() {
    }

    /**
     * A view window: the top-left corner in tensor coordinates, tensor pixels per screen pixel
     * across and down, and the screen size.
     */
    public record Window(double x0, double y0, double stepX, double stepY, int width, int height) {
        public Window {
            if (width < 1 || height < 1 || !(stepX > 0) || !(stepY > 0)) {
                throw new IllegalArgumentException("bad window " + width + "x" + height + " step " + stepX + "x" + stepY);
            }
        }

        /** A window with the same step across and down. */
        public Window(double x0, double y0, double step, int width, int height) {
            this(x0, y0, step, step, width, height);
        }

        /** Tensor pixels per screen pixel across (the same down for a square window). */
        public double step() {
            return stepX;
        }

        /** The whole tensor, one screen pixel per value. */
        public static Window whole(Tensor t) {
            return new Window(0, 0, 1, t.width(), t.height());
        }
    }

    /**
     * Renders into {@code dst} (length at least {@code width * height}, row-major, opaque ARGB).
     *
     * @param channel the channel to draw, or {@link #RGB} for channels 0, 1, 2 as red, green, blue
     */
    public static void render(Tensor t, int channel, ColorScale scale, Window w, int[] dst) {
        if (channel == RGB && t.channels() < 3) {
            throw new IllegalArgumentException("an RGB composite needs 3 channels, the map has " + t.channels());
        }
        if (channel != RGB && (channel < 0 || channel >= t.channels())) {
            throw new IllegalArgumentException("no channel " + channel + " in " + t);
        }
        boolean averageX = w.stepX() > 1;
        boolean averageY = w.stepY() > 1;
        boolean average = averageX || averageY;
        int[] colA = columns(w, t.width(), averageX ? 0.25 : 0.5);
        int[] colB = averageX ? columns(w, t.width(), 0.75) : colA;
        int[] rowA = rows(w, t.height(), averageY ? 0.25 : 0.5);
        int[] rowB = averageY ? rows(w, t.height(), 0.75) : rowA;
        float[] d = t.data();
        int plane = t.planeSize();
        int tw = t.width();
        long work = (long) w.width() * w.height() * (average ? 4 : 1) * (channel == RGB ? 3 : 1);
        Parallel.forRange(w.height(), Parallel.availableThreads(), work * 4, (from, to) -> {
            for (int j = from; j < to; j++) {
                int o = j * w.width();
                for (int i = 0; i < w.width(); i++) {
                    int n = count(rowA[j], rowB[j], colA[i], colB[i]);
                    if (n == 0) {
                        dst[o + i] = BACKGROUND;
                        continue;
                    }
                    if (channel == RGB) {
                        int r = scale.byteOf(sample(d, 0, tw, rowA[j], rowB[j], colA[i], colB[i], n));
                        int g = scale.byteOf(sample(d, plane, tw, rowA[j], rowB[j], colA[i], colB[i], n));
                        int b = scale.byteOf(sample(d, 2 * plane, tw, rowA[j], rowB[j], colA[i], colB[i], n));
                        dst[o + i] = 0xFF000000 | r << 16 | g << 8 | b;
                    } else {
                        dst[o + i] = scale.argb(sample(d, channel * plane, tw, rowA[j], rowB[j], colA[i], colB[i], n));
                    }
                }
            }
        });
    }

    private static int count(int ra, int rb, int ca, int cb) {
        int n = 0;
        if (ra >= 0) {
            n += (ca >= 0 ? 1 : 0) + (cb >= 0 ? 1 : 0);
        }
        if (rb >= 0) {
            n += (ca >= 0 ? 1 : 0) + (cb >= 0 ? 1 : 0);
        }
        return n;
    }

    private static float sample(float[] d, int base, int tw, int ra, int rb, int ca, int cb, int n) {
        if (ra == rb && ca == cb) {
            return d[base + ra * tw + ca];
        }
        float s = 0f;
        if (ra >= 0) {
            s += (ca >= 0 ? d[base + ra * tw + ca] : 0f) + (cb >= 0 ? d[base + ra * tw + cb] : 0f);
        }
        if (rb >= 0) {
            s += (ca >= 0 ? d[base + rb * tw + ca] : 0f) + (cb >= 0 ? d[base + rb * tw + cb] : 0f);
        }
        return s / n;
    }

    private static int[] columns(Window w, int n, double frac) {
        int[] c = new int[w.width()];
        for (int i = 0; i < c.length; i++) {
            c[i] = index(w.x0() + (i + frac) * w.stepX(), n);
        }
        return c;
    }

    private static int[] rows(Window w, int n, double frac) {
        int[] r = new int[w.height()];
        for (int j = 0; j < r.length; j++) {
            r[j] = index(w.y0() + (j + frac) * w.stepY(), n);
        }
        return r;
    }

    private static int index(double pos, int n) {
        double f = Math.floor(pos);
        return f >= 0 && f < n ? (int) f : -1;
    }
}
