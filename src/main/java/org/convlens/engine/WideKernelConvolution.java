package org.convlens.engine;

import java.util.Arrays;

/**
 * The path for a kernel far wider than the output: the shape of a kernel gradient, where the
 * output gradient of a whole batch is the kernel and the output only kh x kw. The fast path
 * vectorises along output rows, which are then a few cells long; this one vectorises along the
 * kernel's rows instead, computing the same direct cross-correlation as {@link Reference}.
 *
 * <p>Kernel rows are cut into strips of {@link #STRIP} columns. Each output cell keeps one
 * partial-sum strip; every strip of every kernel row is multiplied into it with the matching
 * strip of the virtual grid ({@code p[j] = fma(k[j], g[j], p[j])}, all arrays indexed by the same
 * {@code j}, which C2 vectorises; an offset on any of them, {@code g[ox + j]}, and it did not, as
 * the store might alias the load), and the partial strip is summed once at the end. Two kernel
 * rows a pass, and where stride and dilation agree (a kernel gradient's stride 1, dilation 1) two
 * output rows too: output row {@code oy} meets grid rows {@code oy + i} and {@code oy + i + 1}
 * with kernel rows {@code i} and {@code i + 1}, and output row {@code oy + 1} meets the second of
 * them again, so one pass loads three grid strips and two kernel strips for four multiply-adds
 * (seven arrays; with three rows of each, eight or more arrays, C2 left the loop scalar). Each cell
 * adds its kernel rows in the same order whichever pass it is in, so the value does not depend on
 * how rows are split across threads. The grid's strips are gathered once per call (padding
 * applied there, from the {@link AxisMap}s) and shared by every output channel; they, the table
 * pointing at them and the partial strips are the thread's, kept from call to call.
 *
 * <p>Measured with thread CPU time (JDK 17, this shared 2-core machine under load, so as a
 * ratio) on the kernel gradient of an 8 -> 16 channel 3x3 layer for 64 14x14 maps laid side
 * by side, one input channel a call (kernel 16 x 1 x 14 x 1022, output 16 x 3 x 3): the fast path
 * 2.8 to 3.1 ms, this path 0.34 to 0.48 ms. Summing each partial row value by value cost about as
 * much as the multiply-adds; folding it in halves does not. The default network's kernel
 * gradients for one batch of 64 (one call with kernel 8 x 1 x 28 x 1920 and eight with
 * 16 x 1 x 14 x 1024, 20.4 M multiply-adds; best of 12 rounds): 2.19 to 2.29 ms with one pass per
 * output cell, two kernel rows and new strips every call, 1.65 to 1.79 ms now (about 12 G
 * multiply-adds/s; strips of 256 or 1024 columns within the noise of 512).
 */
final class WideKernelConvolution {
    /** Kernel rows at least this long... */
    static final int MIN_KERNEL_WIDTH = 64;
    /** ...and at least this many times the output row. */
    static final int MIN_RATIO = 8;
    /** Columns per strip: a pass's partial, kernel and grid strips stay in L1 and L2. */
    static final int STRIP = 512;
    /** Gathered grid strips (or virtual columns) beyond this many are not attempted (another path runs). */
    static final long MAX_GATHERED = 1L << 24;
    /** The strip of a grid row that is all padding, never written. */
    private static final float[] ZERO = new float[STRIP];

    private WideKernelConvolution() {
    }

    /**
     * True when kernel rows are long and output rows short, and the gathered strips and the
     * column table fit (not a virtual grid of a billion columns read in a few places).
     */
    static boolean applies(ConvPlan plan) {
        int kw = plan.directKernel().width();
        if (kw < MIN_KERNEL_WIDTH || (long) plan.outWidth() * MIN_RATIO > kw) {
            return false;
        }
        return (long) plan.inChannels() * plan.rows().length() * plan.outWidth() * kw <= MAX_GATHERED
                && plan.cols().length() <= MAX_GATHERED;
    }

    /** Convolves, adds the bias and applies the activation into {@code out} ({@code Cout x OH x OW}). */
    static Tensor run(ConvPlan plan, Tensor input, Tensor out, int threads, Runnable rowDone) {
        return run(plan, input, out, threads, rowDone, VectorPath.available());
    }

    /**
     * As above; with {@code vector}, where the grid is the input itself read along its rows
     * ({@link #readsInPlace}), the Vector API's register-blocked sums ({@link VectorPath#wideCells}).
     */
    static Tensor run(ConvPlan plan, Tensor input, Tensor out, int threads, Runnable rowDone, boolean vector) {
        Kernel k = plan.directKernel();
        long work = (long) plan.outChannels() * plan.outHeight() * plan.outWidth() * plan.inPerGroup()
                * k.height() * k.width();
        boolean inPlace = vector && readsInPlace(plan);
        Parallel.forRange(plan.outHeight(), threads, work, (from, to) -> {
            if (inPlace) {
                vectorBand(plan, input, out, from, to, rowDone);
            } else {
                band(plan, input, out, from, to, rowDone);
            }
        });
        return out;
    }

    /** No padding, no inserted zeros, dilation 1 across: every kernel row meets a run of one input row. */
    static boolean readsInPlace(ConvPlan plan) {
        return plan.dilationX() == 1 && !plan.spec().transposed() && plan.rows().before() == 0
                && plan.rows().length() == plan.inHeight() && plan.cols().before() == 0
                && plan.cols().length() == plan.inWidth();
    }

    /**
     * Output rows {@code [from, to)} read straight from the input: four output channels by three
     * output columns a pass where they are there ({@link VectorPath#wideCells}), cell by cell
     * otherwise; each cell's input channels added in order, then the bias, then the activation.
     */
    private static void vectorBand(ConvPlan plan, Tensor input, Tensor out, int from, int to, Runnable rowDone) {
        Kernel k = plan.directKernel();
        int kh = k.height();
        int kw = k.width();
        int ow = plan.outWidth();
        int oh = plan.outHeight();
        int per = plan.inPerGroup();
        int outPer = plan.outPerGroup();
        int sy = plan.strideY();
        int sx = plan.strideX();
        int rowStep = plan.dilationY() * input.width();
        int h = input.height();
        int w = input.width();
        float[] in = input.data();
        float[] wt = k.data();
        float[] o = out.data();
        float[] bias = plan.bias();
        int kernelSize = kh * kw;
        int kStride = per * kernelSize;
        float[] cells = new float[12];
        float[] sums = new float[12];
        float[] lanes = new float[12 * 64];
        Activation act = plan.spec().activation();
        for (int oy = from; oy < to; oy++) {
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new Parallel.CancelledException();
            }
            for (int g = 0; g < plan.groups(); g++) {
                int coEnd = (g + 1) * outPer;
                for (int co = g * outPer; co < coEnd; co += 4) {
                    int m = Math.min(4, coEnd - co);
                    int ox = 0;
                    if (m == 4) {
                        for (; ox + 3 <= ow; ox += 3) {
                            Arrays.fill(sums, 0f);
                            for (int s = 0; s < per; s++) {
                                int row = (plan.inputChannel(co, s) * h + oy * sy) * w + ox * sx;
                                VectorPath.wideCells(wt, (co * per + s) * kernelSize, kStride, in, row, rowStep, sx, kh,
                                        kw, cells, lanes);
                                for (int q = 0; q < 12; q++) {
                                    sums[q] += cells[q];
                                }
                            }
                            for (int j = 0; j < 4; j++) {
                                for (int c = 0; c < 3; c++) {
                                    o[((co + j) * oh + oy) * ow + ox + c] = act.apply(bias[co + j] + sums[j * 3 + c]);
                                }
                            }
                        }
                    }
                    for (int j = 0; j < m; j++) {
                        for (int x = ox; x < ow; x++) {
                            float sum = 0f;
                            for (int s = 0; s < per; s++) {
                                int row = (plan.inputChannel(co + j, s) * h + oy * sy) * w + x * sx;
                                sum += VectorPath.wideCell(wt, ((co + j) * per + s) * kernelSize, in, row, rowStep, kh, kw,
                                        lanes);
                            }
                            o[((co + j) * oh + oy) * ow + x] = act.apply(bias[co + j] + sum);
                        }
                    }
                }
            }
            if (rowDone != null) {
                rowDone.run();
            }
        }
    }

    private static void band(ConvPlan plan, Tensor input, Tensor out, int from, int to, Runnable rowDone) {
        Kernel k = plan.directKernel();
        int kh = k.height();
        int kw = k.width();
        int ow = plan.outWidth();
        int oh = plan.outHeight();
        int sy = plan.strideY();
        int dy = plan.dilationY();
        int perGroup = plan.inPerGroup();
        int strips = (kw + STRIP - 1) / STRIP;
        int vyFirst = from * sy;
        int vyLast = (to - 1) * sy + (kh - 1) * dy;
        int nRows = vyLast - vyFirst + 1;
        Scratch scratch = Scratch.of(plan.inChannels() * nRows * ow * strips, (to - from) * ow);
        try {
            float[][] grid = gather(plan, input, vyFirst, vyLast, strips, scratch);
            float[][] partial = scratch.partial;
            float[] k0 = scratch.k0;
            float[] k1 = scratch.k1;
            float[] w = k.data();
            float[] o = out.data();
            Activation act = plan.spec().activation();
            // Two output rows share a kernel row's grid row where stride and dilation agree.
            boolean rowPairs = sy == dy;
            // Only the first columns of a partial strip are written when kernel rows are shorter
            // than a strip; the sum folds from the first length of its halving that covers them.
            int used = partialLength(Math.min(kw, STRIP));
            for (int co = 0; co < plan.outChannels(); co++) {
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new Parallel.CancelledException();
                }
                for (int c = 0; c < (to - from) * ow; c++) {
                    Arrays.fill(partial[c], 0, used, 0f);
                }
                for (int s = 0; s < perGroup; s++) {
                    int chBase = plan.inputChannel(co, s) * nRows;
                    for (int i = 0; i < kh; i += 2) {
                        boolean pair = i + 1 < kh;
                        int rowStart = ((co * perGroup + s) * kh + i) * kw;
                        for (int st = 0; st < strips; st++) {
                            int n = Math.min(STRIP, kw - st * STRIP);
                            System.arraycopy(w, rowStart + st * STRIP, k0, 0, n);
                            if (pair) {
                                System.arraycopy(w, rowStart + kw + st * STRIP, k1, 0, n);
                            }
                            for (int oy = from; oy < to; oy++) {
                                int r0 = ((chBase + oy * sy + i * dy - vyFirst) * ow) * strips + st;
                                int p0 = (oy - from) * ow;
                                if (!pair) {
                                    for (int ox = 0; ox < ow; ox++) {
                                        multiplyAdd(partial[p0 + ox], k0, grid[r0 + ox * strips], n);
                                    }
                                    continue;
                                }
                                int r1 = r0 + dy * ow * strips;
                                if (rowPairs && oy + 1 < to) {
                                    int r2 = r1 + dy * ow * strips;
                                    for (int ox = 0; ox < ow; ox++) {
                                        int c = ox * strips;
                                        multiplyAdd22(partial[p0 + ox], partial[p0 + ow + ox], k0, k1, grid[r0 + c],
                                                grid[r1 + c], grid[r2 + c], n);
                                    }
                                    oy++;
                                } else {
                                    for (int ox = 0; ox < ow; ox++) {
                                        int c = ox * strips;
                                        multiplyAdd2(partial[p0 + ox], k0, grid[r0 + c], k1, grid[r1 + c], n);
                                    }
                                }
                            }
                        }
                    }
                }
                float b = plan.bias()[co];
                for (int oy = from; oy < to; oy++) {
                    int base = (co * oh + oy) * ow;
                    for (int ox = 0; ox < ow; ox++) {
                        o[base + ox] = act.apply(b + sumAndClear(partial[(oy - from) * ow + ox], used, scratch.tmp));
                    }
                }
            }
        } finally {
            scratch.release();
        }
        if (rowDone != null) {
            for (int r = from; r < to; r++) {
                rowDone.run();
            }
        }
    }

    /**
     * For each input channel and virtual row in {@code [vyFirst, vyLast]}, the grid each output
     * column reads, strip by strip: entry {@code ((ci * rows + vy - vyFirst) * OW + ox) * strips + st}
     * holds {@code grid(vy, ox * sx + (st * STRIP + j) * dx)} for {@code j} in the strip; a row of
     * zeros is {@link #ZERO}. The strips are the scratch's, overwritten.
     */
    private static float[][] gather(ConvPlan plan, Tensor input, int vyFirst, int vyLast, int strips,
                                    Scratch scratch) {
        int kw = plan.directKernel().width();
        int ow = plan.outWidth();
        int sx = plan.strideX();
        int dx = plan.dilationX();
        AxisMap rows = plan.rows();
        int[] colSource = plan.cols().sources();
        float[] in = input.data();
        int h = input.height();
        int w = input.width();
        int[] run = inputRun(plan.cols());
        float[][] g = scratch.grid;
        float[][] own = scratch.strips;
        int e = 0;
        for (int ci = 0; ci < plan.inChannels(); ci++) {
            for (int vy = vyFirst; vy <= vyLast; vy++) {
                int src = rows.source(vy);
                if (src < 0) {
                    for (int x = 0; x < ow * strips; x++, e++) {
                        g[e] = ZERO;
                    }
                    continue;
                }
                int rowStart = (ci * h + src) * w;
                for (int ox = 0; ox < ow; ox++) {
                    for (int st = 0; st < strips; st++, e++) {
                        int j0 = st * STRIP;
                        int len = Math.min(STRIP, kw - j0);
                        float[] seg = own[e];
                        int v0 = ox * sx + j0 * dx;
                        if (dx == 1 && v0 >= run[0] && v0 + len <= run[1]) {
                            System.arraycopy(in, rowStart + colSource[v0], seg, 0, len);
                        } else {
                            for (int j = 0, v = v0; j < len; j++, v += dx) {
                                int s = colSource[v];
                                seg[j] = s < 0 ? 0f : in[rowStart + s];
                            }
                        }
                        g[e] = seg;
                    }
                }
            }
        }
        return g;
    }

    /** The virtual columns {@code [a, b)} that hold consecutive input columns (no padding between). */
    private static int[] inputRun(AxisMap cols) {
        int n = cols.length();
        int a = 0;
        while (a < n && cols.kind(a) != CellKind.INPUT) {
            a++;
        }
        int b = a;
        while (b < n && cols.kind(b) == CellKind.INPUT && cols.source(b) == cols.source(a) + (b - a)) {
            b++;
        }
        return new int[] {a, b};
    }

    /**
     * Two output rows and two kernel rows a pass: {@code r1} is the grid row the first output row
     * meets with kernel row {@code k1} and the second with {@code k0}. Seven arrays indexed alike:
     * C2 (JDK 17) vectorised this; with eight or more (three rows of each) it did not.
     */
    private static void multiplyAdd22(float[] p, float[] q, float[] k0, float[] k1, float[] r0, float[] r1,
                                      float[] r2, int n) {
        for (int j = 0; j < n; j++) {
            float a = k0[j];
            float b = k1[j];
            float x1 = r1[j];
            float s = Math.fma(b, x1, Math.fma(a, r0[j], p[j]));
            float t = Math.fma(b, r2[j], Math.fma(a, x1, q[j]));
            p[j] = s;
            q[j] = t;
        }
    }

    /** One output row, two kernel rows: each cell in the order {@link #multiplyAdd22} adds them. */
    private static void multiplyAdd2(float[] p, float[] k0, float[] g0, float[] k1, float[] g1, int n) {
        for (int j = 0; j < n; j++) {
            p[j] = Math.fma(k1[j], g1[j], Math.fma(k0[j], g0[j], p[j]));
        }
    }

    private static void multiplyAdd(float[] p, float[] k, float[] g, int n) {
        for (int j = 0; j < n; j++) {
            p[j] = Math.fma(k[j], g[j], p[j]);
        }
    }

    /**
     * The length a partial strip's sum starts from when its first {@code n} values are written:
     * the smallest of {@link #STRIP}, its half (rounded up), its quarter... that holds them, so the
     * sum adds the values in the order a whole strip (zeros past them) would, without its zeros:
     * for 256-wide kernel rows half the zeroing and folding (the default network's kernel gradient).
     */
    static int partialLength(int n) {
        int len = STRIP;
        while (len > 32 && len - (len >>> 1) >= n) {
            len -= len >>> 1;
        }
        return len;
    }

    /**
     * The sum of the first {@code length} values of a partial strip ({@link #partialLength}),
     * which it uses up: halves folded onto each other (a copy, then an add of arrays indexed alike,
     * which C2 vectorises) down to 32 values, then four running sums.
     */
    private static float sumAndClear(float[] p, int length, float[] tmp) {
        int n = length;
        while (n > 32) {
            int half = n >>> 1;
            int keep = n - half;
            System.arraycopy(p, keep, tmp, 0, half);
            addInto(p, tmp, half);
            n = keep;
        }
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            s0 += p[j];
            s1 += p[j + 1];
            s2 += p[j + 2];
            s3 += p[j + 3];
        }
        for (; j < n; j++) {
            s0 += p[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static void addInto(float[] p, float[] q, int n) {
        for (int j = 0; j < n; j++) {
            p[j] += q[j];
        }
    }

    /**
     * A thread's buffers for {@link #band}, kept between calls when small (a training epoch made
     * about 300 MB of new strips otherwise): the gathered grid strips and the table pointing at
     * them, the partial strips, two kernel strips.
     */
    private static final class Scratch {
        private static final ThreadLocal<Scratch> KEPT = new ThreadLocal<>();

        float[][] strips = new float[0][];
        float[][] grid = new float[0][];
        float[][] partial = new float[0][];
        final float[] k0 = new float[STRIP];
        final float[] k1 = new float[STRIP];
        final float[] tmp = new float[STRIP];
        private boolean inUse;

        /** A thread's scratch with room for {@code gathered} grid strips and {@code cells} partial strips. */
        static Scratch of(int gathered, int cells) {
            Scratch s = KEPT.get();
            if (s == null || s.inUse) {
                s = new Scratch();
            }
            if (s.strips.length < gathered) {
                s.strips = grow(s.strips, gathered);
                s.grid = new float[s.strips.length][];
            }
            if (s.partial.length < cells) {
                s.partial = grow(s.partial, cells);
            }
            s.inUse = true;
            if (s != KEPT.get() && (long) (s.strips.length + s.partial.length) * STRIP <= ChannelConvolution.KEEP_FLOATS) {
                KEPT.set(s);
            }
            return s;
        }

        /** Done with it (the table keeps pointing at the scratch's own strips or {@link #ZERO}: nothing to clear). */
        void release() {
            inUse = false;
        }

        private static float[][] grow(float[][] a, int n) {
            float[][] b = Arrays.copyOf(a, n);
            for (int i = a.length; i < n; i++) {
                b[i] = new float[STRIP];
            }
            return b;
        }
    }
}
