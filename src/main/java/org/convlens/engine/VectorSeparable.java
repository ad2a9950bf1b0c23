package org.convlens.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * {@link SeparableConvolution} written with the Vector API: the same two passes, the same order
 * of every fused multiply-add, so the same bits; only the loops differ. Each pass holds four
 * vectors of columns in registers across all its taps and writes them once, where the plain path
 * adds its taps into a row in memory, up to five at a time, and first copies each horizontal
 * tap's shifted row. Loaded only through {@link VectorPath}.
 *
 * <p>Input rows are read where they are; the column sums, the virtual row and the copies of the
 * input's last rows are padded past their end by one block, so the last block of a row reads no
 * further than its array; its lanes past the row's end are dropped.
 */
final class VectorSeparable {
    private static final VectorSpecies<Float> S = VectorConvolution.S;
    private static final int L = VectorConvolution.L;
    /** Columns per block: four vectors. */
    private static final int BLOCK = 4 * L;

    private VectorSeparable() {
    }

    static void run(ConvPlan plan, Tensor input, Tensor out, float[][] factors, int threads, Runnable rowDone) {
        Kernel k = plan.directKernel();
        long work = (long) plan.outChannels() * plan.outHeight() * (plan.inWidth() * k.height() + plan.outWidth() * k.width());
        Parallel.forRange(plan.outHeight(), threads, work,
                (from, to) -> new Band(plan, input, out, factors, rowDone).run(from, to));
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
        /** Where each stride phase starts in {@link #phases}: its columns, then a block of slack. */
        private final int phaseStride;
        private final float[][] taps;
        private final float[] weights;
        /** Where each tap's values start in its array: a vertical tap's row, a horizontal tap's column. */
        private final int[] offsets;
        /** The virtual row's columns {@code [runStart, runEnd)} are the input's, in order: one copy. */
        private final int runStart;
        private final int runEnd;
        private final float[] tail = new float[BLOCK];

        Band(ConvPlan plan, Tensor input, Tensor output, float[][] factors, Runnable rowDone) {
            this.plan = plan;
            this.input = input;
            this.out = output.data();
            this.factors = factors;
            this.rowDone = rowDone;
            Kernel k = plan.directKernel();
            int span = plan.dilationY() * (k.height() - 1) + 1;
            this.rowRing = new float[input.channels()][span][input.width() + BLOCK];
            this.rowTags = new int[input.channels()][span];
            for (int[] t : rowTags) {
                Arrays.fill(t, Integer.MIN_VALUE);
            }
            this.column = new float[input.width() + BLOCK];
            int vw = plan.cols().length();
            this.scratch = new float[vw + BLOCK];
            int sx = plan.strideX();
            this.phaseStride = (vw + sx - 1) / sx + BLOCK;
            this.phases = sx > 1 ? new float[sx * phaseStride] : null;
            this.taps = new float[Math.max(k.height(), k.width())][];
            this.weights = new float[taps.length];
            this.offsets = new int[taps.length];
            int[] sources = plan.cols().sources();
            int a = 0;
            while (a < vw && sources[a] < 0) {
                a++;
            }
            int b = a;
            while (b < vw && sources[b] >= 0 && sources[b] == sources[a] + (b - a)) {
                b++;
            }
            this.runStart = a;
            this.runEnd = b;
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
            int[] colSource = plan.cols().sources();
            int vw = colSource.length;
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
                        int at = (ci * input.height() + src) * w;
                        if (at + w + BLOCK <= in.length) {
                            // Read in place: a last block's lanes past the row read the next row, and are dropped.
                            taps[n] = in;
                            offsets[n] = at;
                        } else {
                            int slot = vy % ring.length;
                            if (tags[slot] != vy) {
                                System.arraycopy(in, at, ring[slot], 0, w);
                                tags[slot] = vy;
                            }
                            taps[n] = ring[slot];
                            offsets[n] = 0;
                        }
                        weights[n] = uv[ky];
                        n++;
                    }
                    for (int x = 0; x < w; x += BLOCK) {
                        columns(n, x);
                    }
                    // Horizontal pass over the virtual columns, padding mapped as in the general path.
                    for (int v = 0; v < runStart; v++) {
                        int s = colSource[v];
                        scratch[v] = s < 0 ? 0f : column[s];
                    }
                    if (runEnd > runStart) {
                        System.arraycopy(column, colSource[runStart], scratch, runStart, runEnd - runStart);
                    }
                    for (int v = runEnd; v < vw; v++) {
                        int s = colSource[v];
                        scratch[v] = s < 0 ? 0f : column[s];
                    }
                    float[] src = scratch;
                    if (sx > 1) {
                        for (int p = 0; p < sx; p++) {
                            for (int j = 0, v = p; v < vw; j++, v += sx) {
                                phases[p * phaseStride + j] = scratch[v];
                            }
                        }
                        src = phases;
                    }
                    for (int kx = 0; kx < kw; kx++) {
                        int start = kx * dx;
                        offsets[kx] = sx == 1 ? start : (start % sx) * phaseStride + start / sx;
                        weights[kx] = uv[kh + kx];
                    }
                    int o = (co * oh + oy) * ow;
                    float bias = plan.bias()[co];
                    for (int x = 0; x < ow; x += BLOCK) {
                        row(src, kw, bias, o, x, ow);
                    }
                    act.applyInPlace(out, o, o + ow);
                }
                if (rowDone != null) {
                    rowDone.run();
                }
            }
        }

        /** Column sums {@code [x, x + BLOCK)} of the {@code n} rows in {@link #taps}, from 0, in tap order. */
        private void columns(int n, int x) {
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = FloatVector.zero(S);
            FloatVector a2 = FloatVector.zero(S);
            FloatVector a3 = FloatVector.zero(S);
            for (int t = 0; t < n; t++) {
                float[] r = taps[t];
                int at = offsets[t] + x;
                FloatVector wt = FloatVector.broadcast(S, weights[t]);
                a0 = FloatVector.fromArray(S, r, at).fma(wt, a0);
                a1 = FloatVector.fromArray(S, r, at + L).fma(wt, a1);
                a2 = FloatVector.fromArray(S, r, at + 2 * L).fma(wt, a2);
                a3 = FloatVector.fromArray(S, r, at + 3 * L).fma(wt, a3);
            }
            a0.intoArray(column, x);
            a1.intoArray(column, x + L);
            a2.intoArray(column, x + 2 * L);
            a3.intoArray(column, x + 3 * L);
        }

        /** Outputs {@code [x, x + BLOCK)} of the row at {@code o}: the bias, then each horizontal tap in order. */
        private void row(float[] src, int kw, float bias, int o, int x, int ow) {
            FloatVector a0 = FloatVector.broadcast(S, bias);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            for (int t = 0; t < kw; t++) {
                int at = offsets[t] + x;
                FloatVector wt = FloatVector.broadcast(S, weights[t]);
                a0 = FloatVector.fromArray(S, src, at).fma(wt, a0);
                a1 = FloatVector.fromArray(S, src, at + L).fma(wt, a1);
                a2 = FloatVector.fromArray(S, src, at + 2 * L).fma(wt, a2);
                a3 = FloatVector.fromArray(S, src, at + 3 * L).fma(wt, a3);
            }
            if (x + BLOCK <= ow) {
                a0.intoArray(out, o + x);
                a1.intoArray(out, o + x + L);
                a2.intoArray(out, o + x + 2 * L);
                a3.intoArray(out, o + x + 3 * L);
            } else {
                a0.intoArray(tail, 0);
                a1.intoArray(tail, L);
                a2.intoArray(tail, 2 * L);
                a3.intoArray(tail, 3 * L);
                System.arraycopy(tail, 0, out, o + x, ow - x);
            }
        }
    }
}
