package org.convlens.engine;

/**
 * The products of a matrix's rows with one vector ({@code out[j] = w[j n .. j n + n) . x}): a
 * linear layer's outputs. With the Vector API ({@link VectorPath}) four rows a pass, each row's
 * lanes summed in one fixed order, then the values past the last whole vector; otherwise four
 * running sums per row. Either way the same on every run of a machine (a training run's result
 * depends on its seed and thread count only), not the order of {@link Reference}'s cells: no
 * trace shows these sums.
 */
public final class RowDots {
    private RowDots() {
    }

    /** Rows {@code 0..rows-1} of {@code w} (each {@code n} long) with {@code x}, into {@code out}. */
    public static void of(float[] w, int rows, float[] x, int n, float[] out) {
        of(w, rows, x, n, out, VectorPath.available());
    }

    static void of(float[] w, int rows, float[] x, int n, float[] out, boolean vector) {
        if (vector) {
            VectorPath.rowDots(w, rows, x, n, out);
            return;
        }
        for (int o = 0; o < rows; o++) {
            float s0 = 0f;
            float s1 = 0f;
            float s2 = 0f;
            float s3 = 0f;
            int row = o * n;
            int i = 0;
            for (; i + 4 <= n; i += 4) {
                s0 = Math.fma(w[row + i], x[i], s0);
                s1 = Math.fma(w[row + i + 1], x[i + 1], s1);
                s2 = Math.fma(w[row + i + 2], x[i + 2], s2);
                s3 = Math.fma(w[row + i + 3], x[i + 3], s3);
            }
            for (; i < n; i++) {
                s0 = Math.fma(w[row + i], x[i], s0);
            }
            out[o] = (s0 + s1) + (s2 + s3);
        }
    }
}
