package org.convlens.ui.stepper;

/**
 * Named kernels. Identity, box blur and Gaussian take any size; the others are the classic 3 x 3
 * filters and set the kernel to 3 x 3.
 */
public enum KernelPreset {
    IDENTITY(0), BOX_BLUR(0), GAUSSIAN(0),
    SHARPEN(3, 0, -1, 0, -1, 5, -1, 0, -1, 0),
    SOBEL_X(3, -1, 0, 1, -2, 0, 2, -1, 0, 1),
    SOBEL_Y(3, -1, -2, -1, 0, 0, 0, 1, 2, 1),
    PREWITT_X(3, -1, 0, 1, -1, 0, 1, -1, 0, 1),
    PREWITT_Y(3, -1, -1, -1, 0, 0, 0, 1, 1, 1),
    LAPLACIAN(3, 0, 1, 0, 1, -4, 1, 0, 1, 0),
    EMBOSS(3, -2, -1, 0, -1, 1, 1, 0, 1, 2),
    OUTLINE(3, -1, -1, -1, -1, 8, -1, -1, -1, -1),
    VERTICAL_EDGE(3, 1, 0, -1, 1, 0, -1, 1, 0, -1),
    HORIZONTAL_EDGE(3, 1, 1, 1, 0, 0, 0, -1, -1, -1);

    private final int size;
    private final float[] fixed;

    KernelPreset(int size, float... fixed) {
        this.size = size;
        this.fixed = fixed;
    }

    /** 0 if the preset takes any size, else its one size (3). */
    public int fixedSize() {
        return size;
    }

    /** The bundle key of its name. */
    public String key() {
        return "preset." + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The weights, row-major, for a {@code kh x kw} kernel (for fixed presets the size must be theirs). */
    public float[] weights(int kh, int kw) {
        if (size != 0) {
            if (kh != size || kw != size) {
                throw new IllegalArgumentException(this + " is " + size + "x" + size);
            }
            return fixed.clone();
        }
        float[] w = new float[kh * kw];
        switch (this) {
            case IDENTITY:
                w[(kh - 1) / 2 * kw + (kw - 1) / 2] = 1f;
                break;
            case BOX_BLUR:
                java.util.Arrays.fill(w, 1f / (kh * kw));
                break;
            case GAUSSIAN:
                double[] by = binomial(kh);
                double[] bx = binomial(kw);
                for (int y = 0; y < kh; y++) {
                    for (int x = 0; x < kw; x++) {
                        w[y * kw + x] = (float) (by[y] * bx[x]);
                    }
                }
                break;
            default:
                throw new AssertionError(this);
        }
        return w;
    }

    /** Row n-1 of Pascal's triangle, normalised to sum 1: a discrete Gaussian. */
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
