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
 * strip of the virtual grid ({@code p[j] += k[j] * g[j]}, all arrays indexed by the same
 * {@code j}, which C2 vectorises), and the partial strip is summed once at the end. The grid's
 * strips are gathered once per call (padding applied there, from the {@link AxisMap}s) and
 * shared by every output channel; the partial strips of one output channel stay in L1.
 *
 * <p>Measured with thread CPU time (JDK 17, this shared 2-core machine under heavy load, so
 * as a ratio) on the kernel gradient of an 8 -> 16 channel 3x3 layer for 64 14x14 maps laid side
 * by side, one input channel a call (kernel 16 x 1 x 14 x 1022, output 16 x 3 x 3): the fast path
 * 2.8 to 3.1 ms, this path 0.34 to 0.48 ms. Summing each partial row value by value cost about as
 * much as the multiply-adds; folding it in halves does not.
 */
final class WideKernelConvolution {
    /** Kernel rows at least this long... */
    static final int MIN_KERNEL_WIDTH = 64;
    /** ...and at least this many times the output row. */
    static final int MIN_RATIO = 8;
    /** Columns per strip: an output channel's partial strips (kh x kw of them) stay in L1. */
    static final int STRIP = 256;
    /** Gathered grid strips (or virtual columns) beyond this many are not attempted (another path runs). */
    static final long MAX_GATHERED = 1L << 24;

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
        Kernel k = plan.directKernel();
        long work = (long) plan.outChannels() * plan.outHeight() * plan.outWidth() * plan.inPerGroup()
                * k.height() * k.width();
        Parallel.forRange(plan.outHeight(), threads, work, (from, to) -> band(plan, input, out, from, to, rowDone));
        return out;
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
        float[][][][][] grid = gather(plan, input, vyFirst, vyLast, strips);
        float[][][] partial = new float[to - from][ow][STRIP];
        float[][] krow = new float[strips][];
        float[][] krow2 = new float[strips][];
        for (int st = 0; st < strips; st++) {
            krow[st] = new float[Math.min(STRIP, kw - st * STRIP)];
            krow2[st] = new float[krow[st].length];
        }
        float[] tmp = new float[STRIP];
        float[] w = k.data();
        float[] o = out.data();
        Activation act = plan.spec().activation();
        for (int co = 0; co < plan.outChannels(); co++) {
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new Parallel.CancelledException();
            }
            for (float[][] r : partial) {
                for (float[] p : r) {
                    Arrays.fill(p, 0f);
                }
            }
            for (int s = 0; s < perGroup; s++) {
                int ci = plan.inputChannel(co, s);
                // Two kernel rows a pass where there are two: each partial strip is then read
                // and written once for two multiply-adds.
                for (int i = 0; i < kh; i += 2) {
                    boolean pair = i + 1 < kh;
                    int rowStart = ((co * perGroup + s) * kh + i) * kw;
                    for (int st = 0; st < strips; st++) {
                        float[] kr = krow[st];
                        float[] kr2 = krow2[st];
                        System.arraycopy(w, rowStart + st * STRIP, kr, 0, kr.length);
                        if (pair) {
                            System.arraycopy(w, rowStart + kw + st * STRIP, kr2, 0, kr2.length);
                        }
                        for (int oy = from; oy < to; oy++) {
                            float[][][] g = grid[ci][oy * sy + i * dy - vyFirst];
                            float[][][] g2 = pair ? grid[ci][oy * sy + (i + 1) * dy - vyFirst] : null;
                            float[][] p = partial[oy - from];
                            for (int ox = 0; ox < ow; ox++) {
                                if (g != null && g2 != null) {
                                    multiplyAdd2(p[ox], kr, g[ox][st], kr2, g2[ox][st], kr.length);
                                } else if (g != null) {
                                    multiplyAdd(p[ox], kr, g[ox][st], kr.length);
                                } else if (g2 != null) {
                                    multiplyAdd(p[ox], kr2, g2[ox][st], kr.length);
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
                    o[base + ox] = act.apply(b + sumAndClear(partial[oy - from][ox], tmp));
                }
            }
        }
        if (rowDone != null) {
            for (int r = from; r < to; r++) {
                rowDone.run();
            }
        }
    }

    /**
     * For each input channel and virtual row in {@code [vyFirst, vyLast]}, the grid each output
     * column reads, strip by strip: {@code g[ox][st][j] = grid(vy, ox * sx + (st * STRIP + j) * dx)};
     * null for a row of zeros.
     */
    private static float[][][][][] gather(ConvPlan plan, Tensor input, int vyFirst, int vyLast, int strips) {
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
        float[][][][][] g = new float[plan.inChannels()][vyLast - vyFirst + 1][][][];
        for (int ci = 0; ci < plan.inChannels(); ci++) {
            for (int vy = vyFirst; vy <= vyLast; vy++) {
                int src = rows.source(vy);
                if (src < 0) {
                    continue;
                }
                int rowStart = (ci * h + src) * w;
                float[][][] r = new float[ow][strips][];
                for (int ox = 0; ox < ow; ox++) {
                    for (int st = 0; st < strips; st++) {
                        int j0 = st * STRIP;
                        float[] seg = new float[Math.min(STRIP, kw - j0)];
                        int v0 = ox * sx + j0 * dx;
                        if (dx == 1 && v0 >= run[0] && v0 + seg.length <= run[1]) {
                            System.arraycopy(in, rowStart + colSource[v0], seg, 0, seg.length);
                        } else {
                            for (int j = 0, v = v0; j < seg.length; j++, v += dx) {
                                int s = colSource[v];
                                seg[j] = s < 0 ? 0f : in[rowStart + s];
                            }
                        }
                        r[ox][st] = seg;
                    }
                }
                g[ci][vy - vyFirst] = r;
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

    private static void multiplyAdd2(float[] p, float[] k, float[] g, float[] k2, float[] g2, int n) {
        for (int j = 0; j < n; j++) {
            p[j] += k[j] * g[j] + k2[j] * g2[j];
        }
    }

    private static void multiplyAdd(float[] p, float[] k, float[] g, int n) {
        for (int j = 0; j < n; j++) {
            p[j] += k[j] * g[j];
        }
    }

    /**
     * The sum of a partial strip, which it uses up: halves folded onto each other (a copy, then an
     * add of arrays indexed alike, which C2 vectorises) down to 32 values, then four running sums.
     */
    private static float sumAndClear(float[] p, float[] tmp) {
        int n = p.length;
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
}
