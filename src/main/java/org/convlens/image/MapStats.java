package org.convlens.image;

import org.convlens.engine.ConvEngine;
import org.convlens.engine.Parallel;
import org.convlens.engine.Tensor;

/**
 * The range of a tensor's values, over all channels (one colour bar serves every map of a result).
 *
 * @param min smallest finite value
 * @param max largest finite value
 * @param maxAbs largest finite magnitude
 * @param below values under 0 (what {@link Scaling#CLAMPED} clips at the bottom)
 * @param above values over 1 (what it clips at the top)
 * @param count number of values
 */
public record MapStats(float min, float max, float maxAbs, long below, long above, long count) {
    /** Parts shorter than this take the plain loop (the vector one pays off on photos, not on a lesson's grids). */
    private static final int VECTOR_FROM = 1 << 15;
    private static final boolean VECTOR = ConvEngine.vectorApi();

    /** Stats of every value of {@code t}, split across threads. */
    public static MapStats of(Tensor t) {
        return of(t, VECTOR);
    }

    /** As {@link #of(Tensor)}, with the vector loop where {@code vector} (tests compare the two). */
    static MapStats of(Tensor t, boolean vector) {
        float[] d = t.data();
        int threads = Parallel.availableThreads();
        int parts = Math.max(1, Math.min(threads, d.length / (1 << 16)));
        float[][] part = new float[parts][2];
        long[][] clip = new long[parts][2];
        Parallel.forRange(parts, parts, (long) d.length, (from, to) -> {
            for (int p = from; p < to; p++) {
                int a = (int) ((long) d.length * p / parts);
                int b = (int) ((long) d.length * (p + 1) / parts);
                if (vector && b - a >= VECTOR_FROM) {
                    VectorStats.part(d, a, b, part[p], clip[p]);
                } else {
                    plain(d, a, b, part[p], clip[p]);
                }
            }
        });
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        long below = 0;
        long above = 0;
        for (int p = 0; p < parts; p++) {
            lo = Math.min(lo, part[p][0]);
            hi = Math.max(hi, part[p][1]);
            below += clip[p][0];
            above += clip[p][1];
        }
        return new MapStats(lo, hi, Math.max(Math.abs(lo), Math.abs(hi)), below, above, d.length);
    }

    /** The plain loop over {@code d[a, b)}; {@link VectorStats#part} gives the same numbers. */
    private static void plain(float[] d, int a, int b, float[] range, long[] clip) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        // Branch-free: on a 12-megapixel RGB result this pass took 40-90 ms with if/else
        // counting (unpredictable branches) and about a third of that written this way.
        int nb = 0;
        int na = 0;
        for (int i = a; i < b; i++) {
            float v = d[i];
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
            nb += v < 0f ? 1 : 0;
            na += v > 1f ? 1 : 0;
        }
        range[0] = lo;
        range[1] = hi;
        clip[0] = nb;
        clip[1] = na;
    }

    /** True if some value is negative. */
    public boolean signed() {
        return min < 0f;
    }
}
