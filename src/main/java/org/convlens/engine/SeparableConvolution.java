package org.convlens.engine;

import java.util.Arrays;

/**
 * The fast path for kernels that are an outer product {@code K = u v^T} (box blur, Gaussian,
 * Sobel, and any rank-1 kernel): a vertical pass with {@code u} over the input's columns, then a
 * horizontal pass with {@code v} over the virtual columns, {@code kh + kw} taps per output instead
 * of {@code kh * kw}. Padding, stride and dilation come from the same {@link ConvPlan} axis maps
 * as the general path (padding commutes with the vertical pass, since it maps whole columns).
 *
 * <p>Used only where it pays: one input channel per output channel (single-channel or
 * depthwise), at least 5 x 5 (measured on 4096 x 4096, one thread: 15 x 15 Gaussian 330 ms
 * general, 23 ms separable; at 3 x 3 the two passes cost as much as the nine taps).
 */
final class SeparableConvolution {
    /** Off with {@code -Dconvlens.separable=false}, to measure the general path on the same kernel. */
    static final boolean ENABLED = !"false".equals(System.getProperty("convlens.separable"));
    /** Smallest kernel area that goes the separable way. */
    static final int MIN_AREA = 25;
    /** Relative error allowed between K and u v^T, well below float32 rounding of the products. */
    private static final float RANK_ONE_TOLERANCE = 1e-6f;

    private SeparableConvolution() {
    }

    /** The factors {@code [co][u (kh) then v (kw)]} if every output channel's kernel is rank one, else null. */
    static float[][] factors(ConvPlan plan) {
        Kernel k = plan.directKernel();
        if (!ENABLED || plan.inPerGroup() != 1 || k.height() * k.width() < MIN_AREA) {
            return null;
        }
        int kh = k.height();
        int kw = k.width();
        float[][] f = new float[plan.outChannels()][];
        for (int co = 0; co < plan.outChannels(); co++) {
            f[co] = rankOne(k.data(), co * kh * kw, kh, kw);
            if (f[co] == null) {
                return null;
            }
        }
        return f;
    }

    /** {@code u} then {@code v} with {@code K[i][j] = u[i] v[j]}, or null if the slice is not rank one. */
    static float[] rankOne(float[] d, int off, int kh, int kw) {
        int pi = 0;
        int pj = 0;
        float max = 0f;
        for (int i = 0; i < kh; i++) {
            for (int j = 0; j < kw; j++) {
                float a = Math.abs(d[off + i * kw + j]);
                if (a > max) {
                    max = a;
                    pi = i;
                    pj = j;
                }
            }
        }
        float[] uv = new float[kh + kw];
        if (max == 0f) {
            return uv;
        }
        float pivot = d[off + pi * kw + pj];
        for (int i = 0; i < kh; i++) {
            uv[i] = d[off + i * kw + pj];
        }
        for (int j = 0; j < kw; j++) {
            uv[kh + j] = d[off + pi * kw + j] / pivot;
        }
        for (int i = 0; i < kh; i++) {
            for (int j = 0; j < kw; j++) {
                if (Math.abs(d[off + i * kw + j] - uv[i] * uv[kh + j]) > RANK_ONE_TOLERANCE * max) {
                    return null;
                }
            }
        }
        return uv;
    }

    static void run(ConvPlan plan, Tensor input, Tensor out, float[][] factors, int threads, Runnable rowDone) {
        run(plan, input, out, factors, threads, rowDone, VectorPath.available());
    }

    /**
     * As above, with the vector passes ({@link VectorTapRows}, only where {@link VectorPath#available()})
     * or the plain ones: the same values bit for bit (each cell's sums in the same order).
     */
    static void run(ConvPlan plan, Tensor input, Tensor out, float[][] factors, int threads, Runnable rowDone,
                    boolean vector) {
        Kernel k = plan.directKernel();
        long work = (long) plan.outChannels() * plan.outHeight() * (plan.inWidth() * k.height() + plan.outWidth() * k.width());
        Parallel.forRange(plan.outHeight(), threads, work,
                (from, to) -> new Band(plan, input, out, factors, rowDone, vector).run(from, to));
    }

    private static final class Band {
        private final ConvPlan plan;
        private final Tensor input;
        private final float[] out;
        private final float[][] factors;
        private final Runnable rowDone;
        private final float[][][] rowRing;
        private final int[][] rowTags;
        private final float[] column;
        private final float[] scratch;
        private final float[] phases;
        private final int phaseLen;
        private final float[][] copies;
        private final float[] acc;
        private final float[][] taps;
        private final float[] weights;
        /** With the vector passes: the taps' shifts down (all 0) and across ({@code kx * dx}, at stride 1). */
        private final int[] downShifts;
        private final int[] acrossShifts;
        /** The horizontal pass's taps: the same row, {@link #scratch}, at every shift. */
        private final float[][] acrossRows;
        private final boolean vector;

        Band(ConvPlan plan, Tensor input, Tensor output, float[][] factors, Runnable rowDone, boolean vector) {
            this.plan = plan;
            this.input = input;
            this.out = output.data();
            this.factors = factors;
            this.rowDone = rowDone;
            Kernel k = plan.directKernel();
            int span = plan.dilationY() * (k.height() - 1) + 1;
            this.rowRing = new float[input.channels()][span][input.width()];
            this.rowTags = new int[input.channels()][span];
            for (int[] t : rowTags) {
                Arrays.fill(t, Integer.MIN_VALUE);
            }
            this.column = new float[input.width()];
            int vw = plan.cols().length();
            this.scratch = new float[vw];
            int sx = plan.strideX();
            this.phaseLen = (vw + sx - 1) / sx;
            this.phases = sx > 1 ? new float[sx * phaseLen] : null;
            this.copies = new float[k.width()][plan.outWidth()];
            this.acc = new float[plan.outWidth()];
            this.taps = new float[Math.max(k.height(), k.width())][];
            this.weights = new float[taps.length];
            this.downShifts = new int[k.height()];
            this.acrossShifts = new int[k.width()];
            this.acrossRows = new float[k.width()][];
            for (int kx = 0; kx < k.width(); kx++) {
                acrossShifts[kx] = kx * plan.dilationX();
                acrossRows[kx] = scratch;
            }
            this.vector = vector;
        }

        void run(int fromRow, int toRow) {
            Kernel k = plan.directKernel();
            int kh = k.height();
            int kw = k.width();
            int w = input.width();
            int ow = plan.outWidth();
            int oh = plan.outHeight();
            int sx = plan.strideX();
            int dx = plan.dilationX();
            Activation act = plan.spec().activation();
            float[] in = input.data();
            for (int oy = fromRow; oy < toRow; oy++) {
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new Parallel.CancelledException();
                }
                for (int co = 0; co < plan.outChannels(); co++) {
                    int ci = plan.inputChannel(co, 0);
                    float[] uv = factors[co];
                    float[][] ring = rowRing[ci];
                    int[] tags = rowTags[ci];
                    // Vertical pass over the input's own columns.
                    int n = 0;
                    for (int ky = 0; ky < kh; ky++) {
                        int vy = oy * plan.strideY() + ky * plan.dilationY();
                        int src = plan.rows().source(vy);
                        if (src < 0) {
                            continue;
                        }
                        int slot = vy % ring.length;
                        if (tags[slot] != vy) {
                            System.arraycopy(in, (ci * input.height() + src) * w, ring[slot], 0, w);
                            tags[slot] = vy;
                        }
                        taps[n] = ring[slot];
                        weights[n] = uv[ky];
                        n++;
                    }
                    if (vector) {
                        VectorPath.tapRows(column, 0, w, 0f, taps, downShifts, weights, n);
                    } else {
                        Arrays.fill(column, 0f);
                        FastConvolution.accumulate(column, w, taps, weights, n);
                    }
                    // Horizontal pass over the virtual columns, padding mapped as in the general path.
                    plan.cols().gather(column, 0, scratch, 0, 0, scratch.length);
                    int o = (co * oh + oy) * ow;
                    if (vector && sx == 1) {
                        // Each tap reads the row shifted, where the plain path copies it shifted first.
                        System.arraycopy(uv, kh, weights, 0, kw);
                        VectorPath.tapRows(out, o, ow, plan.bias()[co], acrossRows, acrossShifts, weights, kw);
                        act.applyInPlace(out, o, o + ow);
                        continue;
                    }
                    for (int kx = 0; kx < kw; kx++) {
                        int start = kx * dx;
                        if (sx == 1) {
                            System.arraycopy(scratch, start, copies[kx], 0, ow);
                        } else {
                            if (kx == 0) {
                                for (int p = 0; p < sx; p++) {
                                    for (int j = 0, v = p; v < scratch.length; j++, v += sx) {
                                        phases[p * phaseLen + j] = scratch[v];
                                    }
                                }
                            }
                            System.arraycopy(phases, (start % sx) * phaseLen + start / sx, copies[kx], 0, ow);
                        }
                        taps[kx] = copies[kx];
                        weights[kx] = uv[kh + kx];
                    }
                    Arrays.fill(acc, plan.bias()[co]);
                    FastConvolution.accumulate(acc, ow, taps, weights, kw);
                    act.applyInPlace(acc, 0, ow);
                    System.arraycopy(acc, 0, out, o, ow);
                }
                if (rowDone != null) {
                    rowDone.run();
                }
            }
        }
    }
}
