package org.convlens.network.grad;

import org.convlens.engine.AxisArithmetic;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.Pooling;
import org.convlens.engine.Tensor;

/**
 * Max and average pooling backward, with PyTorch's rules (max_pool2d_with_indices_backward,
 * avg_pool2d_backward): a max window sends its gradient to its first maximum in row-major window
 * order (a later equal value does not replace it; a NaN does, and so does each later NaN), padding cells never receive any; an
 * average window spreads its gradient over the input cells it covers, each getting
 * {@code grad / divisor} with the forward pass's divisor. Overlapping windows add up.
 */
public final class PoolBackward {
    private PoolBackward() {
    }

    /** The pooled map's shape {@code [C, H, W]} for an input of {@code c x h x w}. */
    public static int[] outputShape(PoolSpec p, int c, int h, int w) {
        return new int[] {c,
                AxisArithmetic.pool(true, h, p.kernelHeight(), p.strideY(), p.padY(), p.ceilMode()).size(),
                AxisArithmetic.pool(false, w, p.kernelWidth(), p.strideX(), p.padX(), p.ceilMode()).size()};
    }

    /**
     * dL/d(input) of pooling {@code in} (the map before pooling; max pooling reads it to find
     * each window's maximum), from dL/d(pooled) {@code gradOut}.
     */
    public static Tensor backward(PoolSpec p, Tensor in, Tensor gradOut) {
        Tensor g = new Tensor(in.channels(), in.height(), in.width());
        backward(p, in, gradOut, g);
        return g;
    }

    /** As {@link #backward(PoolSpec, Tensor, Tensor)} into {@code out} (every value overwritten). */
    public static void backward(PoolSpec p, Tensor in, Tensor gradOut, Tensor out) {
        int[] shape = outputShape(p, in.channels(), in.height(), in.width());
        if (gradOut.channels() != shape[0] || gradOut.height() != shape[1] || gradOut.width() != shape[2]) {
            throw new IllegalArgumentException("gradient " + gradOut + " does not match the pooled shape "
                    + shape[0] + "x" + shape[1] + "x" + shape[2]);
        }
        int h = in.height();
        int w = in.width();
        int oh = shape[1];
        int ow = shape[2];
        float[] a = in.data();
        float[] go = gradOut.data();
        float[] gi = out.data();
        java.util.Arrays.fill(gi, 0f);
        boolean max = p.type() == PoolSpec.Type.MAX;
        if (max && p.padY() == 0 && p.padX() == 0 && p.strideY() == p.kernelHeight() && p.strideX() == p.kernelWidth()
                && oh * p.kernelHeight() <= h && ow * p.kernelWidth() <= w) {
            tiledMax(p.kernelHeight(), p.kernelWidth(), in.channels(), h, w, oh, ow, a, go, gi);
            return;
        }
        for (int c = 0; c < in.channels(); c++) {
            int plane = c * h * w;
            for (int oy = 0; oy < oh; oy++) {
                int y0 = oy * p.strideY() - p.padY();
                int ya = Math.max(y0, 0);
                int yb = Math.min(y0 + p.kernelHeight(), h);
                for (int ox = 0; ox < ow; ox++) {
                    float gv = go[(c * oh + oy) * ow + ox];
                    int x0 = ox * p.strideX() - p.padX();
                    int xa = Math.max(x0, 0);
                    int xb = Math.min(x0 + p.kernelWidth(), w);
                    if (max) {
                        int best = plane + ya * w + xa;
                        float m = Float.NEGATIVE_INFINITY;
                        for (int y = ya; y < yb; y++) {
                            for (int x = xa, i = plane + y * w + xa; x < xb; x++, i++) {
                                float v = a[i];
                                if (v > m || v != v) {
                                    m = v;
                                    best = i;
                                }
                            }
                        }
                        gi[best] += gv;
                    } else {
                        float share = gv / Pooling.divisor(p, h, w, oy, ox);
                        for (int y = ya; y < yb; y++) {
                            for (int i = plane + y * w + xa, end = plane + y * w + xb; i < end; i++) {
                                gi[i] += share;
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * As {@link #backward(PoolSpec, Tensor, Tensor, Tensor)}, given also the pooled map the
     * forward pass made from {@code in}: 2 x 2 max windows that tile the map then find their first
     * maximum as the first cell equal to the pooled value, without a branch (the comparisons of a
     * search on random values mispredict about half the time: this loop stood out in a profile of
     * training). A window holding a NaN, and every other pooling, take the general way.
     */
    public static void backward(PoolSpec p, Tensor in, Tensor pooled, Tensor gradOut, Tensor out) {
        int h = in.height();
        int w = in.width();
        int oh = gradOut.height();
        int ow = gradOut.width();
        if (p.type() != PoolSpec.Type.MAX || p.kernelHeight() != 2 || p.kernelWidth() != 2 || p.strideY() != 2
                || p.strideX() != 2 || p.padY() != 0 || p.padX() != 0 || oh * 2 > h || ow * 2 > w
                || pooled.height() != oh || pooled.width() != ow || pooled.channels() != in.channels()
                || gradOut.channels() != in.channels()) {
            backward(p, in, gradOut, out);
            return;
        }
        float[] a = in.data();
        float[] m = pooled.data();
        float[] go = gradOut.data();
        float[] gi = out.data();
        if (oh * 2 != h || ow * 2 != w) {
            java.util.Arrays.fill(gi, 0f);
        }
        boolean nan = false;
        for (int c = 0; c < in.channels(); c++) {
            int plane = c * h * w;
            int gPlane = c * oh * ow;
            for (int oy = 0; oy < oh; oy++) {
                int r0 = plane + 2 * oy * w;
                int r1 = r0 + w;
                int o = gPlane + oy * ow;
                for (int ox = 0; ox < ow; ox++) {
                    float mv = m[o + ox];
                    float g = go[o + ox];
                    int x = 2 * ox;
                    boolean e0 = a[r0 + x] == mv;
                    boolean e1 = !e0 & a[r0 + x + 1] == mv;
                    boolean e2 = !(e0 | e1) & a[r1 + x] == mv;
                    boolean e3 = !(e0 | e1 | e2);
                    gi[r0 + x] = e0 ? g : 0f;
                    gi[r0 + x + 1] = e1 ? g : 0f;
                    gi[r1 + x] = e2 ? g : 0f;
                    gi[r1 + x + 1] = e3 ? g : 0f;
                    nan |= mv != mv;
                }
            }
        }
        if (nan) {
            backward(p, in, gradOut, out);
        }
    }

    /**
     * True for 2 x 2 max pooling with stride 2 and no padding over an {@code h x w} map: the
     * usual kind, which {@link #maxWithIndices} and {@link #scatterMax} do.
     */
    public static boolean tiledMax2x2(PoolSpec p, int h, int w) {
        return p.type() == PoolSpec.Type.MAX && p.kernelHeight() == 2 && p.kernelWidth() == 2 && p.strideY() == 2
                && p.strideX() == 2 && p.padY() == 0 && p.padX() == 0 && !p.ceilMode() && h >= 2 && w >= 2;
    }

    /**
     * 2 x 2 max pooling (see {@link #tiledMax2x2}) that also records where each window's maximum
     * was, as PyTorch's max_pool2d_with_indices: {@code which[i]} is 0 to 3, the first maximum in
     * row-major window order (a later equal value does not replace it, a NaN does). Computed
     * without a branch; a map holding a NaN is redone by the search that follows PyTorch's rule
     * to the letter. Training keeps {@code which} from the forward pass, so the backward pass is
     * a scatter ({@link #scatterMax}) instead of a second search (together 4x the engine's pooling
     * plus a search in the backward pass, in a profile of training).
     *
     * @param which at least {@code C * OH * OW} entries, overwritten
     */
    public static void maxWithIndices(Tensor in, Tensor out, byte[] which) {
        int h = in.height();
        int w = in.width();
        int oh = h / 2;
        int ow = w / 2;
        if (out.channels() != in.channels() || out.height() != oh || out.width() != ow) {
            throw new IllegalArgumentException("pooling " + in + " into " + out);
        }
        float[] a = in.data();
        float[] o = out.data();
        boolean nan = false;
        for (int c = 0; c < in.channels(); c++) {
            for (int oy = 0; oy < oh; oy++) {
                int r0 = (c * h + 2 * oy) * w;
                int r1 = r0 + w;
                int ob = (c * oh + oy) * ow;
                for (int ox = 0; ox < ow; ox++) {
                    int x = 2 * ox;
                    float v0 = a[r0 + x];
                    float v1 = a[r0 + x + 1];
                    float v2 = a[r1 + x];
                    float v3 = a[r1 + x + 1];
                    // The first maximum of each row's pair, then the bottom pair only if strictly
                    // larger: the first maximum in row-major order, in two short chains, not one long one.
                    boolean top = v1 > v0;
                    float mTop = top ? v1 : v0;
                    int iTop = top ? 1 : 0;
                    boolean bottom = v3 > v2;
                    float mBottom = bottom ? v3 : v2;
                    int iBottom = bottom ? 3 : 2;
                    boolean down = mBottom > mTop;
                    float m = down ? mBottom : mTop;
                    int i = down ? iBottom : iTop;
                    o[ob + ox] = m;
                    which[ob + ox] = (byte) i;
                    nan |= (v0 != v0) | (v1 != v1) | (v2 != v2) | (v3 != v3);
                }
            }
        }
        if (nan) {
            for (int c = 0; c < in.channels(); c++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        int r0 = (c * h + 2 * oy) * w + 2 * ox;
                        int[] cells = {r0, r0 + 1, r0 + w, r0 + w + 1};
                        float m = a[r0];
                        int best = 0;
                        for (int k = 1; k < 4; k++) {
                            float v = a[cells[k]];
                            if (v > m || v != v) {
                                m = v;
                                best = k;
                            }
                        }
                        o[(c * oh + oy) * ow + ox] = m;
                        which[(c * oh + oy) * ow + ox] = (byte) best;
                    }
                }
            }
        }
    }

    /** The backward pass of {@link #maxWithIndices}: each window's gradient to the cell it chose, every other cell 0. */
    public static void scatterMax(Tensor gradOut, byte[] which, Tensor gradIn) {
        int h = gradIn.height();
        int w = gradIn.width();
        int oh = gradOut.height();
        int ow = gradOut.width();
        float[] g = gradOut.data();
        float[] gi = gradIn.data();
        java.util.Arrays.fill(gi, 0f);
        for (int c = 0; c < gradOut.channels(); c++) {
            for (int oy = 0; oy < oh; oy++) {
                int r0 = (c * h + 2 * oy) * w;
                int ob = (c * oh + oy) * ow;
                for (int ox = 0; ox < ow; ox++) {
                    int k = which[ob + ox];
                    gi[r0 + 2 * ox + (k & 1) + (k >> 1) * w] = g[ob + ox];
                }
            }
        }
    }

    /**
     * Max pooling whose windows tile the map (stride = size, no padding, every window whole, the
     * usual 2 x 2): each window's first maximum found without clipping. 4x the general loop.
     */
    private static void tiledMax(int kh, int kw, int channels, int h, int w, int oh, int ow, float[] a, float[] go,
                                 float[] gi) {
        for (int c = 0; c < channels; c++) {
            int plane = c * h * w;
            int gPlane = c * oh * ow;
            for (int oy = 0; oy < oh; oy++) {
                int row = plane + oy * kh * w;
                for (int ox = 0; ox < ow; ox++) {
                    int start = row + ox * kw;
                    int best = start;
                    float m = a[start];
                    for (int y = 0; y < kh; y++) {
                        int r = start + y * w;
                        for (int x = y == 0 ? 1 : 0; x < kw; x++) {
                            float v = a[r + x];
                            if (v > m || v != v) {
                                m = v;
                                best = r + x;
                            }
                        }
                    }
                    gi[best] += go[gPlane + oy * ow + ox];
                }
            }
        }
    }
}
