package org.convlens.engine;

import java.util.Arrays;

/**
 * The fast path for many channels on small maps (a network's layers): the same direct
 * cross-correlation as {@link Reference}, computed as a matrix product over tiles of the output.
 *
 * <p>Each input channel's virtual grid (padding, or zero insertion, applied once from the plan's
 * {@link AxisMap}s) is laid out as one flat array, {@code Vh x Vw}. With stride 1 on that grid,
 * output cell (oy, ox) at flat position {@code q = oy * Vw + ox} reads tap (ci, ky, kx) at
 * {@code q + ky * dy * Vw + kx * dx}: so one tap over a tile of output rows is one contiguous run
 * of the flat grid (the {@code Vw - OW} columns past each row's end are computed and dropped). A
 * tile's runs are copied once into {@code K = Cin/groups x kh x kw} rows (an im2col by arraycopy),
 * and every output channel of the group reads them all, five taps a pass:
 * {@code s = fma(c0[x], w0, acc[x]); ...; acc[x] = fma(c4[x], w4, s)}, the loop HotSpot C2
 * (JDK 17) vectorises, each cell adding its taps in {@link Reference}'s order from 0, the bias
 * last, so the values are the reference's. Where the
 * row-by-row path ({@link FastConvolution}) runs one pass per output row (56 values for a 56 x 56
 * map), a pass here covers a tile of rows (a few hundred values), and the rows are built once per
 * tile, not once per row.
 *
 * <p>Measured on this project's 2-core machine (AVX-512, JDK 17), one thread, CPU time, "same"
 * padding, ReLU: 64 -> 64 channels 3x3 on 56 x 56 7.2 ms (row-by-row path 21.6 ms), on 28 x 28
 * 2.0 ms (8.1), 32 -> 64 on 112 x 112 14.6 ms (30.9), 16 -> 16 on 64 x 64 0.81 ms (1.51), LeNet's
 * 6 -> 16 5x5 on 14 x 14 0.073 ms (0.176); 3 -> 8 on 256 x 256 1.6 ms (2.0), two channels about
 * even. Tried and dropped: two output channels a pass (six arrays, 22 G multiply-adds/s against
 * 17 in a micro-benchmark, but C2 compiled it unvectorised, 4.7, once other shapes had run
 * through it first); three or four output channels, or more taps, in one loop (not vectorised);
 * {@code Math.fma} (not vectorised); tiles past the L2 (1024 positions with K = 576: 16.8 against
 * 23.6 at 464).
 *
 * <p>Used by {@link ConvEngine#run} where it pays: stride 1 over the virtual grid, at least two
 * output channels per group, output rows at most {@link #MAX_WIDTH} wide (see {@link #applies}).
 */
final class ChannelConvolution {
    /** Off with {@code -Dconvlens.channels=false}, to compare with the row-by-row path. */
    static final boolean ENABLED = !"false".equals(System.getProperty("convlens.channels"));
    /** Floats of im2col rows per tile (1 MB: half the L2). */
    static final int TILE_FLOATS = 1 << 18;
    /** Most positions per tile. */
    static final int MAX_TILE = 1024;
    /** Output rows wider than this take the row-by-row path, whose passes are then long enough (3 -> 8 at 512 wide: even). */
    static final int MAX_WIDTH = 512;

    private ChannelConvolution() {
    }

    /** Whether this path serves {@code plan}: stride 1 on the virtual grid, two or more outputs per group, narrow rows. */
    static boolean applies(ConvPlan plan) {
        return ENABLED && plan.strideY() == 1 && plan.strideX() == 1 && plan.outPerGroup() >= 2
                && plan.outWidth() <= MAX_WIDTH;
    }

    /**
     * Convolves, adds the bias and applies the activation into {@code out}, the
     * {@code Cout x OH x OW} feature map, calling {@code rowDone} (may be null) once per output row.
     */
    static Tensor run(ConvPlan plan, Tensor input, Tensor out, int threads, Runnable rowDone) {
        return run(plan, input, out, threads, rowDone, VectorPath.available());
    }

    /** As above, with {@code vector}: the Vector API's register-blocked products ({@link VectorPath#channels}; only where available). */
    static Tensor run(ConvPlan plan, Tensor input, Tensor out, int threads, Runnable rowDone, boolean vector) {
        int slack = vector ? VectorPath.channelSlack() : 0;
        Grid grid = new Grid(plan, input, slack);
        Kernel k = plan.directKernel();
        int taps = plan.inPerGroup() * k.height() * k.width();
        int rows = tileRows(plan, taps);
        int tiles = (plan.outHeight() + rows - 1) / rows;
        long work = (long) plan.outChannels() * plan.outHeight() * plan.outWidth() * taps;
        Parallel.forRange(tiles, threads, work, (from, to) -> {
            Tile t = new Tile(plan, grid, out, rows, taps, slack);
            for (int i = from; i < to; i++) {
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new Parallel.CancelledException();
                }
                int oy0 = i * rows;
                int n = Math.min(rows, plan.outHeight() - oy0);
                t.run(oy0, n);
                if (rowDone != null) {
                    for (int r = 0; r < n; r++) {
                        rowDone.run();
                    }
                }
            }
        });
        return out;
    }

    /** Output rows per tile: im2col rows of about {@link #TILE_FLOATS} floats, at least one output row. */
    static int tileRows(ConvPlan plan, int taps) {
        int vw = plan.cols().length();
        return Math.max(1, Math.min(plan.outHeight(), Math.min(TILE_FLOATS / Math.max(1, taps), MAX_TILE) / vw));
    }

    /** Each thread's im2col rows from its last run, kept when small (see {@link #columns}). */
    private static final ThreadLocal<float[][]> COLUMNS = new ThreadLocal<>();
    /**
     * Most floats of scratch a thread keeps between runs (4 MB): im2col rows and grids here, the
     * wide-kernel path's strips ({@link WideKernelConvolution}).
     */
    static final int KEEP_FLOATS = 1 << 20;

    /**
     * {@code taps} rows of at least {@code length} floats: the thread's rows from its last run when
     * they are big enough (their values are overwritten before they are read), else new ones.
     * LeNet-5's layers allocate and zero about 90 KB of rows per image otherwise, which cost more
     * than their multiply-adds (256 images, one thread: 20.1 -> 14.5 ms for the two conv layers).
     */
    static float[][] columns(int taps, int length) {
        float[][] c = COLUMNS.get();
        if (c != null && c.length >= taps && c[0].length >= length) {
            return c;
        }
        // Grown to fit both this run and the kept rows: a network's layers alternate between
        // many short rows and a few long ones, and rows that fit only the last of them were made
        // anew every run (2.4 GB over three epochs of training the default network).
        if (c != null && (long) Math.max(taps, c.length) * Math.max(length, c[0].length) <= KEEP_FLOATS) {
            c = new float[Math.max(taps, c.length)][Math.max(length, c[0].length)];
        } else {
            c = new float[taps][length];
        }
        if ((long) c.length * c[0].length <= KEEP_FLOATS) {
            COLUMNS.set(c);
        }
        return c;
    }

    /** Each thread's grid array from its last run, kept when small (see {@link #gridArray}). */
    private static final ThreadLocal<float[]> GRID = new ThreadLocal<>();

    /**
     * At least {@code n} floats, with any values: the thread's array from its last run when big
     * enough, else a new one (kept when at most {@link #KEEP_FLOATS}). Training the default
     * network made about 230 MB of new grids an epoch otherwise.
     */
    static float[] gridArray(int n) {
        float[] a = GRID.get();
        if (a != null && a.length >= n) {
            return a;
        }
        a = new float[n];
        if (n <= KEEP_FLOATS) {
            GRID.set(a);
        }
        return a;
    }

    /** Every input channel's virtual grid, flat, with room after it for the last row's dropped columns. */
    private static final class Grid {
        final int width;
        final int stride;
        final float[] data;

        /** With {@code slack} floats of room after the last channel (vector blocks read past a row's end). */
        Grid(ConvPlan plan, Tensor input, int slack) {
            AxisMap rows = plan.rows();
            AxisMap cols = plan.cols();
            int vh = rows.length();
            int vw = cols.length();
            Kernel k = plan.directKernel();
            this.width = vw;
            this.stride = vh * vw + (k.width() - 1) * plan.dilationX();
            this.data = gridArray(Math.addExact(Math.multiplyExact(plan.inChannels(), stride), slack));
            float[] in = input.data();
            int h = input.height();
            int w = input.width();
            // The run of columns that copies input columns in order (the input itself), then the rest.
            int a = 0;
            while (a < vw && (cols.kind(a) != CellKind.INPUT)) {
                a++;
            }
            int b = a;
            while (b < vw && cols.kind(b) == CellKind.INPUT && cols.source(b) == cols.source(a) + (b - a)) {
                b++;
            }
            for (int c = 0; c < plan.inChannels(); c++) {
                // A kept array holds the last run's values: the rows of padding and the room
                // after the last row are zeroed here, every other value is written below.
                Arrays.fill(data, c * stride + vh * vw, (c + 1) * stride, 0f);
                for (int vy = 0; vy < vh; vy++) {
                    int sy = rows.source(vy);
                    int dst = c * stride + vy * vw;
                    if (sy < 0) {
                        Arrays.fill(data, dst, dst + vw, 0f);
                        continue;
                    }
                    int src = (c * h + sy) * w;
                    for (int vx = 0; vx < a; vx++) {
                        int sx = cols.source(vx);
                        data[dst + vx] = sx < 0 ? 0f : in[src + sx];
                    }
                    if (b > a) {
                        System.arraycopy(in, src + cols.source(a), data, dst + a, b - a);
                    }
                    for (int vx = b; vx < vw; vx++) {
                        int sx = cols.source(vx);
                        data[dst + vx] = sx < 0 ? 0f : in[src + sx];
                    }
                }
            }
        }
    }

    /** One thread's im2col rows and accumulators. */
    private static final class Tile {
        private final ConvPlan plan;
        private final Grid grid;
        private final float[] out;
        /** The im2col rows (scalar path) or null (vector path: its blocks read the grid in place). */
        private final float[][] col;
        private final float[] acc;
        /** Vector path: four output channels' accumulators, with room for a block past the tile's end. */
        private final float[][] accs;
        private final int[] offsets;

        Tile(ConvPlan plan, Grid grid, Tensor output, int rows, int taps, int slack) {
            this.plan = plan;
            this.grid = grid;
            this.out = output.data();
            int t = rows * grid.width;
            this.col = slack > 0 ? null : columns(taps, t);
            this.acc = slack > 0 ? null : new float[t];
            this.accs = slack > 0 ? new float[4][t + slack] : null;
            Kernel k = plan.directKernel();
            int kh = k.height();
            int kw = k.width();
            this.offsets = new int[taps];
            for (int s = 0, i = 0; s < plan.inPerGroup(); s++) {
                for (int ky = 0; ky < kh; ky++) {
                    for (int kx = 0; kx < kw; kx++, i++) {
                        offsets[i] = s * grid.stride + ky * plan.dilationY() * grid.width + kx * plan.dilationX();
                    }
                }
            }
        }

        /** Output rows {@code [oy0, oy0 + n)} of every channel. */
        void run(int oy0, int n) {
            int vw = grid.width;
            int len = (n - 1) * vw + plan.outWidth();
            int q0 = oy0 * vw;
            int taps = offsets.length;
            float[] w = plan.directKernel().data();
            float[] bias = plan.bias();
            int per = plan.outPerGroup();
            for (int g = 0; g < plan.groups(); g++) {
                int base = g * plan.inPerGroup() * grid.stride + q0;
                if (accs != null) {
                    for (int co = g * per; co < (g + 1) * per; co += 4) {
                        int m = Math.min(4, (g + 1) * per - co);
                        VectorPath.channels(grid.data, base, offsets, w, bias, co, m, accs, len);
                        for (int j = 0; j < m; j++) {
                            store(co + j, accs[j], oy0, n);
                        }
                    }
                    continue;
                }
                for (int i = 0; i < taps; i++) {
                    System.arraycopy(grid.data, base + offsets[i], col[i], 0, len);
                }
                for (int co = g * per; co < (g + 1) * per; co++) {
                    oneChannel(acc, bias[co], w, co * taps, taps, len);
                    store(co, acc, oy0, n);
                }
            }
        }

        /**
         * One output channel: {@code a[x] = fma(col[k][x], w[k], a[x])} for each tap {@code k} in
         * order from 0, five taps a pass (the running sum stays in a register across them), then the
         * bias: {@link Reference}'s one order. The taps past the last five go four (with the bias:
         * a 3x3 kernel on one channel, 5 + 4, sweeps its accumulators twice, not six times) or two
         * at a time, then one by one. The zeroing is here, not in the caller: C2 vectorised
         * such loops only with the {@code Arrays.fill(a, 0, len, ..)} in the same method (4.7
         * against 22 G multiply-adds/s for a two-channel loop with the fill in its caller). The fma
         * chain ran as fast as {@code a[x] += w0 c0[x] + ...} (18.8 against 16.7 at 404 positions).
         */
        private void oneChannel(float[] a, float bias, float[] w, int wa, int taps, int len) {
            Arrays.fill(a, 0, len, 0f);
            int k = 0;
            for (; k + 5 <= taps; k += 5) {
                float w0 = w[wa + k];
                float w1 = w[wa + k + 1];
                float w2 = w[wa + k + 2];
                float w3 = w[wa + k + 3];
                float w4 = w[wa + k + 4];
                float[] c0 = col[k];
                float[] c1 = col[k + 1];
                float[] c2 = col[k + 2];
                float[] c3 = col[k + 3];
                float[] c4 = col[k + 4];
                for (int x = 0; x < len; x++) {
                    float s = Math.fma(c0[x], w0, a[x]);
                    s = Math.fma(c1[x], w1, s);
                    s = Math.fma(c2[x], w2, s);
                    s = Math.fma(c3[x], w3, s);
                    a[x] = Math.fma(c4[x], w4, s);
                }
            }
            if (taps - k == 4) {
                float w0 = w[wa + k];
                float w1 = w[wa + k + 1];
                float w2 = w[wa + k + 2];
                float w3 = w[wa + k + 3];
                float[] c0 = col[k];
                float[] c1 = col[k + 1];
                float[] c2 = col[k + 2];
                float[] c3 = col[k + 3];
                for (int x = 0; x < len; x++) {
                    float s = Math.fma(c0[x], w0, a[x]);
                    s = Math.fma(c1[x], w1, s);
                    s = Math.fma(c2[x], w2, s);
                    a[x] = Math.fma(c3[x], w3, s) + bias;
                }
                return;
            }
            if (taps - k >= 2) {
                float w0 = w[wa + k];
                float w1 = w[wa + k + 1];
                float[] c0 = col[k];
                float[] c1 = col[k + 1];
                for (int x = 0; x < len; x++) {
                    a[x] = Math.fma(c1[x], w1, Math.fma(c0[x], w0, a[x]));
                }
                k += 2;
            }
            for (; k < taps; k++) {
                float w0 = w[wa + k];
                float[] c0 = col[k];
                for (int x = 0; x < len; x++) {
                    a[x] = Math.fma(c0[x], w0, a[x]);
                }
            }
            for (int x = 0; x < len; x++) {
                a[x] += bias;
            }
        }

        /** The activation, then each output row's first OW positions into the feature map. */
        private void store(int co, float[] acc, int oy0, int n) {
            int vw = grid.width;
            int ow = plan.outWidth();
            int len = (n - 1) * vw + ow;
            plan.spec().activation().applyInPlace(acc, 0, len);
            int dst = (co * plan.outHeight() + oy0) * ow;
            for (int r = 0; r < n; r++) {
                System.arraycopy(acc, r * vw, out, dst + r * ow, ow);
            }
        }
    }
}
