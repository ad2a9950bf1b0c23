package org.convlens.image;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MapStats}' pass over one part of the values with the Vector API: per lane the smallest
 * and largest value (NaN never taken, as the plain loop's {@code v < lo ? v : lo}) and the counts
 * under 0 and over 1 as float lanes, added up every {@link #CHUNK} values (exact: far under 2^24).
 * Gives the plain loop's numbers bit for bit: a minimum or maximum that is a zero is read again as
 * the first zero of the part (the plain loop keeps the first of equal values, and 0 and -0 are
 * equal). On a 12-megapixel RGB result (36 M values, 2 threads) about a quarter of the plain
 * loop's time, which was bound by its four dependent chains, not by memory.
 * Loaded only after {@link org.convlens.engine.ConvEngine#vectorApi()} has found the module.
 */
final class VectorStats {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Values per chunk: each lane's count stays far under 2^24, where float counting is exact. */
    private static final int CHUNK = 1 << 14;

    private VectorStats() {
    }

    /**
     * Over {@code d[a, b)}: {@code range[0]} smallest, {@code range[1]} largest (infinities when
     * every value is NaN), {@code clip[0]} values under 0, {@code clip[1]} over 1.
     */
    static void part(float[] d, int a, int b, float[] range, long[] clip) {
        float[] lanes = new float[4 * L];
        java.util.Arrays.fill(lanes, 0, L, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(lanes, L, 2 * L, Float.NEGATIVE_INFINITY);
        long below = 0;
        long above = 0;
        int i = a;
        int whole = a + (b - a) / L * L;
        while (i < whole) {
            int end = Math.min(whole, i + CHUNK);
            chunk(d, i, end, lanes);
            i = end;
            for (int k = 0; k < L; k++) {
                below += (long) lanes[2 * L + k];
                above += (long) lanes[3 * L + k];
            }
            java.util.Arrays.fill(lanes, 2 * L, 4 * L, 0f);
        }
        float mn = Float.POSITIVE_INFINITY;
        float mx = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < L; k++) {
            float l = lanes[k];
            float h = lanes[L + k];
            mn = l < mn ? l : mn;
            mx = h > mx ? h : mx;
        }
        for (; i < b; i++) {
            float v = d[i];
            mn = v < mn ? v : mn;
            mx = v > mx ? v : mx;
            below += v < 0f ? 1 : 0;
            above += v > 1f ? 1 : 0;
        }
        range[0] = mn == 0f ? firstZero(d, a, b) : mn;
        range[1] = mx == 0f ? firstZero(d, a, b) : mx;
        clip[0] = below;
        clip[1] = above;
    }

    /**
     * One chunk {@code d[from, to)} (whole vectors): {@code lanes} holds the smallest, largest,
     * under-0 count and over-1 count lanes, read at the start and written back at the end. A
     * method of its own, called many times a pass, so the JIT compiles it whole rather than only
     * swapping in a compiled loop during one long call (that way some passes ran interpreted
     * vector code for over a second).
     */
    private static void chunk(float[] d, int from, int to, float[] lanes) {
        FloatVector lo = FloatVector.fromArray(S, lanes, 0);
        FloatVector hi = FloatVector.fromArray(S, lanes, L);
        FloatVector nb = FloatVector.fromArray(S, lanes, 2 * L);
        FloatVector na = FloatVector.fromArray(S, lanes, 3 * L);
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int i = from; i < to; i += L) {
            FloatVector v = FloatVector.fromArray(S, d, i);
            lo = lo.blend(v, v.compare(VectorOperators.LT, lo));
            hi = hi.blend(v, v.compare(VectorOperators.GT, hi));
            VectorMask<Float> under = v.compare(VectorOperators.LT, 0f);
            VectorMask<Float> over = v.compare(VectorOperators.GT, 1f);
            nb = nb.add(one, under);
            na = na.add(one, over);
        }
        lo.intoArray(lanes, 0);
        hi.intoArray(lanes, L);
        nb.intoArray(lanes, 2 * L);
        na.intoArray(lanes, 3 * L);
    }

    private static float firstZero(float[] d, int a, int b) {
        for (int i = a; i < b; i++) {
            if (d[i] == 0f) {
                return d[i];
            }
        }
        throw new AssertionError("no zero in the part");
    }
}
