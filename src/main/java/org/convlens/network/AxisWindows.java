package org.convlens.network;

import org.convlens.engine.AxisMap;

/**
 * One axis of a convolution or pooling stage as geometry: output {@code o} reads the virtual
 * positions {@code o * stride + t * dilation}, {@code t < kernel}; virtual position {@code v} holds
 * map index {@code source(v)} or nothing (-1: zero padding, pooling padding or an inserted zero).
 * Map index {@code i} itself sits at virtual position {@code before + i * insert} ({@code insert}
 * is the stride of a transposed convolution, which puts {@code insert - 1} zeros between cells;
 * 1 otherwise). Padding modes that copy (reflect, replicate, circular) show as sources outside the
 * windows' own range.
 */
final class AxisWindows {
    private final int inLength;
    private final int outLength;
    private final int kernel;
    private final int dilation;
    private final int stride;
    private final int before;
    private final int insert;
    private final int[] source;

    private AxisWindows(int inLength, int outLength, int kernel, int dilation, int stride, int before, int insert,
                        int[] source) {
        this.inLength = inLength;
        this.outLength = outLength;
        this.kernel = kernel;
        this.dilation = dilation;
        this.stride = stride;
        this.before = before;
        this.insert = insert;
        this.source = source;
    }

    /** A convolution's axis from its plan's axis map (ordinary or transposed). */
    static AxisWindows conv(AxisMap map, int inLength, int outLength, int kernel, int dilation, int stride,
                            int insert) {
        int span = (outLength - 1) * stride + (kernel - 1) * dilation + 1;
        int[] src = new int[span];
        for (int v = 0; v < span; v++) {
            src[v] = v < map.length() ? map.source(v) : -1;
        }
        return new AxisWindows(inLength, outLength, kernel, dilation, stride, map.before(), insert, src);
    }

    /** A pooling axis: window k, stride s, padding p on each side (padding holds nothing). */
    static AxisWindows pool(int inLength, int outLength, int k, int s, int p) {
        int span = (outLength - 1) * s + k;
        int[] src = new int[span];
        for (int v = 0; v < span; v++) {
            int u = v - p;
            src[v] = u >= 0 && u < inLength ? u : -1;
        }
        return new AxisWindows(inLength, outLength, k, 1, s, p, 1, src);
    }

    int inLength() {
        return inLength;
    }

    int outLength() {
        return outLength;
    }

    int kernel() {
        return kernel;
    }

    int dilation() {
        return dilation;
    }

    int stride() {
        return stride;
    }

    int before() {
        return before;
    }

    int insert() {
        return insert;
    }

    /** Virtual positions the windows reach: {@code [0, span())}. */
    int span() {
        return source.length;
    }

    /** The map index virtual position {@code v} holds, or -1. */
    int source(int v) {
        return source[v];
    }

    /** The map coordinate of virtual position {@code v}, rounded towards minus infinity. */
    long coordinateFloor(long v) {
        return Math.floorDiv(v - before, insert);
    }

    /** The map coordinate of virtual position {@code v}, rounded towards plus infinity. */
    long coordinateCeil(long v) {
        return -Math.floorDiv(before - v, insert);
    }
}
