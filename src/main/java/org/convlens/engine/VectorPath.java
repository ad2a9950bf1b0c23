package org.convlens.engine;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the vector path runs: only when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the packaged app and {@code mvn javafx:run} are;
 * {@code java -jar} is not, so the command line prints no incubator warning), and not turned off
 * with {@code -Dconvlens.vector=false}. As Lucene does, the class that uses the module is loaded
 * only after the module is found, so without it {@link VectorConvolution} is never linked.
 */
final class VectorPath {
    /** Off with {@code -Dconvlens.vector=false}, to measure the other path on the same JVM. */
    static final boolean ENABLED = !"false".equals(System.getProperty("convlens.vector"));
    private static final boolean AVAILABLE = ENABLED && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private static final AtomicBoolean LINK_STARTED = new AtomicBoolean();
    private static volatile boolean linked;
    private static final AtomicBoolean POOLING_WARM_UP_STARTED = new AtomicBoolean();
    private static volatile boolean poolingWarm;
    private static volatile boolean poolingWarmUpDone;

    private VectorPath() {
    }

    /** True when {@link ConvEngine} takes the vector path. */
    static boolean available() {
        return AVAILABLE;
    }

    /**
     * Whether the Vector API is linked: its classes loaded and initialised and its first method
     * handles spun, about 0.1 s of one core that a window would otherwise spend on its JavaFX
     * thread before the first frame (its first grids are a few hundred multiply-adds, as fast on
     * the plain path). The first ask, where the module is, starts a daemon thread that runs
     * {@link VectorConvolution} on a scratch grid; until it is done the engine takes the plain
     * path, which gives the same bits.
     */
    static boolean linked() {
        if (!AVAILABLE || linked) {
            return linked;
        }
        if (LINK_STARTED.compareAndSet(false, true)) {
            Thread t = new Thread(() -> {
                VectorConvolution.link();
                linked = true;
            }, "convlens-vector-link");
            t.setDaemon(true);
            t.start();
        }
        return false;
    }

    /** Runs {@link VectorConvolution}; call only when {@link #available()}. */
    static void run(ConvPlan plan, Tensor input, Tensor out, int threads, Runnable rowDone, long smallWork) {
        VectorConvolution.run(plan, input, out, threads, rowDone, smallWork);
    }

    /**
     * Whether 2 x 2 pooling takes {@link VectorPooling}: where the module is, vectors are 256
     * bits or more, and its loop is compiled. Until then (its interpreted and C1 code allocates
     * every vector: a first 4096 x 4096 pool took 1.2 s against 0.04 to 0.12 s on the plain path,
     * and 256 x 256 stayed 100x slower or more for many calls) {@link Pooling} takes the plain path, which
     * gives the same bits; the first ask with {@code large} (a map worth it) starts a daemon
     * thread that runs the loop on scratch rows until it is compiled.
     */
    static boolean poolingReady(boolean large) {
        if (!AVAILABLE || poolingWarm) {
            return poolingWarm;
        }
        if (large && POOLING_WARM_UP_STARTED.compareAndSet(false, true)) {
            Thread t = new Thread(() -> {
                poolingWarm = VectorPooling.warmUp();
                poolingWarmUpDone = true;
            }, "convlens-pooling-warm-up");
            t.setDaemon(true);
            t.start();
        }
        return false;
    }

    /** True from the start of the pooling warm-up to its end ({@code bench} waits for it). */
    static boolean poolingWarmingUp() {
        return POOLING_WARM_UP_STARTED.get() && !poolingWarmUpDone;
    }

    /**
     * Average pooling's two-by-two windows, stride 2 across, with {@link VectorPooling} (also
     * before it is compiled: tests); returns the first output of {@code [first, last)} left to
     * the caller (all of them when the module or wide vectors are missing).
     */
    static int averagePairs(float[] a, int at, int w, float[] o, int ob, int first, int last, long d) {
        return AVAILABLE && VectorPooling.WORTH_IT ? VectorPooling.pairs(a, at, w, o, ob, first, last, d) : first;
    }

    /** As {@link #averagePairs}, the windows' maximum. */
    static int maxPairs(float[] a, int at, int w, float[] o, int ob, int first, int last) {
        return AVAILABLE && VectorPooling.WORTH_IT ? VectorPooling.maxPairs(a, at, w, o, ob, first, last) : first;
    }

    /** Floats the many-channel path's vector blocks read and write past a row's end; call only when {@link #available()}. */
    static int channelSlack() {
        return VectorChannels.BLOCK;
    }

    /** {@link VectorChannels#channels}; call only when {@link #available()}. */
    static void channels(float[] src, int base, int[] off, float[] w, float[] bias, int co0, int m, float[][] acc,
                         int len) {
        VectorChannels.channels(src, base, off, w, bias, co0, m, acc, len);
    }

    /** {@link VectorChannels#wideCells}; call only when {@link #available()}. */
    static void wideCells(float[] k, int kr, int kStride, float[] g, int gr, int gStride, int step, int rows, int kw,
                          float[] out, float[] lanes) {
        VectorChannels.wideCells(k, kr, kStride, g, gr, gStride, step, rows, kw, out, lanes);
    }

    /** {@link VectorChannels#wideCell}; call only when {@link #available()}. */
    static float wideCell(float[] k, int kr, float[] g, int gr, int gStride, int rows, int kw, float[] lanes) {
        return VectorChannels.wideCell(k, kr, g, gr, gStride, rows, kw, lanes);
    }

    /** {@link VectorChannels#rowDots}; call only when {@link #available()}. */
    static void rowDots(float[] w, int rows, float[] x, int n, float[] out) {
        VectorChannels.rowDots(w, rows, x, n, out);
    }

    /** {@link VectorMaxRows#pool}; call only when {@link #available()}. */
    static int reluMaxPool(float[] a, int r0, int r1, int n, float[] out, int o) {
        return VectorMaxRows.pool(a, r0, r1, n, out, o);
    }

    /** {@link VectorMaxRows#scatter}; call only when {@link #available()}. */
    static int reluMaxScatter(float[] a, int r0, int r1, float[] m, int mo, float[] g, int n, float[] gc, int q0,
                              int q1) {
        return VectorMaxRows.scatter(a, r0, r1, m, mo, g, n, gc, q0, q1);
    }

    /** {@link VectorTapRows#sum}; call only when {@link #available()}. */
    static void tapRows(float[] dst, int o, int n, float init, float[][] rows, int[] offsets, float[] w, int taps) {
        VectorTapRows.sum(dst, o, n, init, rows, offsets, w, taps);
    }

    /** A line for {@code bench} and the README: which path runs and with what vectors. */
    static String describe() {
        return AVAILABLE ? VectorConvolution.describe() : "scalar (C2 auto-vectorised)";
    }
}
