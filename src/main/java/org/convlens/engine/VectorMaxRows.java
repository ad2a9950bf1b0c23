package org.convlens.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ReluMaxRows} a vector of offsets at a time, written with the Vector API; loaded only
 * through {@link VectorPath}. Every offset is computed as if a window started there, from loads
 * shifted by one column (no shuffles); the even lanes (a window's first column) and the odd ones
 * (its second) then take their own results.
 */
final class VectorMaxRows {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    private static final VectorMask<Float> EVEN;
    private static final VectorMask<Float> ODD;

    static {
        boolean[] even = new boolean[L];
        for (int i = 0; i < L; i += 2) {
            even[i] = true;
        }
        EVEN = VectorMask.fromArray(S, even, 0);
        ODD = EVEN.not();
    }

    private VectorMaxRows() {
    }

    /** {@link ReluMaxRows#pool} from offset 0 by whole vectors; returns the (even) offset left to the caller. */
    static int pool(float[] a, int r0, int r1, int n, float[] out, int o) {
        int x = 0;
        for (; x + L < n; x += L) {
            FloatVector top = FloatVector.fromArray(S, a, r0 + x).max(FloatVector.fromArray(S, a, r0 + x + 1));
            FloatVector bottom = FloatVector.fromArray(S, a, r1 + x).max(FloatVector.fromArray(S, a, r1 + x + 1));
            // The maximum of the four, then with +0: Math.max's value for the ReLUs' maximum (a -0 becomes +0).
            top.max(bottom).max(0f).intoArray(out, o + x);
        }
        return x;
    }

    /**
     * {@link ReluMaxRows#scatter} from offset 2 by whole vectors (the caller does the first window,
     * whose loads one column back would leave the row); returns the (even) offset left to it.
     */
    static int scatter(float[] a, int r0, int r1, float[] m, int mo, float[] g, int n, float[] gc, int q0, int q1) {
        FloatVector zero = FloatVector.zero(S);
        int x = 2;
        for (; x + L < n; x += L) {
            // Each window's value and gradient, held at its first offset, for both of its lanes.
            FloatVector mv = FloatVector.fromArray(S, m, mo + x).blend(FloatVector.fromArray(S, m, mo + x - 1), ODD);
            FloatVector gv = FloatVector.fromArray(S, g, x).blend(FloatVector.fromArray(S, g, x - 1), ODD);
            // Lane i meets offset x + i: a window's first column in even lanes, its second in odd.
            // The cells are compared as they are, not after the ReLU: where the window's value is
            // above 0 that is the same test, and where it is 0 its gradient is 0 (the caller's
            // contract), so whichever cell takes it, every cell gets 0.
            VectorMask<Float> here = FloatVector.fromArray(S, a, r0 + x).compare(VectorOperators.EQ, mv);
            VectorMask<Float> before = FloatVector.fromArray(S, a, r0 + x - 1).compare(VectorOperators.EQ, mv);
            VectorMask<Float> after = FloatVector.fromArray(S, a, r0 + x + 1).compare(VectorOperators.EQ, mv);
            VectorMask<Float> below = FloatVector.fromArray(S, a, r1 + x).compare(VectorOperators.EQ, mv);
            VectorMask<Float> belowBefore = FloatVector.fromArray(S, a, r1 + x - 1).compare(VectorOperators.EQ, mv);
            // Top row: cell 0 if it matches; cell 1 if it matches and cell 0 does not.
            VectorMask<Float> top = here.andNot(before.and(ODD));
            // Bottom row: cell 2 if it matches and cells 0 and 1 do not; cell 3 if none of 0, 1, 2 does.
            VectorMask<Float> bottom = EVEN.and(below.andNot(here.or(after)))
                    .or(ODD.andNot(before.or(here).or(belowBefore)));
            zero.blend(gv, top).intoArray(gc, q0 + x);
            zero.blend(gv, bottom).intoArray(gc, q1 + x);
        }
        return x;
    }
}
