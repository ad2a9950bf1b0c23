package org.convlens.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Pooling's two-row, two-column windows, stride 2 across, with the Vector API. Average: the
 * column sums (two rows added) plus the column sums one column along hold L / 2 windows' sums in
 * the even lanes, {@code (top[x] + bottom[x]) + (top[x + 1] + bottom[x + 1])}, {@link Pooling}'s
 * order; divided, then the even lanes moved to the front and stored. Max: the same with
 * {@code max} ({@link Math#max}'s value in every lane: a NaN wins, +0 over -0). Loaded only
 * through {@link VectorPath}.
 *
 * <p>Every vector is of the preferred shape. An earlier version narrowed each pair of lanes,
 * read as a long, to half-width vectors: two loads instead of four, but once its loop had run,
 * C2 compiled the JVM's later Vector API code from type profiles full of half-width vectors and
 * let it allocate them (the separable path's passes took 580 instead of 52 ms for 4096 x 4096
 * after the pooling cases of {@code bench}).
 */
final class VectorPooling {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** The even lanes (windows' sums) first, then the odd ones. */
    private static final VectorShuffle<Float> EVENS_FIRST = VectorShuffle.fromOp(S, i -> i < L / 2 ? 2 * i : 2 * (i - L / 2) + 1);
    /** Vectors of 256 bits or more (on narrower ones the loop gave no gain). */
    static final boolean WORTH_IT = S.vectorBitSize() >= 256;

    /** Calls of the warm-up loop per timed batch (short: the interpreted loop takes ~0.1 ms a block). */
    private static final int BATCH = 10;
    /** A block (L / 2 outputs) at or below this many nanoseconds: compiled (C1: microseconds). */
    private static final long COMPILED_NS_PER_BLOCK = 40;
    /** The warm-up gives up after this long (the vector path then runs all the same). */
    private static final long WARM_UP_LIMIT_NS = 20_000_000_000L;

    private VectorPooling() {
    }

    /**
     * Runs {@link #pairs} (both divisions) and {@link #maxPairs} on scratch rows until three
     * batches in a row run at compiled speed; on this machine about 1 s of one core, most of it in
     * the first interpreted calls. Returns whether the vector path should run ({@link #WORTH_IT}).
     */
    static boolean warmUp() {
        if (!WORTH_IT) {
            return false;
        }
        int w = 16 * L + 1;
        float[] a = new float[2 * w + 1];
        float[] o = new float[w / 2];
        long start = System.nanoTime();
        for (int fast = 0; fast < 3 && System.nanoTime() - start < WARM_UP_LIMIT_NS;) {
            long t0 = System.nanoTime();
            for (int i = 0; i < BATCH; i++) {
                pairs(a, 0, w, o, 0, 0, w / 2, 4);
                pairs(a, 0, w, o, 0, 0, w / 2, 3);
                maxPairs(a, 0, w, o, 0, 0, w / 2);
            }
            long perBlock = (System.nanoTime() - t0) / (3L * BATCH * 16);
            fast = perBlock <= COMPILED_NS_PER_BLOCK ? fast + 1 : 0;
        }
        return true;
    }

    /**
     * Outputs {@code [first, last)} of row {@code ob}, windows two columns wide and 2 apart, the
     * first window's top-left cell at {@code at} in rows {@code w} long; divided by {@code d} as
     * {@link Pooling} does (times {@code 1 / d} when that is exact). Returns the first output
     * left for the caller.
     */
    static int pairs(float[] a, int at, int w, float[] o, int ob, int first, int last, long d) {
        return windows(a, at, w, o, ob, first, last, d, false);
    }

    /** As {@link #pairs}, the windows' maximum. */
    static int maxPairs(float[] a, int at, int w, float[] o, int ob, int first, int last) {
        return windows(a, at, w, o, ob, first, last, 1, true);
    }

    private static int windows(float[] a, int at, int w, float[] o, int ob, int first, int last, long d, boolean max) {
        int b = at + w;
        int half = L / 2;
        boolean exact = Long.bitCount(d) == 1;
        float inv = 1f / d;
        float fd = d;
        // Scalar first until the top row's loads start on a vector boundary in memory (arrays
        // past half a G1 region start on a region, their floats 16 bytes in), when the bottom
        // row's do too.
        int skew = Math.floorMod(L - 4 - at, L);
        int ox = first;
        if (skew % 2 == 0 && w % L == 0) {
            for (int stop = Math.min(last, first + skew / 2), x = 0; ox < stop; ox++, x += 2) {
                if (max) {
                    o[ob + ox] = Pooling.pairMax(a, at + x, b + x);
                } else {
                    float v = Pooling.pairSum(a, at + x, b + x);
                    o[ob + ox] = exact ? v * inv : v / fd;
                }
            }
        }
        int x = 2 * (ox - first);
        // Each store writes L lanes, L / 2 of them outputs: the other half lands on the next
        // outputs, which the next store (or the caller) writes; so a whole vector of room is kept.
        if (max) {
            for (; ox + L <= last; ox += half, x += L) {
                FloatVector here = FloatVector.fromArray(S, a, at + x).max(FloatVector.fromArray(S, a, b + x));
                FloatVector next = FloatVector.fromArray(S, a, at + x + 1).max(FloatVector.fromArray(S, a, b + x + 1));
                here.max(next).rearrange(EVENS_FIRST).intoArray(o, ob + ox);
            }
        } else if (exact) {
            for (; ox + L <= last; ox += half, x += L) {
                packed(a, at + x, b + x).mul(inv).rearrange(EVENS_FIRST).intoArray(o, ob + ox);
            }
        } else {
            for (; ox + L <= last; ox += half, x += L) {
                packed(a, at + x, b + x).div(fd).rearrange(EVENS_FIRST).intoArray(o, ob + ox);
            }
        }
        return ox;
    }

    /**
     * The sums of the L / 2 windows at {@code top} over rows {@code top} and {@code bottom}, in
     * the even lanes: the column sums, plus the column sums one column along.
     */
    private static FloatVector packed(float[] a, int top, int bottom) {
        FloatVector here = FloatVector.fromArray(S, a, top).add(FloatVector.fromArray(S, a, bottom));
        FloatVector next = FloatVector.fromArray(S, a, top + 1).add(FloatVector.fromArray(S, a, bottom + 1));
        return here.add(next);
    }
}
