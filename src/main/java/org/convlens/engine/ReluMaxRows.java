package org.convlens.engine;

/**
 * ReLU then 2 x 2 max pooling (stride 2) along one pair of rows, and its backward pass: the row
 * kernels under a network layer's pooling on a batch canvas
 * ({@code org.convlens.network.grad.CanvasPool}), where one call covers a row pair of every image
 * laid side by side. Windows start at the even offsets {@code x} of {@code [0, n)}, {@code n} even.
 *
 * <p>With the Vector API ({@link VectorPath}) both run a vector of offsets at a time, every offset
 * as if a window started there (shifted loads, no shuffles); the odd offsets' results are dropped
 * or masked. A training profile of the default network spent 40 % of an epoch in these loops,
 * written per window with stride-two loads (C2 does not vectorise them).
 */
public final class ReluMaxRows {
    private ReluMaxRows() {
    }

    /**
     * {@code out[o + x] = max(a[r0 + x], a[r0 + x + 1], a[r1 + x], a[r1 + x + 1], 0)} for each even
     * {@code x < n} ({@code Math.max}'s order and rules: a window holding a NaN gives a NaN); the
     * values at odd {@code x} are unspecified.
     */
    public static void pool(float[] a, int r0, int r1, int n, float[] out, int o) {
        pool(a, r0, r1, n, out, o, VectorPath.available());
    }

    static void pool(float[] a, int r0, int r1, int n, float[] out, int o, boolean vector) {
        int x = vector ? VectorPath.reluMaxPool(a, r0, r1, n, out, o) : 0;
        for (; x < n; x += 2) {
            out[o + x] = Math.max(Math.max(Math.max(a[r0 + x], 0f), Math.max(a[r0 + x + 1], 0f)),
                    Math.max(Math.max(a[r1 + x], 0f), Math.max(a[r1 + x + 1], 0f)));
        }
    }

    /**
     * The backward pass of {@link #pool}: for each even {@code x < n}, {@code g[x]} to the first
     * cell of window x (row-major order) whose ReLU equals {@code m[mo + x]}, 0 to its other cells
     * (all to its last cell if none does), written to {@code gc} at {@code q0 + x, q0 + x + 1,
     * q1 + x, q1 + x + 1}. Only the even offsets of {@code m} and {@code g} are read (those
     * {@link #pool} writes); {@code g[x]} must be 0 where {@code m[mo + x]} is 0 (the ReLU let
     * nothing through: every cell then gets 0, whichever takes the gradient) and for columns in
     * no window. A window holding a NaN has no defined choice (its loss is NaN and the trainer
     * never takes its step).
     */
    public static void scatter(float[] a, int r0, int r1, float[] m, int mo, float[] g, int n, float[] gc, int q0,
                               int q1) {
        scatter(a, r0, r1, m, mo, g, n, gc, q0, q1, VectorPath.available());
    }

    static void scatter(float[] a, int r0, int r1, float[] m, int mo, float[] g, int n, float[] gc, int q0, int q1,
                        boolean vector) {
        int x = 0;
        if (vector && n >= 2) {
            scatterWindow(a, r0, r1, m, mo, g, gc, q0, q1, 0);
            x = VectorPath.reluMaxScatter(a, r0, r1, m, mo, g, n, gc, q0, q1);
        }
        for (; x < n; x += 2) {
            scatterWindow(a, r0, r1, m, mo, g, gc, q0, q1, x);
        }
    }

    /** One window of {@link #scatter}, on the floats' bits with masks (ReLU's many ties mispredict branches). */
    private static void scatterWindow(float[] a, int r0, int r1, float[] m, int mo, float[] g, float[] gc, int q0,
                                      int q1, int x) {
        int mb = Float.floatToRawIntBits(m[mo + x]);
        int gb = Float.floatToRawIntBits(g[x]);
        int e0 = same(relu(a[r0 + x]), mb);
        int e1 = same(relu(a[r0 + x + 1]), mb) & ~e0;
        int e2 = same(relu(a[r1 + x]), mb) & ~(e0 | e1);
        int e3 = ~(e0 | e1 | e2);
        gc[q0 + x] = Float.intBitsToFloat(gb & e0);
        gc[q0 + x + 1] = Float.intBitsToFloat(gb & e1);
        gc[q1 + x] = Float.intBitsToFloat(gb & e2);
        gc[q1 + x + 1] = Float.intBitsToFloat(gb & e3);
    }

    /** ReLU on the bits: a negative number (sign bit set) becomes {@code +0}, as {@code Math.max(v, 0f)} makes it. */
    private static int relu(float v) {
        int b = Float.floatToRawIntBits(v);
        return b & ~(b >> 31);
    }

    /** All ones if {@code a == b}, else 0 ({@code a} non-negative; a negative {@code b} never matches). */
    private static int same(int a, int b) {
        int x = a ^ b;
        return ((x - 1) & ~x) >> 31;
    }
}
