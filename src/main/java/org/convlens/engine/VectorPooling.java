package org.convlens.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Average pooling's two-row, two-column windows with the Vector API: a vector of map columns
 * (two rows added) plus the same one column along gives in each even lane one window's sum,
 * {@code (top[x] + bottom[x]) + (top[x + 1] + bottom[x + 1])} as {@link Pooling} adds it; the
 * even lanes are packed into half a vector by reading each pair of lanes as one long and keeping
 * its low half (one narrowing move, {@code vpmovqd} with AVX-512), then divided. Loaded only
 * through {@link VectorPath}.
 */
final class VectorPooling {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VectorShape HALF = VectorShape.forBitSize(S.vectorBitSize() / 2);
    private static final VectorSpecies<Integer> HALF_INTS = VectorSpecies.of(int.class, HALF);
    /** Narrower vectors (128-bit machines) would pack into 64 bits, which C2 does not compile. */
    static final boolean WORTH_IT = S.vectorBitSize() >= 256;

    private VectorPooling() {
    }

    /**
     * Outputs {@code [first, last)} of row {@code ob}, windows two columns wide and 2 apart, the
     * first window's top-left cell at {@code at} in rows {@code w} long; divided by {@code d} as
     * {@link Pooling} does (times {@code 1 / d} when that is exact). Returns the first output
     * left for the caller.
     */
    static int pairs(float[] a, int at, int w, float[] o, int ob, int first, int last, long d) {
        int b = at + w;
        int half = L / 2;
        int ox = first;
        int x = 0;
        // the load one column along reads lane L - 1 at b + x + L: it must lie in the array
        long blocks = Math.max(0, Math.floorDiv((long) a.length - 1 - L - b, L) + 1);
        int end = (int) Math.min(last, first + blocks * half);
        if (Long.bitCount(d) == 1) {
            float inv = 1f / d;
            for (; ox + half <= end; ox += half, x += L) {
                packed(a, at + x, b + x).mul(inv).intoArray(o, ob + ox);
            }
        } else {
            float fd = d;
            for (; ox + half <= end; ox += half, x += L) {
                packed(a, at + x, b + x).div(fd).intoArray(o, ob + ox);
            }
        }
        return ox;
    }

    /** The sums of the L / 2 windows at {@code top} over rows {@code top} and {@code bottom}, packed. */
    private static FloatVector packed(float[] a, int top, int bottom) {
        FloatVector left = FloatVector.fromArray(S, a, top).add(FloatVector.fromArray(S, a, bottom));
        FloatVector right = FloatVector.fromArray(S, a, top + 1).add(FloatVector.fromArray(S, a, bottom + 1));
        return (FloatVector) left.add(right).reinterpretAsLongs()
                .convertShape(VectorOperators.L2I, HALF_INTS, 0).reinterpretAsFloats();
    }
}
