package org.convlens.ui.network;

import org.convlens.engine.Tensor;
import org.convlens.image.ColorMode;
import org.convlens.image.Photo;
import org.convlens.image.PhotoException;
import org.convlens.image.PhotoReader;
import org.convlens.image.Samples;
import org.convlens.network.Shape;

import java.util.Random;

/**
 * Where a network's input comes from: a bundled photo, resized to the input's size by averaging
 * the photo's pixels over each input cell (gray for one channel, R, G, B for three, the first
 * channels repeated for more), seeded random numbers in [0, 1), or given numbers (a lesson's or a
 * network file's input, resized the same way if the input's size is changed).
 *
 * @param sample the bundled photo's name, or null for random or given numbers
 * @param seed the random numbers' seed
 * @param given the given numbers, or null
 */
public record InputSource(String sample, long seed, Tensor given) {
    public static InputSource sample(String name) {
        return new InputSource(name, 0, null);
    }

    public static InputSource random(long seed) {
        return new InputSource(null, seed, null);
    }

    /** The numbers of {@code t} (copied). */
    public static InputSource of(Tensor t) {
        return new InputSource(null, 0, t.copy());
    }

    /** The input for a network reading {@code shape}. */
    public Tensor tensor(Shape shape) {
        int c = shape.channels();
        int h = shape.height();
        int w = shape.width();
        if (given != null) {
            if (given.channels() == c && given.height() == h && given.width() == w) {
                return given.copy();
            }
            Tensor out = new Tensor(c, h, w);
            for (int ch = 0; ch < c; ch++) {
                areaResize(given, ch % given.channels(), out, ch);
            }
            return out;
        }
        if (sample == null) {
            Random r = new Random(seed);
            float[] d = new float[(int) shape.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = r.nextFloat();
            }
            return new Tensor(c, h, w, d);
        }
        Tensor photo = photo(c == 1 ? ColorMode.GRAY : ColorMode.COLOR);
        Tensor out = new Tensor(c, h, w);
        for (int ch = 0; ch < c; ch++) {
            int src = Math.min(ch % Math.max(1, photo.channels()), photo.channels() - 1);
            areaResize(photo, src, out, ch);
        }
        return out;
    }

    private Tensor photo(ColorMode mode) {
        try {
            Photo p = new PhotoReader(mode, 4_000_000L).read(Samples.bytes(sample), sample);
            return p.tensor();
        } catch (PhotoException e) {
            return new Tensor(1, 1, 1, new float[] {0.5f});
        }
    }

    /** Each output cell the mean of the source pixels it covers (a box filter: OpenCV's INTER_AREA). */
    static void areaResize(Tensor src, int srcChannel, Tensor dst, int dstChannel) {
        int sh = src.height();
        int sw = src.width();
        int h = dst.height();
        int w = dst.width();
        for (int y = 0; y < h; y++) {
            int y0 = (int) ((long) y * sh / h);
            int y1 = Math.max(y0 + 1, (int) ((long) (y + 1) * sh / h));
            for (int x = 0; x < w; x++) {
                int x0 = (int) ((long) x * sw / w);
                int x1 = Math.max(x0 + 1, (int) ((long) (x + 1) * sw / w));
                double sum = 0;
                for (int yy = y0; yy < y1; yy++) {
                    for (int xx = x0; xx < x1; xx++) {
                        sum += src.get(srcChannel, yy, xx);
                    }
                }
                dst.set(dstChannel, y, x, (float) (sum / ((y1 - y0) * (x1 - x0))));
            }
        }
    }
}
