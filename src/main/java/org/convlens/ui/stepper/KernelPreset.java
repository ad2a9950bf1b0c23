package org.convlens.ui.stepper;

import org.convlens.engine.KernelPresets;

import java.util.Locale;

/**
 * The kernel presets the stepper offers, by the engine's table ({@link KernelPresets}, shared with
 * the photo view and the command line). Identity, box blur and Gaussian also come in other sizes
 * (the same rule grown to kh x kw); the others are 3 x 3 and set the kernel to 3 x 3.
 */
public enum KernelPreset {
    IDENTITY(true), BOX_BLUR(true), GAUSSIAN(true), SHARPEN(false), SOBEL_X(false), SOBEL_Y(false),
    PREWITT_X(false), PREWITT_Y(false), LAPLACIAN(false), EMBOSS(false), OUTLINE(false), VERTICAL_EDGE(false),
    HORIZONTAL_EDGE(false);

    private final boolean resizable;

    KernelPreset(boolean resizable) {
        this.resizable = resizable;
    }

    /** The engine's name, e.g. {@code sobel_x}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** 0 if the preset takes any size, else its one size (3). */
    public int fixedSize() {
        return resizable ? 0 : 3;
    }

    /** The bundle key of its name. */
    public String key() {
        return "preset." + id();
    }

    /** The weights, row-major, for a {@code kh x kw} kernel (for fixed presets the size must be 3 x 3). */
    public float[] weights(int kh, int kw) {
        if (kh == 3 && kw == 3) {
            float[][] rows = KernelPresets.rows(id());
            float[] w = new float[9];
            for (int y = 0; y < 3; y++) {
                System.arraycopy(rows[y], 0, w, y * 3, 3);
            }
            return w;
        }
        if (!resizable) {
            throw new IllegalArgumentException(this + " is 3x3");
        }
        float[] w = new float[kh * kw];
        switch (this) {
            case IDENTITY:
                w[(kh - 1) / 2 * kw + (kw - 1) / 2] = 1f;
                break;
            case BOX_BLUR:
                java.util.Arrays.fill(w, 1f / (kh * kw));
                break;
            default:
                double[] by = binomial(kh);
                double[] bx = binomial(kw);
                for (int y = 0; y < kh; y++) {
                    for (int x = 0; x < kw; x++) {
                        w[y * kw + x] = (float) (by[y] * bx[x]);
                    }
                }
        }
        return w;
    }

    /** Row n-1 of Pascal's triangle, normalised to sum 1: a discrete Gaussian (3 gives 1 2 1 / 4). */
    private static double[] binomial(int n) {
        double[] b = new double[n];
        b[0] = 1;
        for (int i = 1; i < n; i++) {
            for (int j = i; j > 0; j--) {
                b[j] += b[j - 1];
            }
        }
        double sum = Math.pow(2, n - 1);
        for (int i = 0; i < n; i++) {
            b[i] /= sum;
        }
        return b;
    }
}
