package org.convlens.engine;

/**
 * What a computation will cost, worked out from its {@link ConvPlan} before anything is allocated:
 * the heap bytes of every tensor and working buffer it creates, its multiply-adds, and the time
 * they take on this machine. A 3 KB spec can ask for 4 GB or an hour; {@link WorkLimit#check}
 * turns that into one line instead of an out-of-memory error or a hang.
 *
 * <p>{@link #of(ConvPlan, int)} is what {@link ConvEngine#run} allocates and computes: the
 * feature map and the pooled map, the axis tables and per-thread rows of the path it takes, the
 * pooling's per-thread row. It also picks that path: the fast (or separable) one, unless its
 * buffers would be far larger than the tensors themselves (a kernel dilated by 2^20 makes a
 * virtual grid of a billion columns of which five are read), where the cell-by-cell loop costs
 * memory for the output only. {@link #trace(ConvPlan, long, long)} is what a step trace of a
 * range of steps holds at once and writes.
 *
 * @param path the path {@link ConvEngine} takes for this plan (null for a trace)
 * @param memoryBytes heap bytes allocated (the input and the plan, which exist already, not counted)
 * @param multiplyAdds multiply-adds (or, for a trace, terms and pooled cells recorded)
 * @param seconds the time on this machine, from measured rates (see the constants), all threads counted
 * @param traceBytes text a trace writes (0 for a run)
 * @param largestPart what takes most of {@code memoryBytes}, as a phrase for messages
 * @param largestBytes its bytes
 */
public record WorkEstimate(Path path, long memoryBytes, long multiplyAdds, double seconds, long traceBytes,
                           Messages.Phrase largestPart, long largestBytes) {
    /** How {@link ConvEngine} computes the feature map. */
    public enum Path {
        /** Rank-one kernels, two 1-D passes ({@link SeparableConvolution}). */
        SEPARABLE,
        /** Shifted row copies and a vectorised inner loop ({@link FastConvolution}). */
        FAST,
        /** Many channels on small maps: im2col tiles of output rows ({@link ChannelConvolution}). */
        CHANNELS,
        /** Kernel rows far longer than output rows, a kernel gradient's shape ({@link WideKernelConvolution}). */
        WIDE_KERNEL,
        /** One cell at a time, nothing allocated ({@link Reference}): for grids read in a few places. */
        DIRECT
    }

    /**
     * Nanoseconds per multiply-add and thread on the fast path. Measured on this project's 2-core
     * machine (JDK 17): 4096 x 4096 with 3 x 3 ran 0.08 ns, 11 x 11 0.04 ns; rounded up, as a
     * shared machine runs slower.
     */
    static final double FAST_NS_PER_MAC = 0.1;
    /**
     * Nanoseconds per multiply-add and thread when the rows a pass reads do not fit the cache
     * (more than {@link #CACHE_BYTES}): the loop then waits on memory. A 2000 x 2000 box blur on
     * 2000 x 2000 (separable, 16 MB of rows a pass) ran several times slower than a small one.
     */
    static final double STREAM_NS_PER_MAC = 0.5;
    /**
     * The cache a pass can count on: this machine has 2 MB of L2 a core and a large shared L3;
     * a 100 x 100 kernel on the fast path (10 MB of tap rows a strip) still ran at the cached rate.
     */
    static final long CACHE_BYTES = 16L << 20;
    /**
     * Nanoseconds per multiply-add on the wide-kernel path: measured 0.17 to 0.2 ns (5 to 6 G a
     * second, one thread, the machine shared) on a kernel gradient 16 x 1 x 14 x 1022.
     */
    static final double WIDE_NS_PER_MAC = 0.2;
    /** Nanoseconds per value copied while building rows (arraycopy and gathers at the borders). */
    static final double COPY_NS_PER_VALUE = 0.3;
    /**
     * Nanoseconds per multiply-add and thread, cell by cell ({@link Reference#convCell}): measured
     * 2 to 3 ns with the machine shared, rounded up. (Check the rates with WorkEstimateBench in
     * the tests: it prints each path's estimate next to its measured time.)
     */
    static final double DIRECT_NS_PER_MAC = 3;
    /** Nanoseconds per value a pooling window reduces. */
    static final double POOL_NS_PER_VALUE = 0.5;
    /** Nanoseconds per trace term or pooled cell, recorded and written as JSON. */
    static final double TRACE_NS_PER_TERM = 250;
    /** Heap bytes of one trace term ({@link ConvStep.Term}: 15 fields, plus its places in two lists). */
    static final long TERM_BYTES = 80;
    /** Heap bytes of one pooling cell in a trace ({@link PoolStep.Cell}, plus its places in two lists). */
    static final long CELL_BYTES = 40;
    /** Text bytes of one term as {@code compute --trace} writes it (measured 100 to 130). */
    static final long TERM_TEXT_BYTES = 140;
    /** Text bytes of one pooling cell in a trace. */
    static final long CELL_TEXT_BYTES = 40;
    /** Text bytes of a step's own fields (index, output cell, sum, bias, output). */
    static final long STEP_TEXT_BYTES = 160;
    /** The fast path's buffers may take this much before the direct path is considered. */
    static final long DIRECT_ABOVE_BYTES = 64L << 20;
    /** ... and this many times the input and output together. */
    static final long DIRECT_RATIO = 8;
    /** The fast path's ring of row copies: beyond this many floats, one slot per kernel row (FastConvolution). */
    private static final long MAX_RING_FLOATS = 1L << 24;
    private static final long HEADER = 16;
    private static final long REF = 4;
    /** The objects around a thread's buffers (its band, the task, small arrays), measured under 1 KB. */
    private static final long PER_THREAD_OBJECTS = 1024;

    /** What {@link ConvEngine#run(ConvPlan, Tensor, int)} with {@code threads} threads allocates and computes. */
    public static WorkEstimate of(ConvPlan plan, int threads) {
        boolean wide = WideKernelConvolution.applies(plan);
        return of(plan, threads, !wide && SeparableConvolution.factors(plan) != null, wide);
    }

    /** With the separable or the wide-kernel path taken where {@code separable} or {@code wide} says. */
    static WorkEstimate of(ConvPlan plan, int threads, boolean separable, boolean wide) {
        Parts parts = new Parts();
        int oc = plan.outChannels();
        int oh = plan.outHeight();
        int ow = plan.outWidth();
        long fm = floats(times(oc, oh, ow));
        parts.add(Messages.phrase("part.output", shape(oc, oh, ow)), fm);
        long pooled = 0;
        if (plan.hasPool()) {
            int ph = plan.poolY().size();
            int pw = plan.poolX().size();
            pooled = floats(times(oc, ph, pw));
            parts.add(Messages.phrase("part.pooled", shape(oc, ph, pw)), pooled);
        }
        long inputBytes = floats(times(plan.inChannels(), plan.inHeight(), plan.inWidth()));
        Kernel k = plan.directKernel();
        long macs = times(oc, oh, ow, plan.inPerGroup(), k.height(), k.width());
        boolean channels = !separable && !wide && ChannelConvolution.applies(plan);
        Cost fast = separable ? separable(plan, threads) : wide ? wide(plan, threads, macs)
                : channels ? channels(plan, threads, macs) : fast(plan, threads, macs);
        Path path = separable ? Path.SEPARABLE : wide ? Path.WIDE_KERNEL : channels ? Path.CHANNELS : Path.FAST;
        Cost chosen = fast;
        if (fast.bytes > DIRECT_ABOVE_BYTES && fast.bytes / DIRECT_RATIO > plus(fm, pooled, inputBytes)) {
            path = Path.DIRECT;
            int n = threadsUsed(oh, threads, macs);
            chosen = new Cost(0, macs, macs * DIRECT_NS_PER_MAC / n, n);
        } else if (fast.bytes > 0) {
            parts.add(Messages.phrase("part.buffers", fast.threads), fast.bytes);
        }
        double seconds = chosen.nanos;
        if (plan.hasPool()) {
            PoolSpec p = plan.spec().pool();
            long reduced = times(oc, plan.poolY().size(),
                    plus(times(Math.min(p.kernelHeight(), oh), ow), times(plan.poolX().size(), Math.min(p.kernelWidth(), ow))));
            int n = threadsUsed(plan.poolY().size(), threads, reduced);
            parts.add(Messages.phrase("part.buffers", n), times(n, plus(PER_THREAD_OBJECTS, floats(ow))));
            seconds += reduced * POOL_NS_PER_VALUE / n;
        }
        return new WorkEstimate(path, parts.total, chosen.macs, seconds / 1e9, 0, parts.largest, parts.largestBytes);
    }

    /**
     * What a step trace holds and writes for its convolution steps and its pooling steps numbered
     * {@code [from, to)} (each kind numbered from 0, as {@code compute --steps} counts them), one
     * step held at a time, pooling steps reading the feature map.
     */
    public static WorkEstimate trace(ConvPlan plan, long from, long to) {
        Kernel k = plan.directKernel();
        long terms = times(plan.inPerGroup(), k.height(), k.width());
        long convSteps = times(plan.outChannels(), plan.outHeight(), plan.outWidth());
        long n1 = Math.max(0, Math.min(to, convSteps) - from);
        long cells = 0;
        long n2 = 0;
        if (plan.hasPool()) {
            PoolSpec p = plan.spec().pool();
            cells = times(p.kernelHeight(), p.kernelWidth());
            n2 = Math.max(0, Math.min(to, times(plan.outChannels(), plan.poolY().size(), plan.poolX().size())) - from);
        }
        Parts parts = new Parts();
        if (n1 > 0) {
            parts.add(Messages.phrase("part.traceStep", terms), times(terms, TERM_BYTES));
        }
        if (n2 > 0) {
            parts.add(Messages.phrase("part.poolStep", cells), times(cells, CELL_BYTES));
        }
        long recorded = plus(times(n1, terms), times(n2, cells));
        long text = plus(times(n1, plus(STEP_TEXT_BYTES, times(terms, TERM_TEXT_BYTES))),
                times(n2, plus(STEP_TEXT_BYTES, times(cells, CELL_TEXT_BYTES))));
        // one step at a time: the largest, not the sum
        return new WorkEstimate(null, parts.largestBytes, recorded, recorded * TRACE_NS_PER_TERM / 1e9, text,
                parts.largest, parts.largestBytes);
    }

    /** Both, one after the other with this one's memory still held (a run, then its trace). */
    public WorkEstimate plus(WorkEstimate o) {
        boolean mine = largestBytes >= o.largestBytes;
        return new WorkEstimate(path != null ? path : o.path, WorkEstimate.plus(memoryBytes, o.memoryBytes),
                WorkEstimate.plus(multiplyAdds, o.multiplyAdds), seconds + o.seconds,
                WorkEstimate.plus(traceBytes, o.traceBytes), mine ? largestPart : o.largestPart,
                Math.max(largestBytes, o.largestBytes));
    }

    /** Bytes, time and threads of one path's work. */
    private record Cost(long bytes, long macs, double nanos, int threads) {
    }

    /** The fast path's buffers (FastConvolution.Band, one per thread, and the column table). */
    private static Cost fast(ConvPlan plan, int threads, long macs) {
        Kernel k = plan.directKernel();
        int kh = k.height();
        int kw = k.width();
        int oh = plan.outHeight();
        int ow = plan.outWidth();
        int sx = plan.strideX();
        long taps = times(plan.inPerGroup(), kh, kw);
        int strip = FastConvolution.stripWidth(ow, (int) Math.min(Integer.MAX_VALUE, taps));
        boolean dense = sx == 2 && taps <= FastConvolution.DENSE_MAX_TAPS;
        long denseStrip = dense ? (strip - 1) * 2L + 1 : strip;
        long span = (long) plan.dilationY() * (kh - 1) + 1;
        int in = plan.inChannels();
        boolean fits = times(in, span, kw, strip) <= MAX_RING_FLOATS;
        long slots = fits ? span : kh;
        int n = threadsUsed(oh, threads, macs);
        long rowsPerThread = (oh + n - 1) / n;
        long touched = times(in, Math.min(slots, times(rowsPerThread, kh)));
        long stripSpan = (strip - 1L) * sx + (long) (kw - 1) * plan.dilationX() + 1;
        long phaseLen = (stripSpan + sx - 1) / sx;
        long perThread = plus(PER_THREAD_OBJECTS, times(touched, plus(refs(kw), times(kw, floats(denseStrip)))),
                floats(stripSpan), sx > 1 ? floats(times(sx, phaseLen)) : 0, floats(denseStrip),
                refs(taps), floats(taps), ints(times(in, slots)), refs(times(in, slots)));
        long table = ints(plan.cols().length());
        long strips = (ow + strip - 1) / strip;
        long rowsRead = Math.min(plan.rows().length(), times(oh, kh));
        long copied = times(strips, in, rowsRead, plus(stripSpan, times(kw, denseStrip)));
        double nanos = (macs * nsPerMac(times(taps, denseStrip, 4)) + copied * COPY_NS_PER_VALUE) / n;
        return new Cost(plus(times(n, perThread), table), macs, nanos, n);
    }

    /**
     * The many-channel path's buffers: every input channel's virtual grid, flat, and per thread a
     * tile's im2col rows and its accumulator (ChannelConvolution).
     */
    private static Cost channels(ConvPlan plan, int threads, long macs) {
        Kernel k = plan.directKernel();
        int kw = k.width();
        long vw = plan.cols().length();
        long grid = floats(times(plan.inChannels(), plus(times(plan.rows().length(), vw), (long) (kw - 1) * plan.dilationX())));
        long taps = times(plan.inPerGroup(), k.height(), kw);
        int rows = ChannelConvolution.tileRows(plan, (int) Math.min(Integer.MAX_VALUE, taps));
        long tile = times(rows, vw);
        int tiles = (plan.outHeight() + rows - 1) / rows;
        int n = threadsUsed(tiles, threads, macs);
        long perThread = plus(PER_THREAD_OBJECTS, refs(taps), times(taps, floats(tile)), floats(tile), ints(taps));
        long copied = plus(times(plan.inChannels(), plan.rows().length(), vw), times(tiles, plan.groups(), taps, tile));
        double nanos = (macs * nsPerMac(times(taps, tile, 4)) + copied * COPY_NS_PER_VALUE) / n;
        return new Cost(plus(times(n, perThread), grid), macs, nanos, n);
    }

    /** The wide-kernel path's buffers: per thread, the gathered grid strips and their table, the partial strips, three more; the column table. */
    private static Cost wide(ConvPlan plan, int threads, long macs) {
        Kernel k = plan.directKernel();
        int kh = k.height();
        int kw = k.width();
        int oh = plan.outHeight();
        int ow = plan.outWidth();
        int n = threadsUsed(oh, threads, macs);
        long rowsPerThread = (oh + n - 1) / n;
        long rows = Math.min(plan.rows().length(), plus((rowsPerThread - 1) * plan.strideY(),
                (long) (kh - 1) * plan.dilationY(), 1));
        long strips = (kw + WideKernelConvolution.STRIP - 1) / WideKernelConvolution.STRIP;
        long gathered = times(plan.inChannels(), rows, ow);
        long perThread = plus(PER_THREAD_OBJECTS, times(gathered, strips, plus(2 * REF, floats(WideKernelConvolution.STRIP))),
                times(rowsPerThread, ow, floats(WideKernelConvolution.STRIP)), times(3, floats(WideKernelConvolution.STRIP)));
        double nanos = (macs * WIDE_NS_PER_MAC + times(gathered, kw) * COPY_NS_PER_VALUE) / n;
        return new Cost(plus(times(n, perThread), ints(plan.cols().length())), macs, nanos, n);
    }

    /** The separable path's buffers (SeparableConvolution.Band, one per thread, and the column table). */
    private static Cost separable(ConvPlan plan, int threads) {
        Kernel k = plan.directKernel();
        int kh = k.height();
        int kw = k.width();
        int oh = plan.outHeight();
        int ow = plan.outWidth();
        int w = plan.inWidth();
        int sx = plan.strideX();
        int in = plan.inChannels();
        long vw = plan.cols().length();
        long macs = times(plan.outChannels(), oh, plus(times(w, kh), times(ow, kw)));
        int n = threadsUsed(oh, threads, macs);
        long span = (long) plan.dilationY() * (kh - 1) + 1;
        long perThread = plus(PER_THREAD_OBJECTS, times(in, plus(refs(span), times(span, floats(w)), ints(span))),
                floats(w), floats(vw),
                sx > 1 ? floats(times(sx, (vw + sx - 1) / sx)) : 0, times(kw, floats(ow)), floats(ow),
                times(2, refs(Math.max(kh, kw))));
        long copied = times(plan.outChannels(), oh, plus(vw, times(kw, ow)));
        double vertical = times(plan.outChannels(), oh, w, kh) * nsPerMac(times(kh, w, 4));
        double horizontal = times(plan.outChannels(), oh, ow, kw) * nsPerMac(times(kw, ow, 4));
        double nanos = (vertical + horizontal + copied * COPY_NS_PER_VALUE) / n;
        long shared = plus(ints(vw), times(plan.outChannels(), floats(kh + kw)));
        return new Cost(plus(times(n, perThread), shared), macs, nanos, n);
    }

    /** The cost of a multiply-add in a pass that reads {@code bytes} of rows. */
    private static double nsPerMac(long bytes) {
        return bytes <= CACHE_BYTES ? FAST_NS_PER_MAC : STREAM_NS_PER_MAC;
    }

    /** Threads {@link Parallel#forRange} starts for {@code rows} rows and this much work. */
    static int threadsUsed(int rows, int threads, long work) {
        return work < Parallel.SMALL_WORK ? 1 : Math.max(1, Math.min(threads, rows));
    }

    /** The largest of the parts added, and their total. */
    private static final class Parts {
        long total;
        Messages.Phrase largest;
        long largestBytes = -1;

        void add(Messages.Phrase what, long bytes) {
            total = WorkEstimate.plus(total, bytes);
            if (bytes > largestBytes) {
                largest = what;
                largestBytes = bytes;
            }
        }
    }

    private static String shape(int c, int h, int w) {
        return c + " x " + h + " x " + w;
    }

    /** A float (or int) array: header and values, rounded up to 8 bytes as the JVM lays objects out. */
    private static long floats(long n) {
        return align(plus(HEADER, times(4, n)));
    }

    private static long align(long b) {
        return b >= Long.MAX_VALUE - 7 ? Long.MAX_VALUE : (b + 7) & ~7L;
    }

    private static long ints(long n) {
        return floats(n);
    }

    private static long refs(long n) {
        return align(plus(HEADER, times(REF, n)));
    }

    /** The product, or {@code Long.MAX_VALUE} if it overflows (sizes are never negative here). */
    static long times(long... f) {
        long p = 1;
        for (long v : f) {
            if (v <= 0) {
                return 0;
            }
            p = p > Long.MAX_VALUE / v ? Long.MAX_VALUE : p * v;
        }
        return p;
    }

    /** The sum, or {@code Long.MAX_VALUE} if it overflows. */
    static long plus(long... t) {
        long s = 0;
        for (long v : t) {
            s = s > Long.MAX_VALUE - v ? Long.MAX_VALUE : s + v;
        }
        return s;
    }
}
