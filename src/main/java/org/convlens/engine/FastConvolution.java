package org.convlens.engine;

import java.util.Arrays;

/**
 * The fast path: the same direct cross-correlation as {@link Reference}, restructured so the
 * per-pixel loop has no bounds tests, no padding tests and vectorises.
 *
 * <p>Each thread takes a band of output rows. Every virtual-grid row it needs (padding applied
 * from the {@link AxisMap}s, never in the inner loop) is built once into a small ring, as one
 * shifted copy per kernel column: {@code copy[kx][x] = row[x * strideX + kx * dilationX]}. Stride
 * and dilation are then gone from the inner loop, and every array it reads is indexed by the
 * same {@code x}, which is the form HotSpot C2 (JDK 17) turns into SIMD code:
 * {@code s = fma(a0[x], w0, acc[x]); ...; acc[x] = fma(a4[x], w4, s)}, five taps a pass, each cell
 * adding its taps one after the other from 0 in {@link Reference}'s one order, the bias last.
 * This is the path without the vector module; {@link VectorConvolution} is the one with it.
 *
 * <p>Measured on this project's 2-core machine, JDK 17, 4096-wide rows: the loop above runs at
 * about 0.023 ns per tap and pixel; one with different offsets into one array
 * ({@code r[o0 + x]}, {@code r[o1 + x]}), or even one constant offset ({@code r[x + 1]}), is not
 * vectorised by C2 (0.15 to 0.2 ns), nor is one with six or more arrays (0.14 ns). Hence the
 * copies (an arraycopy costs about 0.025 ns a value) and the chunks of five. Against the first
 * version (four taps a pass at offsets into one row buffer) this took 4096x4096 3x3 from 32 ms to
 * 12 ms on one thread, and 11x11 from 360 ms to 105 ms.
 *
 * <p>Rows that are all zero (zero padding above and below, rows a transposed convolution
 * inserts) are skipped.
 */
final class FastConvolution {
    /** Taps per pass: the most arrays C2 still vectorises in one loop (with the accumulator). */
    static final int CHUNK = 5;
    /** Floats of live tap rows per strip (1 MB); of 128 KB, 256 KB, 512 KB and 1 MB this ran 11x11 fastest. */
    static final int STRIP_FLOATS = 1 << 18;
    /** Most taps for which stride 2 is computed densely, then subsampled. */
    static final int DENSE_MAX_TAPS = 49;
    /** Ring copies beyond this many floats per thread fall back to one slot per kernel row. */
    private static final long MAX_RING_FLOATS = 1L << 24;

    private FastConvolution() {
    }

    /**
     * Convolves, adds the bias and applies the activation into {@code out}, the
     * {@code Cout x OH x OW} feature map, calling {@code rowDone} (may be null) after each
     * finished output row.
     */
    static Tensor run(ConvPlan plan, Tensor input, Tensor out, int threads, Runnable rowDone) {
        return run(plan, input, out, threads, rowDone, 0, Parallel.SMALL_WORK);
    }

    /**
     * As {@link #run(ConvPlan, Tensor, Tensor, int, Runnable)} with the thresholds given (tests use
     * narrow strips and no small-work limit): {@code stripColumns} 0 for {@link #stripWidth}.
     */
    static Tensor run(ConvPlan plan, Tensor input, Tensor out, int threads, Runnable rowDone, int stripColumns,
                      long smallWork) {
        int oh = plan.outHeight();
        int ow = plan.outWidth();
        Kernel k = plan.directKernel();
        long work = (long) plan.outChannels() * oh * ow * plan.inPerGroup() * k.height() * k.width();
        Parallel.forRange(oh, threads, work, smallWork,
                (from, to) -> new Band(plan, input, out, rowDone, stripColumns).run(from, to));
        return out;
    }

    /** One thread's state: its ring of virtual rows as shifted copies, for one column strip at a time. */
    private static final class Band {
        private final ConvPlan plan;
        private final float[] in;
        private final float[] out;
        private final int inH;
        private final int inW;
        private final int ow;
        private final AxisMap cols;
        private final int strip;
        private final boolean dense;
        private final int denseStrip;
        private final int slots;
        private final boolean slotPerKernelRow;
        private final float[][][] ring;
        private final int[] tags;
        private final float[] scratch;
        private final float[] phases;
        private final int phaseLen;
        private final float[] acc;
        private final float[][] tapArray;
        private final float[] tapWeight;
        private final Runnable rowDone;

        Band(ConvPlan plan, Tensor input, Tensor output, Runnable rowDone, int stripColumns) {
            this.plan = plan;
            this.rowDone = rowDone;
            this.in = input.data();
            this.out = output.data();
            this.inH = input.height();
            this.inW = input.width();
            this.ow = plan.outWidth();
            this.cols = plan.cols();
            Kernel k = plan.directKernel();
            int kw = k.width();
            int taps = plan.inPerGroup() * k.height() * kw;
            this.strip = stripColumns > 0 ? Math.min(ow, stripColumns) : stripWidth(ow, taps);
            // Stride 2 across with up to 49 taps: compute every column and keep every other one.
            // Splitting each row into its two phases (a strided, scalar copy of every input value)
            // costs more than the doubled, vectorised work there. 4096x4096, one thread: 3x3
            // 13.6 -> 7.7 ms, 5x5 17.8 -> 13.4, 7x7 21.4 -> 19.6; but 11x11 31 -> 54, so not there.
            this.dense = plan.strideX() == 2 && taps <= DENSE_MAX_TAPS;
            this.denseStrip = dense ? (strip - 1) * 2 + 1 : strip;
            int span = plan.dilationY() * (k.height() - 1) + 1;
            boolean fits = (long) plan.inChannels() * span * kw * strip <= MAX_RING_FLOATS;
            this.slotPerKernelRow = !fits;
            this.slots = fits ? span : k.height();
            this.ring = new float[plan.inChannels() * slots][][];
            this.tags = new int[ring.length];
            int sx = plan.strideX();
            int stripSpan = (strip - 1) * sx + (kw - 1) * plan.dilationX() + 1;
            this.scratch = new float[stripSpan];
            this.phaseLen = (stripSpan + sx - 1) / sx;
            this.phases = sx > 1 ? new float[sx * phaseLen] : null;
            this.acc = new float[denseStrip];
            this.tapArray = new float[taps][];
            this.tapWeight = new float[taps];
        }

        void run(int fromRow, int toRow) {
            Kernel k = plan.directKernel();
            int kh = k.height();
            int kw = k.width();
            int dy = plan.dilationY();
            int sy = plan.strideY();
            int oh = plan.outHeight();
            float[] w = k.data();
            float[] bias = plan.bias();
            Activation act = plan.spec().activation();
            int perGroup = plan.inPerGroup();
            int strips = (ow + strip - 1) / strip;
            for (int st = 0; st < strips; st++) {
                int x0 = st * strip;
                int n = Math.min(strip, ow - x0);
                Arrays.fill(tags, Integer.MIN_VALUE);
                for (int oy = fromRow; oy < toRow; oy++) {
                    if (Thread.interrupted()) {
                        Thread.currentThread().interrupt();
                        throw new Parallel.CancelledException();
                    }
                    for (int co = 0; co < plan.outChannels(); co++) {
                        int taps = 0;
                        for (int s = 0; s < perGroup; s++) {
                            int ci = plan.inputChannel(co, s);
                            for (int ky = 0; ky < kh; ky++) {
                                float[][] copies = row(ci, oy * sy + ky * dy, ky, x0, n);
                                if (copies == null) {
                                    continue;
                                }
                                int wBase = ((co * perGroup + s) * kh + ky) * kw;
                                for (int kx = 0; kx < kw; kx++) {
                                    tapArray[taps] = copies[kx];
                                    tapWeight[taps] = w[wBase + kx];
                                    taps++;
                                }
                            }
                        }
                        int m = dense ? (n - 1) * 2 + 1 : n;
                        Arrays.fill(acc, 0, m, 0f);
                        accumulate(acc, m, tapArray, tapWeight, taps);
                        if (dense) {
                            for (int x = 1; x < n; x++) {
                                acc[x] = acc[2 * x];
                            }
                        }
                        finish(acc, 0, n, bias[co], act);
                        System.arraycopy(acc, 0, out, (co * oh + oy) * ow + x0, n);
                    }
                    if (rowDone != null && st == strips - 1) {
                        rowDone.run();
                    }
                }
            }
        }

        /** The shifted copies of virtual row {@code vy} of channel {@code ci} for this strip; null for a zero row. */
        private float[][] row(int ci, int vy, int ky, int x0, int n) {
            int src = plan.rows().source(vy);
            if (src < 0) {
                return null;
            }
            int slot = ci * slots + (slotPerKernelRow ? ky : vy % slots);
            if (ring[slot] == null) {
                ring[slot] = new float[plan.directKernel().width()][denseStrip];
            }
            if (tags[slot] != vy) {
                load(ci, src, ring[slot], x0, n);
                tags[slot] = vy;
            }
            return ring[slot];
        }

        /**
         * Builds the virtual columns strip {@code [x0, x0 + n)} reads (the contiguous input run
         * copied, border columns gathered), then its shifted copies.
         */
        private void load(int ci, int srcRow, float[][] copies, int x0, int n) {
            int rowStart = (ci * inH + srcRow) * inW;
            int sx = plan.strideX();
            int dx = plan.dilationX();
            int v0 = x0 * sx;
            int v1 = v0 + (n - 1) * sx + (copies.length - 1) * dx + 1;
            cols.gather(in, rowStart, scratch, 0, v0, v1);
            if (sx == 1 || dense) {
                int m = dense ? (n - 1) * 2 + 1 : n;
                for (int kx = 0; kx < copies.length; kx++) {
                    System.arraycopy(scratch, kx * dx, copies[kx], 0, m);
                }
                return;
            }
            // Split the strip into its stride phases once (phase p holds v = j * sx + p), so each
            // shifted copy is one arraycopy: copy[kx][x] = row[x * sx + kx * dx] = phase[(kx*dx) % sx][x + (kx*dx) / sx].
            int len = v1 - v0;
            for (int p = 0; p < sx; p++) {
                int o = p * phaseLen;
                for (int j = 0, v = p; v < len; j++, v += sx) {
                    phases[o + j] = scratch[v];
                }
            }
            for (int kx = 0; kx < copies.length; kx++) {
                int start = kx * dx;
                System.arraycopy(phases, (start % sx) * phaseLen + start / sx, copies[kx], 0, n);
            }
        }
    }

    /**
     * Output columns per strip: the tap rows one output row reads ({@code taps x strip} floats)
     * should stay near the L2 (1 MB here). Without strips, 4096x4096 11x11 (121 rows of 16 KB,
     * 1.9 MB) streamed from L3 and ran at 105 ms on one thread; with them, 85 ms. Math.fma in the
     * inner loops was tried too: no change.
     */
    static int stripWidth(int ow, int taps) {
        int w = (STRIP_FLOATS / Math.max(1, taps)) & ~63;
        return Math.max(1, Math.min(ow, Math.max(256, w)));
    }

    /**
     * {@code acc[x] = fma(a[t][x], w[t], acc[x])} for each tap {@code t} in order, for {@code x < n}:
     * {@link Reference}'s one order, {@link #CHUNK} taps a pass (each pass keeps the running sum
     * in a register across its taps, so the order per cell is exactly sequential).
     * (Blocking the columns to keep the pass in L1 was tried: no gain at 4096 wide, up to 11x11.)
     */
    static void accumulate(float[] acc, int n, float[][] a, float[] w, int taps) {
        for (int t = 0; t < taps; t += CHUNK) {
            switch (Math.min(CHUNK, taps - t)) {
                case 5:
                    add5(acc, n, a[t], a[t + 1], a[t + 2], a[t + 3], a[t + 4],
                            w[t], w[t + 1], w[t + 2], w[t + 3], w[t + 4]);
                    break;
                case 4:
                    add4(acc, n, a[t], a[t + 1], a[t + 2], a[t + 3], w[t], w[t + 1], w[t + 2], w[t + 3]);
                    break;
                case 3:
                    add3(acc, n, a[t], a[t + 1], a[t + 2], w[t], w[t + 1], w[t + 2]);
                    break;
                case 2:
                    add2(acc, n, a[t], a[t + 1], w[t], w[t + 1]);
                    break;
                default:
                    add1(acc, n, a[t], w[t]);
                    break;
            }
        }
    }

    private static void add5(float[] acc, int n, float[] a0, float[] a1, float[] a2, float[] a3, float[] a4,
                             float w0, float w1, float w2, float w3, float w4) {
        for (int x = 0; x < n; x++) {
            float s = Math.fma(a0[x], w0, acc[x]);
            s = Math.fma(a1[x], w1, s);
            s = Math.fma(a2[x], w2, s);
            s = Math.fma(a3[x], w3, s);
            acc[x] = Math.fma(a4[x], w4, s);
        }
    }

    private static void add4(float[] acc, int n, float[] a0, float[] a1, float[] a2, float[] a3,
                             float w0, float w1, float w2, float w3) {
        for (int x = 0; x < n; x++) {
            float s = Math.fma(a0[x], w0, acc[x]);
            s = Math.fma(a1[x], w1, s);
            s = Math.fma(a2[x], w2, s);
            acc[x] = Math.fma(a3[x], w3, s);
        }
    }

    private static void add3(float[] acc, int n, float[] a0, float[] a1, float[] a2, float w0, float w1, float w2) {
        for (int x = 0; x < n; x++) {
            float s = Math.fma(a0[x], w0, acc[x]);
            s = Math.fma(a1[x], w1, s);
            acc[x] = Math.fma(a2[x], w2, s);
        }
    }

    private static void add2(float[] acc, int n, float[] a0, float[] a1, float w0, float w1) {
        for (int x = 0; x < n; x++) {
            acc[x] = Math.fma(a1[x], w1, Math.fma(a0[x], w0, acc[x]));
        }
    }

    private static void add1(float[] acc, int n, float[] a0, float w0) {
        for (int x = 0; x < n; x++) {
            acc[x] = Math.fma(a0[x], w0, acc[x]);
        }
    }

    /**
     * Ends a row as {@link Reference} ends each cell: {@code pre = sum + bias}, then the activation,
     * for {@code a[from, to)}.
     */
    static void finish(float[] a, int from, int to, float bias, Activation act) {
        for (int x = from; x < to; x++) {
            a[x] += bias;
        }
        act.applyInPlace(a, from, to);
    }
}
