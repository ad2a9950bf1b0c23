package org.convlens.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked inner products of the many-channel path ({@link ChannelConvolution}), the
 * wide-kernel path ({@link WideKernelConvolution}) and a linear layer ({@link RowDots}), written
 * with the Vector API; loaded only through {@link VectorPath}, when the module is there.
 *
 * <ul>
 *   <li>{@link #channels}: four output channels by three vectors of positions (48 cells with
 *       AVX-512) are held in twelve registers while every tap is added, straight from the flat
 *       virtual grid (no im2col copy): each tap costs three loads, four broadcast weights and
 *       twelve fused multiply-adds, where the scalar path loads and stores its accumulators every
 *       five taps. Each cell adds its taps in {@link Reference}'s one order (fma from 0, tap by
 *       tap, then the bias): the same bits.</li>
 *   <li>{@link #wideCells}: four output channels by three output columns of a kernel far wider
 *       than the output (a kernel gradient): each vector of a kernel row is loaded once for three
 *       columns, each grid vector once for four channels (seven loads, twelve fused multiply-adds).
 *       A cell's lanes are summed in one fixed order, then the columns past the last whole
 *       vector: a reordered sum, as the scalar wide-kernel path's is, the same on every run.</li>
 * </ul>
 */
final class VectorChannels {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Positions per block of {@link #channels}. */
    static final int BLOCK = 3 * L;

    private VectorChannels() {
    }

    /**
     * For output channels {@code co0 .. co0 + m - 1} ({@code m} at most 4) and positions
     * {@code x < len}: {@code acc[j][x] = (sum over taps k of src[base + off[k] + x] * w[(co0 + j)
     * * taps + k], fma from 0 in order) + bias[co0 + j]}. Reads up to {@link #BLOCK} floats past
     * {@code base + off[k] + len} and writes up to {@link #BLOCK} past {@code len}: the caller's
     * arrays have that room (its values there are dropped).
     */
    static void channels(float[] src, int base, int[] off, float[] w, float[] bias, int co0, int m, float[][] acc,
                         int len) {
        int taps = off.length;
        if (m == 4) {
            four(src, base, off, w, bias, co0, taps, acc, len);
            return;
        }
        for (int j = 0; j < m; j++) {
            one(src, base, off, w, (co0 + j) * taps, bias[co0 + j], taps, acc[j], len);
        }
    }

    private static void four(float[] src, int base, int[] off, float[] w, float[] bias, int co0, int taps,
                             float[][] acc, int len) {
        int r0 = co0 * taps;
        int r1 = r0 + taps;
        int r2 = r1 + taps;
        int r3 = r2 + taps;
        float[] o0 = acc[0];
        float[] o1 = acc[1];
        float[] o2 = acc[2];
        float[] o3 = acc[3];
        for (int x = 0; x < len; x += BLOCK) {
            FloatVector a00 = FloatVector.zero(S);
            FloatVector a01 = a00;
            FloatVector a02 = a00;
            FloatVector a10 = a00;
            FloatVector a11 = a00;
            FloatVector a12 = a00;
            FloatVector a20 = a00;
            FloatVector a21 = a00;
            FloatVector a22 = a00;
            FloatVector a30 = a00;
            FloatVector a31 = a00;
            FloatVector a32 = a00;
            for (int k = 0; k < taps; k++) {
                int p = base + off[k] + x;
                FloatVector c0 = FloatVector.fromArray(S, src, p);
                FloatVector c1 = FloatVector.fromArray(S, src, p + L);
                FloatVector c2 = FloatVector.fromArray(S, src, p + 2 * L);
                FloatVector w0 = FloatVector.broadcast(S, w[r0 + k]);
                a00 = c0.fma(w0, a00);
                a01 = c1.fma(w0, a01);
                a02 = c2.fma(w0, a02);
                FloatVector w1 = FloatVector.broadcast(S, w[r1 + k]);
                a10 = c0.fma(w1, a10);
                a11 = c1.fma(w1, a11);
                a12 = c2.fma(w1, a12);
                FloatVector w2 = FloatVector.broadcast(S, w[r2 + k]);
                a20 = c0.fma(w2, a20);
                a21 = c1.fma(w2, a21);
                a22 = c2.fma(w2, a22);
                FloatVector w3 = FloatVector.broadcast(S, w[r3 + k]);
                a30 = c0.fma(w3, a30);
                a31 = c1.fma(w3, a31);
                a32 = c2.fma(w3, a32);
            }
            float b0 = bias[co0];
            float b1 = bias[co0 + 1];
            float b2 = bias[co0 + 2];
            float b3 = bias[co0 + 3];
            a00.add(b0).intoArray(o0, x);
            a01.add(b0).intoArray(o0, x + L);
            a02.add(b0).intoArray(o0, x + 2 * L);
            a10.add(b1).intoArray(o1, x);
            a11.add(b1).intoArray(o1, x + L);
            a12.add(b1).intoArray(o1, x + 2 * L);
            a20.add(b2).intoArray(o2, x);
            a21.add(b2).intoArray(o2, x + L);
            a22.add(b2).intoArray(o2, x + 2 * L);
            a30.add(b3).intoArray(o3, x);
            a31.add(b3).intoArray(o3, x + L);
            a32.add(b3).intoArray(o3, x + 2 * L);
        }
    }

    private static void one(float[] src, int base, int[] off, float[] w, int r, float b, int taps, float[] o, int len) {
        for (int x = 0; x < len; x += BLOCK) {
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            for (int k = 0; k < taps; k++) {
                int p = base + off[k] + x;
                FloatVector wk = FloatVector.broadcast(S, w[r + k]);
                a0 = FloatVector.fromArray(S, src, p).fma(wk, a0);
                a1 = FloatVector.fromArray(S, src, p + L).fma(wk, a1);
                a2 = FloatVector.fromArray(S, src, p + 2 * L).fma(wk, a2);
            }
            a0.add(b).intoArray(o, x);
            a1.add(b).intoArray(o, x + L);
            a2.add(b).intoArray(o, x + 2 * L);
        }
    }

    /**
     * The sums of four kernels (rows {@code k[kr + j * kStride + i * kw ...]}, {@code j < 4}) with
     * three grid windows ({@code g[gr + i * gStride + c * step ...]}, {@code c < 3}) over {@code rows}
     * kernel rows of {@code kw} values: {@code out[j * 3 + c]} is set to kernel j's sum with window
     * c. The lanes of a sum are added in one fixed order, then the values past the last whole
     * vector of each row, row by row, as {@link #wideCell} adds them.
     */
    static void wideCells(float[] k, int kr, int kStride, float[] g, int gr, int gStride, int step, int rows, int kw,
                          float[] out, float[] lanes) {
        java.util.Arrays.fill(lanes, 0, 12 * L, 0f);
        int whole = kw - kw % L;
        for (int i = 0; i < rows; i++) {
            wideRow(k, kr + i * kw, kStride, g, gr + i * gStride, step, whole, lanes);
        }
        for (int q = 0; q < 12; q++) {
            out[q] = sumLanes(lanes, q * L);
        }
        if (whole < kw) {
            for (int j = 0; j < 4; j++) {
                for (int c = 0; c < 3; c++) {
                    float s = 0f;
                    for (int i = 0; i < rows; i++) {
                        s = tail(k, kr + j * kStride + i * kw, g, gr + i * gStride + c * step, whole, kw, s);
                    }
                    out[j * 3 + c] += s;
                }
            }
        }
    }

    /**
     * One kernel row of {@link #wideCells}: its twelve running sums, kept in {@code acc} between
     * rows, loaded, added to and stored. A loop of a row's vectors inside the method (a few dozen)
     * and the sums out of it: with every row in one call, C2 (JDK 17) compiled the long loop on
     * the stack first and boxed the sums (0.2 against 18 G multiply-adds/s).
     */
    private static void wideRow(float[] k, int kp, int kStride, float[] g, int gp, int step, int whole, float[] acc) {
        FloatVector a00 = FloatVector.fromArray(S, acc, 0);
        FloatVector a01 = FloatVector.fromArray(S, acc, L);
        FloatVector a02 = FloatVector.fromArray(S, acc, 2 * L);
        FloatVector a10 = FloatVector.fromArray(S, acc, 3 * L);
        FloatVector a11 = FloatVector.fromArray(S, acc, 4 * L);
        FloatVector a12 = FloatVector.fromArray(S, acc, 5 * L);
        FloatVector a20 = FloatVector.fromArray(S, acc, 6 * L);
        FloatVector a21 = FloatVector.fromArray(S, acc, 7 * L);
        FloatVector a22 = FloatVector.fromArray(S, acc, 8 * L);
        FloatVector a30 = FloatVector.fromArray(S, acc, 9 * L);
        FloatVector a31 = FloatVector.fromArray(S, acc, 10 * L);
        FloatVector a32 = FloatVector.fromArray(S, acc, 11 * L);
        for (int j = 0; j < whole; j += L) {
            FloatVector g0 = FloatVector.fromArray(S, g, gp + j);
            FloatVector g1 = FloatVector.fromArray(S, g, gp + j + step);
            FloatVector g2 = FloatVector.fromArray(S, g, gp + j + 2 * step);
            FloatVector k0 = FloatVector.fromArray(S, k, kp + j);
            a00 = k0.fma(g0, a00);
            a01 = k0.fma(g1, a01);
            a02 = k0.fma(g2, a02);
            FloatVector k1 = FloatVector.fromArray(S, k, kp + kStride + j);
            a10 = k1.fma(g0, a10);
            a11 = k1.fma(g1, a11);
            a12 = k1.fma(g2, a12);
            FloatVector k2 = FloatVector.fromArray(S, k, kp + 2 * kStride + j);
            a20 = k2.fma(g0, a20);
            a21 = k2.fma(g1, a21);
            a22 = k2.fma(g2, a22);
            FloatVector k3 = FloatVector.fromArray(S, k, kp + 3 * kStride + j);
            a30 = k3.fma(g0, a30);
            a31 = k3.fma(g1, a31);
            a32 = k3.fma(g2, a32);
        }
        a00.intoArray(acc, 0);
        a01.intoArray(acc, L);
        a02.intoArray(acc, 2 * L);
        a10.intoArray(acc, 3 * L);
        a11.intoArray(acc, 4 * L);
        a12.intoArray(acc, 5 * L);
        a20.intoArray(acc, 6 * L);
        a21.intoArray(acc, 7 * L);
        a22.intoArray(acc, 8 * L);
        a30.intoArray(acc, 9 * L);
        a31.intoArray(acc, 10 * L);
        a32.intoArray(acc, 11 * L);
    }

    /** One kernel with one grid window, as {@link #wideCells} sums each of its cells. */
    static float wideCell(float[] k, int kr, float[] g, int gr, int gStride, int rows, int kw, float[] lanes) {
        java.util.Arrays.fill(lanes, 0, L, 0f);
        int whole = kw - kw % L;
        for (int i = 0; i < rows; i++) {
            wideRow(k, kr + i * kw, g, gr + i * gStride, whole, lanes);
        }
        float s = sumLanes(lanes, 0);
        if (whole < kw) {
            float t = 0f;
            for (int i = 0; i < rows; i++) {
                t = tail(k, kr + i * kw, g, gr + i * gStride, whole, kw, t);
            }
            s += t;
        }
        return s;
    }

    /** One kernel row of {@link #wideCell}, its running sum kept in {@code acc} (see the other {@code wideRow}). */
    private static void wideRow(float[] k, int kp, float[] g, int gp, int whole, float[] acc) {
        FloatVector a = FloatVector.fromArray(S, acc, 0);
        for (int j = 0; j < whole; j += L) {
            a = FloatVector.fromArray(S, k, kp + j).fma(FloatVector.fromArray(S, g, gp + j), a);
        }
        a.intoArray(acc, 0);
    }

    /**
     * {@link RowDots#of}: four rows a pass sharing each loaded vector of {@code x}, then one by
     * one; each row's lanes summed as {@link #sumLanes} adds them, then its values past the last
     * whole vector in order.
     */
    static void rowDots(float[] w, int rows, float[] x, int n, float[] out) {
        int whole = n - n % L;
        float[] lanes = new float[4 * L];
        int o = 0;
        for (; o + 4 <= rows; o += 4) {
            int r0 = o * n;
            int r1 = r0 + n;
            int r2 = r1 + n;
            int r3 = r2 + n;
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            for (int i = 0; i < whole; i += L) {
                FloatVector xv = FloatVector.fromArray(S, x, i);
                a0 = FloatVector.fromArray(S, w, r0 + i).fma(xv, a0);
                a1 = FloatVector.fromArray(S, w, r1 + i).fma(xv, a1);
                a2 = FloatVector.fromArray(S, w, r2 + i).fma(xv, a2);
                a3 = FloatVector.fromArray(S, w, r3 + i).fma(xv, a3);
            }
            a0.intoArray(lanes, 0);
            a1.intoArray(lanes, L);
            a2.intoArray(lanes, 2 * L);
            a3.intoArray(lanes, 3 * L);
            for (int j = 0; j < 4; j++) {
                out[o + j] = sumLanes(lanes, j * L) + tail(w, (o + j) * n, x, 0, whole, n, 0f);
            }
        }
        for (; o < rows; o++) {
            int r = o * n;
            FloatVector a = FloatVector.zero(S);
            for (int i = 0; i < whole; i += L) {
                a = FloatVector.fromArray(S, w, r + i).fma(FloatVector.fromArray(S, x, i), a);
            }
            a.intoArray(lanes, 0);
            out[o] = sumLanes(lanes, 0) + tail(w, r, x, 0, whole, n, 0f);
        }
    }

    /**
     * {@code s} plus {@code a[ai + i] b[bi + i]} for {@code i} in {@code [from, to)}, fma in order:
     * the values past the last whole vector of a row.
     */
    private static float tail(float[] a, int ai, float[] b, int bi, int from, int to, float s) {
        for (int i = from; i < to; i++) {
            s = Math.fma(a[ai + i], b[bi + i], s);
        }
        return s;
    }

    /**
     * The {@link #L} values from {@code at} added in one order, pairs then pairs of pairs (the same
     * on every run), overwriting them. The vectors are stored by the caller: passed to a method,
     * C2 (JDK 17) could not keep them in registers and the whole loop ran 100 times slower.
     */
    private static float sumLanes(float[] t, int at) {
        for (int n = L; n > 1; n >>= 1) {
            int h = n >> 1;
            for (int j = 0; j < h; j++) {
                t[at + j] = t[at + 2 * j] + t[at + 2 * j + 1];
            }
        }
        return t[at];
    }
}
