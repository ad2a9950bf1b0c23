package org.convlens.image;

import org.convlens.engine.Tensor;

import java.nio.file.Path;

/**
 * Images for a dataset of class folders: decoded as {@link PhotoReader} reads photos (gray as
 * BT.601 luma, alpha dropped), resized to the network's input by area averaging (each output
 * pixel the mean of the input area it covers, the aspect ratio not kept, as torchvision's
 * {@code Resize((h, w))} with antialiasing), and stored as 8-bit samples.
 */
public final class DatasetImages {
    /** Photos over this many pixels are read subsampled: a dataset image ends up tiny anyway. */
    private static final long MAX_PIXELS = 16_000_000L;

    private DatasetImages() {
    }

    /**
     * Reads {@code file} as {@code channels x height x width} samples in [0, 255] (matches
     * {@code org.convlens.train.ClassFolders.Decoder}).
     *
     * @param channels 1 (gray) or 3 (RGB; a gray file's channel is repeated)
     * @throws PhotoException if the file cannot be read as an image
     */
    public static byte[] decode(Path file, int channels, int height, int width) throws PhotoException {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("dataset images have 1 or 3 channels, not " + channels);
        }
        Photo p = new PhotoReader(channels == 1 ? ColorMode.GRAY : ColorMode.COLOR, MAX_PIXELS).read(file);
        Tensor t = p.tensor();
        byte[] out = new byte[channels * height * width];
        for (int c = 0; c < channels; c++) {
            int src = Math.min(c, t.channels() - 1);
            resizePlane(t, src, height, width, out, c * height * width);
        }
        return out;
    }

    /** Area-averages channel {@code c} of {@code t} onto {@code h x w}, rounding to 8 bits. */
    static void resizePlane(Tensor t, int c, int h, int w, byte[] out, int offset) {
        int sh = t.height();
        int sw = t.width();
        double fy = (double) sh / h;
        double fx = (double) sw / w;
        for (int y = 0; y < h; y++) {
            double y0 = y * fy;
            double y1 = y0 + fy;
            for (int x = 0; x < w; x++) {
                double x0 = x * fx;
                double x1 = x0 + fx;
                double sum = 0;
                double area = 0;
                for (int sy = (int) y0; sy < Math.min(sh, Math.ceil(y1)); sy++) {
                    double wy = Math.min(y1, sy + 1) - Math.max(y0, sy);
                    for (int sx = (int) x0; sx < Math.min(sw, Math.ceil(x1)); sx++) {
                        double a = wy * (Math.min(x1, sx + 1) - Math.max(x0, sx));
                        sum += a * t.get(c, sy, sx);
                        area += a;
                    }
                }
                double v = area > 0 ? sum / area : 0;
                out[offset + y * w + x] = (byte) Math.max(0, Math.min(255, Math.round(v * 255)));
            }
        }
    }
}
