package org.convlens.network;

import org.convlens.engine.Tensor;

/**
 * The range of a map's values over all its channels, for one colour scale per map.
 *
 * @param min smallest value
 * @param max largest value
 * @param maxAbs largest magnitude
 * @param nonFinite how many values are NaN or infinite (left out of the other three)
 */
public record MapRange(float min, float max, float maxAbs, long nonFinite) {
    /** The range of every value of {@code t}; a map with no finite value gives 0, 0, 0. */
    public static MapRange of(Tensor t) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        long bad = 0;
        for (float v : t.data()) {
            if (Float.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            } else {
                bad++;
            }
        }
        if (lo > hi) {
            return new MapRange(0f, 0f, 0f, bad);
        }
        return new MapRange(lo, hi, Math.max(-lo, hi), bad);
    }
}
