package org.convlens.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A row of sums over shifted rows, written with the Vector API; loaded only through
 * {@link VectorPath}. {@link SeparableConvolution}'s two passes are of this form: the vertical
 * pass over kernel rows (shift 0), the horizontal one over one row shifted by each kernel column.
 */
final class VectorTapRows {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();

    private VectorTapRows() {
    }

    /**
     * {@code dst[o + x] = init}, then {@code dst[o + x] = fma(rows[t][offsets[t] + x], w[t], dst[o + x])} for
     * each tap {@code t} in order, for {@code x < n}: the value {@link FastConvolution#accumulate}
     * gives from a row filled with {@code init} (each lane's chain is the same), without
     * reading and writing {@code dst} once a tap. Four vectors of columns stay in registers over
     * all taps; the columns past the last whole vector are added one by one. Reads no further
     * than {@code offsets[t] + n} in any row.
     */
    static void sum(float[] dst, int o, int n, float init, float[][] rows, int[] offsets, float[] w, int taps) {
        int x = 0;
        for (; x + 4 * L <= n; x += 4 * L) {
            block(dst, o + x, x, init, rows, offsets, w, taps);
        }
        for (; x + L <= n; x += L) {
            one(dst, o + x, x, init, rows, offsets, w, taps);
        }
        for (; x < n; x++) {
            float s = init;
            for (int t = 0; t < taps; t++) {
                s = Math.fma(rows[t][offsets[t] + x], w[t], s);
            }
            dst[o + x] = s;
        }
    }

    /**
     * Columns {@code [x, x + 4 L)}, written from {@code d}: one method with one loop, as {@link VectorConvolution}'s
     * blocks (in an enclosing loop of the same method C2 in JDK 17 may allocate the vectors).
     */
    private static void block(float[] dst, int d, int x, float init, float[][] rows, int[] offsets, float[] w, int taps) {
        FloatVector a0 = FloatVector.broadcast(S, init);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        for (int t = 0; t < taps; t++) {
            float[] row = rows[t];
            int at = offsets[t] + x;
            FloatVector v = FloatVector.broadcast(S, w[t]);
            a0 = FloatVector.fromArray(S, row, at).fma(v, a0);
            a1 = FloatVector.fromArray(S, row, at + L).fma(v, a1);
            a2 = FloatVector.fromArray(S, row, at + 2 * L).fma(v, a2);
            a3 = FloatVector.fromArray(S, row, at + 3 * L).fma(v, a3);
        }
        a0.intoArray(dst, d);
        a1.intoArray(dst, d + L);
        a2.intoArray(dst, d + 2 * L);
        a3.intoArray(dst, d + 3 * L);
    }

    /** Columns {@code [x, x + L)}, written from {@code d}. */
    private static void one(float[] dst, int d, int x, float init, float[][] rows, int[] offsets, float[] w, int taps) {
        FloatVector a = FloatVector.broadcast(S, init);
        for (int t = 0; t < taps; t++) {
            a = FloatVector.fromArray(S, rows[t], offsets[t] + x).fma(FloatVector.broadcast(S, w[t]), a);
        }
        a.intoArray(dst, d);
    }
}
