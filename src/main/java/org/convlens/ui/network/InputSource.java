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
 * channels repeated for more), or seeded random numbers in [0, 1).
 *
 * @param sample the bundled photo's name, or null for random numbers
 * @param seed the random numbers' seed
 */
public record InputSource(String sample, long seed) {
    public static InputSource sample(String name) {
        return new InputSource(name, 0);
    }

    public static InputSource random(long seed) {
        return new InputSource(null, seed);
    }

    /** The input for a network reading {@code shape}. */
    public Tensor tensor(Shape shape) {
        int c = shape.channels();
        int h = shape.height();
        int w = shape.width();
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
