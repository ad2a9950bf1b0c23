package org.convlens.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fast path written with the Vector API ({@code jdk.incubator.vector}), register-blocked:
 * four vectors of output columns (64 with AVX-512) are held in registers while every tap is
 * added, so each output value is written once, and each tap costs one broadcast weight, four
 * loads and four fused multiply-adds. Loaded only through {@link VectorPath}, when the JVM was
 * started with {@code --add-modules jdk.incubator.vector}; otherwise {@link FastConvolution} runs.
 *
 * <p>Every cell gets {@link Reference}'s one order: for each input slice, kernel row, kernel
 * column, {@code acc = fma(value, weight, acc)} from 0, then {@code + bias}, then the activation
 * (the same {@link Activation#applyInPlace} as the other paths).
 *
 * <p>Virtual rows (padding applied from the {@link AxisMap}s) are built once per channel into a
 * ring, split into stride phases ({@code phase p} holds virtual columns {@code p, p + sx, ...}),
 * so a tap's vector of outputs is one contiguous load for any stride and dilation. Rows are
 * padded with zeros past their end, so the last block of a row reads no further than its array;
 * its lanes past the output width are dropped. Zero rows (zero padding above and below, rows a
 * transposed convolution inserts) are skipped.
 *
 * <p>With one input slice and no stride or dilation down, two output rows are computed a pass
 * ({@link Band#blockPair}): the upper row's first kernel row, then the input rows both read (each
 * loaded vector feeds eight accumulators, the upper row's kernel row {@code r} and the lower's
 * {@code r - 1}), then the lower row's last kernel row: three flat loops one after the other, each
 * row's taps still in the one order. 11 x 11 on 4096 x 4096 took 0.68x the CPU time of one row a
 * pass (load average 4 to 8, medians of four runs in turns); 3 x 3 and 5 x 5 are unchanged.
 *
 * <p>Tried: four output rows per block sharing each loaded vector (sixteen accumulators, a
 * branch per row and tap): C2 took seconds to compile it and then allocated the vectors; as two
 * nested loops (kernel rows, then columns) the vectors were allocated too (25x slower than the
 * flat tap list used here). Eight vectors of columns a block instead of four: no gain.
 */
final class VectorConvolution {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Vectors of output columns per block. */
    static final int COLS = 4;
    /** Lane i takes lane 2i (wrapped): a vector's even lanes, in its lower half and again in its upper. */
    private static final VectorShuffle<Float> EVENS = VectorShuffle.fromOp(S, i -> 2 * i % L);
    /** The upper half's lanes. */
    private static final VectorMask<Float> UPPER = VectorMask.fromLong(S, -1L << (L / 2));

    private VectorConvolution() {
    }

    /**
     * {@code out[o + x] = dense[2 x]} for {@code x < n}: a stride-2 row's outputs out of its dense
     * row, two vectors' even lanes a store; {@code dense} holds at least {@code 2 n} values. With
     * a scalar copy, 1024 x 1024 3 x 3 stride 2 took 1.3x the time on one thread.
     */
    static void evens(float[] dense, float[] out, int o, int n) {
        int x = 0;
        for (; x + L <= n; x += L) {
            FloatVector a = FloatVector.fromArray(S, dense, 2 * x);
            FloatVector b = FloatVector.fromArray(S, dense, 2 * x + L);
            a.rearrange(EVENS).blend(b.rearrange(EVENS), UPPER).intoArray(out, o + x);
        }
        for (; x < n; x++) {
            out[o + x] = dense[2 * x];
        }
    }

    static String describe() {
        return "vector (" + S.vectorBitSize() + "-bit, " + L + " floats)";
    }

    /**
     * Runs a scratch 3 x 3 convolution (row pairs, single rows and a row's last block), so the
     * Vector API's classes and method handles are linked before a caller waits on them.
     */
    static void link() {
        Tensor in = new Tensor(1, 5, 3 * L + 3);
        ConvPlan plan = ConvPlan.of(ConvSpec.builder(new Kernel(1, 1, 3, 3, new float[9])).padding(Padding.SAME).build(), in);
        run(plan, in, new Tensor(1, plan.outHeight(), plan.outWidth()), 1, null, Long.MAX_VALUE);
    }

    static void run(ConvPlan plan, Tensor input, Tensor out, int threads, Runnable rowDone, long smallWork) {
        int oh = plan.outHeight();
        Kernel k = plan.directKernel();
        long work = (long) plan.outChannels() * oh * plan.outWidth() * plan.inPerGroup() * k.height() * k.width();
        Parallel.forRange(oh, threads, work, smallWork, (from, to) -> new Band(plan, input, out, rowDone).run(from, to));
    }

    /** One thread's state: its ring of virtual rows, phase-split, per input channel. */
    private static final class Band {
        private final ConvPlan plan;
        private final float[] in;
        private final float[] out;
        private final int inH;
        private final int inW;
        private final int oh;
        private final int ow;
        private final int sy;
        private final int dy;
        /** The column stride rows are built for: 1 when computing densely, else the plan's. */
        private final int sx;
        /** Stride 2 across with few taps: every column computed, then every other one kept. */
        private final boolean dense;
        /** Output columns computed per row: {@code ow}, or {@code 2 * ow - 1} when dense. */
        private final int width;
        private final float[] denseRow;
        private final int kHeight;
        private final int kWidth;
        private final int perGroup;
        private final float[] weights;
        private final float[] bias;
        private final AxisMap cols;
        private final int virtualHeight;
        private final int phaseLen;
        private final int[] tapBase;
        private final int slots;
        /** Floats a ring slot holds: its stride phases one after another. */
        private final int slotLen;
        /** Per input channel, one array holding its ring's slots one after another. */
        private final float[][] ring;
        private final int[] tags;
        private final float[] virtualRow;
        private final float[] tail;
        /** The stride phases some tap reads: a preview's stride of 8 with a 3 x 3 kernel reads 3 of the 8. */
        private final int[] usedPhases;
        private final float[][] tapRows;
        private final int[] tapOffsets;
        private final float[] tapWeights;
        /** Row pairs: a second weight per shared tap (the lower row's), and the lower row's own taps. */
        private final boolean pairs;
        private final float[] tapWeights2;
        /** The lower row's own taps in a pair, read from {@link #pairRow}; their count. */
        private int lowTaps;
        /** The one channel a pair's taps all read (one input slice). */
        private float[] pairRow;
        private final int[] lowOffsets;
        private final float[] lowWeights;
        private int pairTop;
        private int pairShared;
        private final Runnable rowDone;

        Band(ConvPlan plan, Tensor input, Tensor output, Runnable rowDone) {
            this.plan = plan;
            this.rowDone = rowDone;
            this.in = input.data();
            this.out = output.data();
            this.inH = input.height();
            this.inW = input.width();
            this.oh = plan.outHeight();
            this.ow = plan.outWidth();
            this.sy = plan.strideY();
            this.dy = plan.dilationY();
            // Splitting each row into two phases is a strided scalar copy of every value, which
            // costs more than the doubled vector work for up to 7 x 7 (as in FastConvolution).
            this.dense = plan.strideX() == 2
                    && (long) plan.inPerGroup() * plan.directKernel().height() * plan.directKernel().width()
                    <= FastConvolution.DENSE_MAX_TAPS;
            this.sx = dense ? 1 : plan.strideX();
            this.width = dense ? 2 * ow - 1 : ow;
            Kernel k = plan.directKernel();
            this.kHeight = k.height();
            this.kWidth = k.width();
            this.perGroup = plan.inPerGroup();
            this.weights = k.data();
            this.bias = plan.bias();
            this.cols = plan.cols();
            int vw = cols.length();
            this.virtualHeight = plan.rows().length();
            int dx = plan.dilationX();
            this.tapBase = new int[kWidth];
            int maxOffset = 0;
            for (int kx = 0; kx < kWidth; kx++) {
                maxOffset = Math.max(maxOffset, kx * dx / sx);
            }
            int blockCols = COLS * L;
            int paddedOut = (width + blockCols - 1) / blockCols * blockCols;
            // Each phase holds its virtual columns, then zeros far enough for the last block's loads.
            this.phaseLen = Math.max((vw + sx - 1) / sx, paddedOut + maxOffset);
            boolean[] used = new boolean[sx];
            for (int kx = 0; kx < kWidth; kx++) {
                tapBase[kx] = (kx * dx % sx) * phaseLen + kx * dx / sx;
                used[kx * dx % sx] = true;
            }
            int nUsed = 0;
            int[] phases = new int[sx];
            for (int p = 0; p < sx; p++) {
                if (used[p]) {
                    phases[nUsed++] = p;
                }
            }
            this.usedPhases = java.util.Arrays.copyOf(phases, nUsed);
            // Two output rows a pass where they share input rows (one slice, no stride or dilation
            // down): each loaded vector feeds both rows' accumulators, each still in its one order.
            this.pairs = perGroup == 1 && sy == 1 && dy == 1 && kHeight > 1 && !dense;
            // A pair reads one input row more than a single output row.
            this.slots = (kHeight - 1) * dy + 1 + (pairs ? 1 : 0);
            this.slotLen = sx * phaseLen;
            this.ring = new float[plan.inChannels()][];
            this.tags = new int[plan.inChannels() * slots];
            java.util.Arrays.fill(tags, Integer.MIN_VALUE);
            this.virtualRow = new float[vw];
            this.tail = new float[blockCols];
            this.denseRow = dense ? new float[paddedOut] : null;
            int taps = perGroup * kHeight * kWidth;
            this.tapRows = new float[taps][];
            this.tapOffsets = new int[taps];
            this.tapWeights = new float[taps];
            this.tapWeights2 = pairs ? new float[taps] : null;
            this.lowOffsets = pairs ? new int[kWidth] : null;
            this.lowWeights = pairs ? new float[kWidth] : null;
        }

        void run(int fromRow, int toRow) {
            Activation act = plan.spec().activation();
            int blockCols = COLS * L;
            for (int oy = fromRow; oy < toRow; oy++) {
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new Parallel.CancelledException();
                }
                if (pairs && oy + 1 < toRow) {
                    for (int co = 0; co < plan.outChannels(); co++) {
                        gatherPair(co, oy);
                        int o = (co * oh + oy) * ow;
                        for (int x = 0; x < ow; x += blockCols) {
                            blockPair(bias[co], o, o + ow, x);
                        }
                        act.applyInPlace(out, o, o + 2 * ow);
                    }
                    if (rowDone != null) {
                        rowDone.run();
                        rowDone.run();
                    }
                    oy++;
                    continue;
                }
                for (int co = 0; co < plan.outChannels(); co++) {
                    int n = gather(co, oy);
                    int o = (co * oh + oy) * ow;
                    if (dense) {
                        for (int x = 0; x < width; x += blockCols) {
                            block(n, bias[co], denseRow, 0, x);
                        }
                        evens(denseRow, out, o, ow);
                    } else {
                        for (int x = 0; x < ow; x += blockCols) {
                            block(n, bias[co], out, o, x);
                        }
                    }
                    act.applyInPlace(out, o, o + ow);
                }
                if (rowDone != null) {
                    rowDone.run();
                }
            }
        }

        /**
         * Where in {@code ring[ci]} the phase-split virtual row {@code vy} of channel {@code ci}
         * starts (built if it is not there yet); -1 for a zero row or one past the grid.
         */
        private int row(int ci, int vy) {
            if (vy >= virtualHeight) { // never for this band's rows
                return -1;
            }
            int src = plan.rows().source(vy);
            if (src < 0) {
                return -1;
            }
            if (ring[ci] == null) {
                ring[ci] = new float[slots * slotLen];
            }
            int slot = vy % slots;
            int start = slot * slotLen;
            if (tags[ci * slots + slot] != vy) {
                load(ci, src, ring[ci], start);
                tags[ci * slots + slot] = vy;
            }
            return start;
        }

        /** Builds virtual row of input row {@code srcRow} (border columns gathered), split into phases. */
        private void load(int ci, int srcRow, float[] dst, int dstStart) {
            int rowStart = (ci * inH + srcRow) * inW;
            int vw = virtualRow.length;
            if (sx == 1) {
                cols.gather(in, rowStart, dst, dstStart, 0, vw);
                return;
            }
            cols.gather(in, rowStart, virtualRow, 0, 0, vw);
            // Only the phases a tap reads: the others would be copied and never loaded.
            for (int p : usedPhases) {
                int o = dstStart + p * phaseLen;
                for (int j = 0, i = p; i < vw; j++, i += sx) {
                    dst[o + j] = virtualRow[i];
                }
            }
        }

        /**
         * Lists output row {@code oy}'s taps in {@link Reference}'s order (slice, kernel row,
         * kernel column), leaving out zero rows: for each, the phase-split row it reads, where in
         * that row column 0's value is, and its weight. One flat list, so the loop that holds the
         * accumulators is a single loop with no call in it (C2 in JDK 17 keeps vectors in
         * registers across one loop; across two nested loops it allocated them: 25x slower).
         */
        private int gather(int co, int oy) {
            int n = 0;
            for (int s = 0; s < perGroup; s++) {
                int ci = plan.inputChannel(co, s);
                int wSlice = (co * perGroup + s) * kHeight;
                for (int ky = 0; ky < kHeight; ky++) {
                    int start = row(ci, oy * sy + ky * dy);
                    if (start < 0) {
                        continue;
                    }
                    int wb = (wSlice + ky) * kWidth;
                    for (int kx = 0; kx < kWidth; kx++) {
                        tapRows[n] = ring[ci];
                        tapOffsets[n] = start + tapBase[kx];
                        tapWeights[n] = weights[wb + kx];
                        n++;
                    }
                }
            }
            return n;
        }

        /**
         * Lists the taps of output rows {@code oy} and {@code oy + 1} (one slice, stride and
         * dilation 1 down): first the upper row's own (its first kernel row, input row
         * {@code oy}), then the shared ones (input rows {@code oy + 1 ...}: the upper row's kernel
         * row {@code r} and the lower's {@code r - 1}, two weights), then the lower row's own (its
         * last kernel row). Each row's taps keep {@link Reference}'s order; zero rows are left out.
         */
        private void gatherPair(int co, int oy) {
            int ci = plan.inputChannel(co, 0);
            int wSlice = co * kHeight;
            int n = 0;
            int first = row(ci, oy);
            if (first >= 0) {
                int wb = wSlice * kWidth;
                for (int kx = 0; kx < kWidth; kx++) {
                    tapOffsets[n] = first + tapBase[kx];
                    tapWeights[n] = weights[wb + kx];
                    n++;
                }
            }
            pairTop = n;
            for (int ky = 1; ky < kHeight; ky++) {
                int r = row(ci, oy + ky);
                if (r < 0) {
                    continue;
                }
                int wb = (wSlice + ky) * kWidth;
                int wb2 = (wSlice + ky - 1) * kWidth;
                for (int kx = 0; kx < kWidth; kx++) {
                    tapOffsets[n] = r + tapBase[kx];
                    tapWeights[n] = weights[wb + kx];
                    tapWeights2[n] = weights[wb2 + kx];
                    n++;
                }
            }
            pairShared = n;
            int last = row(ci, oy + kHeight);
            int m = 0;
            if (last >= 0) {
                int wb = (wSlice + kHeight - 1) * kWidth;
                for (int kx = 0; kx < kWidth; kx++) {
                    lowOffsets[m] = last + tapBase[kx];
                    lowWeights[m] = weights[wb + kx];
                    m++;
                }
            }
            lowTaps = m;
            // Every row above was built before any use, so the channel's array exists (all zero rows: unused).
            pairRow = ring[ci] != null ? ring[ci] : tail;
        }

        /** Columns {@code [x, x + 4 L)} of the two rows {@link #gatherPair} listed, at {@code o0} and {@code o1}. */
        private void blockPair(float bias, int o0, int o1, int x) {
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = FloatVector.zero(S);
            FloatVector a2 = FloatVector.zero(S);
            FloatVector a3 = FloatVector.zero(S);
            FloatVector b0 = FloatVector.zero(S);
            FloatVector b1 = FloatVector.zero(S);
            FloatVector b2 = FloatVector.zero(S);
            FloatVector b3 = FloatVector.zero(S);
            // One array for every tap: its reference and length are loaded once, not per tap
            // (0.8x the time of a row array a tap for 11 x 11 in a loop of this block alone).
            float[] row = pairRow;
            for (int t = 0; t < pairTop; t++) {
                int at = tapOffsets[t] + x;
                FloatVector w = FloatVector.broadcast(S, tapWeights[t]);
                a0 = FloatVector.fromArray(S, row, at).fma(w, a0);
                a1 = FloatVector.fromArray(S, row, at + L).fma(w, a1);
                a2 = FloatVector.fromArray(S, row, at + 2 * L).fma(w, a2);
                a3 = FloatVector.fromArray(S, row, at + 3 * L).fma(w, a3);
            }
            for (int t = pairTop; t < pairShared; t++) {
                int at = tapOffsets[t] + x;
                FloatVector w = FloatVector.broadcast(S, tapWeights[t]);
                FloatVector v = FloatVector.broadcast(S, tapWeights2[t]);
                FloatVector l0 = FloatVector.fromArray(S, row, at);
                FloatVector l1 = FloatVector.fromArray(S, row, at + L);
                FloatVector l2 = FloatVector.fromArray(S, row, at + 2 * L);
                FloatVector l3 = FloatVector.fromArray(S, row, at + 3 * L);
                a0 = l0.fma(w, a0);
                a1 = l1.fma(w, a1);
                a2 = l2.fma(w, a2);
                a3 = l3.fma(w, a3);
                b0 = l0.fma(v, b0);
                b1 = l1.fma(v, b1);
                b2 = l2.fma(v, b2);
                b3 = l3.fma(v, b3);
            }
            for (int t = 0; t < lowTaps; t++) {
                int at = lowOffsets[t] + x;
                FloatVector w = FloatVector.broadcast(S, lowWeights[t]);
                b0 = FloatVector.fromArray(S, row, at).fma(w, b0);
                b1 = FloatVector.fromArray(S, row, at + L).fma(w, b1);
                b2 = FloatVector.fromArray(S, row, at + 2 * L).fma(w, b2);
                b3 = FloatVector.fromArray(S, row, at + 3 * L).fma(w, b3);
            }
            // Stored here, not by a method taking the vectors: passed to a method, C2 (JDK 17)
            // could not keep them in registers and the loops ran many times slower.
            FloatVector b = FloatVector.broadcast(S, bias);
            a0 = a0.add(b);
            a1 = a1.add(b);
            a2 = a2.add(b);
            a3 = a3.add(b);
            b0 = b0.add(b);
            b1 = b1.add(b);
            b2 = b2.add(b);
            b3 = b3.add(b);
            if (x + COLS * L <= width) {
                a0.intoArray(out, o0 + x);
                a1.intoArray(out, o0 + x + L);
                a2.intoArray(out, o0 + x + 2 * L);
                a3.intoArray(out, o0 + x + 3 * L);
                b0.intoArray(out, o1 + x);
                b1.intoArray(out, o1 + x + L);
                b2.intoArray(out, o1 + x + 2 * L);
                b3.intoArray(out, o1 + x + 3 * L);
            } else {
                a0.intoArray(tail, 0);
                a1.intoArray(tail, L);
                a2.intoArray(tail, 2 * L);
                a3.intoArray(tail, 3 * L);
                System.arraycopy(tail, 0, out, o0 + x, width - x);
                b0.intoArray(tail, 0);
                b1.intoArray(tail, L);
                b2.intoArray(tail, 2 * L);
                b3.intoArray(tail, 3 * L);
                System.arraycopy(tail, 0, out, o1 + x, width - x);
            }
        }

        /**
         * One block: {@code 4 * L} columns from {@code x} of the output row whose {@code n} taps
         * {@link #gather} listed. The four accumulators stay in vector registers across all taps,
         * so each output is written once; per tap, one broadcast weight, four loads and four fused
         * multiply-adds.
         */
        private void block(int n, float bias, float[] dst, int o, int x) {
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = FloatVector.zero(S);
            FloatVector a2 = FloatVector.zero(S);
            FloatVector a3 = FloatVector.zero(S);
            for (int t = 0; t < n; t++) {
                float[] row = tapRows[t];
                int at = tapOffsets[t] + x;
                FloatVector w = FloatVector.broadcast(S, tapWeights[t]);
                a0 = FloatVector.fromArray(S, row, at).fma(w, a0);
                a1 = FloatVector.fromArray(S, row, at + L).fma(w, a1);
                a2 = FloatVector.fromArray(S, row, at + 2 * L).fma(w, a2);
                a3 = FloatVector.fromArray(S, row, at + 3 * L).fma(w, a3);
            }
            FloatVector b = FloatVector.broadcast(S, bias);
            a0 = a0.add(b);
            a1 = a1.add(b);
            a2 = a2.add(b);
            a3 = a3.add(b);
            if (x + COLS * L <= width) {
                a0.intoArray(dst, o + x);
                a1.intoArray(dst, o + x + L);
                a2.intoArray(dst, o + x + 2 * L);
                a3.intoArray(dst, o + x + 3 * L);
            } else {
                a0.intoArray(tail, 0);
                a1.intoArray(tail, L);
                a2.intoArray(tail, 2 * L);
                a3.intoArray(tail, 3 * L);
                System.arraycopy(tail, 0, dst, o + x, width - x);
            }
        }
    }
}
