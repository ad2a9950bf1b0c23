package org.convlens.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The one entry point: checks a spec against an input, then runs the fastest path that applies.
 * The step-by-step animation and photos both come through here.
 */
public final class ConvEngine {
    private ConvEngine() {
    }

    /**
     * Which computations may fill the feature map. {@link #EXACT}: every cell bit for bit the
     * value the step trace shows ({@link Reference}'s one order), by the fastest path that keeps
     * it (the vector path when the module is there, else {@link FastConvolution}).
     * {@link #SEPARABLE_ALLOWED}: rank-one kernels of 5 x 5 and up may also take the separable
     * path ({@code kh + kw} taps a cell instead of {@code kh * kw}: 15 x 15 Gaussian on 4096 x 4096
     * 5x faster), and kernels far wider than their output (a kernel gradient's shape) the
     * wide-kernel path, whose values differ from the trace's in the last bits (their sums run in
     * another order): for photos, folders of photos, training and benchmarks, where no trace is shown.
     */
    public enum Accuracy {
        EXACT, SEPARABLE_ALLOWED
    }

    /**
     * Thresholds and the path choice: fixed in production, set by tests to reach every path on
     * small inputs (several threads, several column strips, the scalar and the vector path).
     *
     * @param stripColumns output columns per strip of the scalar path, 0 for the size that keeps its rows in L2
     * @param smallWork below this many multiply-adds one thread runs the whole
     * @param vector take the vector path (only where {@link VectorPath#available()})
     * @param afterLink take it only once {@link VectorPath#linked()} (production: the first runs
     *                  of a JVM, a window's first small grids, do not wait for the Vector API to link)
     */
    record Tuning(int stripColumns, long smallWork, boolean vector, boolean afterLink) {
        static final Tuning DEFAULT = new Tuning(0, Parallel.SMALL_WORK, VectorPath.available(), true);

        /** Tests' tunings: the vector path at once where {@code vector} says. */
        Tuning(int stripColumns, long smallWork, boolean vector) {
            this(stripColumns, smallWork, vector, false);
        }

        /** Whether this run takes the vector path. */
        boolean vectorNow() {
            return vector && VectorPath.available() && (!afterLink || VectorPath.linked());
        }
    }

    /** Which path {@link #run} takes for exact results: for {@code bench} and the README. */
    public static String pathName() {
        return VectorPath.describe();
    }

    /**
     * True when the Vector API module is there and not turned off ({@code -Dconvlens.vector=false}):
     * loops outside the engine (a map's statistics) may then take their vector form too.
     */
    public static boolean vectorApi() {
        return VectorPath.available();
    }

    /**
     * Waits, at most {@code millis}, until runs take the vector path where the module is (its
     * classes link on a thread of their own, from the first run on): for warm-ups that must
     * compile that path. Returns at once without the module.
     */
    public static void awaitVectorPath(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (VectorPath.available() && !VectorPath.linked() && System.nanoTime() < end) {
            Thread.sleep(5);
        }
    }

    /** The feature map after convolution, bias and activation, and the pooled map (null without pooling). */
    public record Result(ConvPlan plan, Tensor featureMap, Tensor pooled) {
        /** The last stage's output: pooled if the spec pools, else the feature map. */
        public Tensor output() {
            return pooled != null ? pooled : featureMap;
        }
    }

    /**
     * Runs the whole pipeline on all processors, within the {@link WorkLimit#standard() standard limit}.
     *
     * @throws SpecException if the settings cannot apply to this input, or it would take too much
     *     ({@link WorkLimitException})
     */
    public static Result run(ConvSpec spec, Tensor input) {
        return run(ConvPlan.of(spec, input), input, Parallel.availableThreads());
    }

    /**
     * Runs a checked plan with up to {@code threads} threads, within the standard limit.
     *
     * @throws WorkLimitException if the run would take more memory or time than {@link WorkLimit#standard()}
     */
    public static Result run(ConvPlan plan, Tensor input, int threads) {
        return run(plan, input, null, threads, null);
    }

    /**
     * Runs a checked plan with up to {@code threads} threads within {@code limit} (the command
     * line's raised limit, a window's own).
     *
     * @throws WorkLimitException if the run would take more memory or time than {@code limit}
     */
    public static Result run(ConvPlan plan, Tensor input, int threads, WorkLimit limit) {
        return run(plan, input, null, threads, null, limit);
    }

    /**
     * Receives how far a run has got, for a progress bar. Called from the worker threads, once per
     * finished feature-map row (and once more when pooling is done): keep it cheap and thread-safe.
     */
    @FunctionalInterface
    public interface Progress {
        /** {@code done} of {@code total} units finished; {@code done} only grows and ends at {@code total}. */
        void update(long done, long total);
    }

    /**
     * Runs a checked plan with up to {@code threads} threads, reporting progress to {@code progress}
     * (may be null). A run whose thread is interrupted stops between rows with
     * {@link Parallel.CancelledException}.
     */
    public static Result run(ConvPlan plan, Tensor input, int threads, Progress progress) {
        return run(plan, input, null, threads, progress);
    }

    /** As {@link #run(ConvPlan, Tensor, Result, int, Progress)} without progress. */
    public static Result run(ConvPlan plan, Tensor input, Result reuse, int threads) {
        return run(plan, input, reuse, threads, null);
    }

    /** As {@link #run(ConvPlan, Tensor, Result, int, Progress, WorkLimit)} with the {@link WorkLimit#standard() standard limit}. */
    public static Result run(ConvPlan plan, Tensor input, Result reuse, int threads, Progress progress) {
        return run(plan, input, reuse, threads, progress, WorkLimit.standard());
    }

    /**
     * Runs a checked plan, writing into {@code reuse}'s tensors where their shapes fit (a live
     * view or a benchmark that runs the same shapes again need not allocate and zero 64 MB each
     * time); a null or mismatched {@code reuse} gets new tensors. Every value is overwritten.
     * {@code progress} (may be null) hears of each finished row, then of the pooling.
     *
     * <p>First the {@link WorkEstimate} of the plan is checked against {@code limit}; it also
     * picks the path: separable or wide-kernel (where {@link Accuracy} allows) or fast (the vector
     * path when the module is there), or cell by cell when their buffers would dwarf the tensors
     * (a huge virtual grid read in a few places).
     *
     * @throws WorkLimitException if the run would take more memory or time than {@code limit}
     */
    public static Result run(ConvPlan plan, Tensor input, Result reuse, int threads, Progress progress,
                             WorkLimit limit) {
        return run(plan, input, reuse, threads, progress, limit, Accuracy.EXACT, Tuning.DEFAULT);
    }

    /**
     * As {@link #run(ConvPlan, Tensor, Result, int, Progress, WorkLimit)} within the
     * {@link WorkLimit#standard() standard limit}, allowing what {@code accuracy} says.
     */
    public static Result run(ConvPlan plan, Tensor input, Result reuse, int threads, Progress progress,
                             Accuracy accuracy) {
        return run(plan, input, reuse, threads, progress, WorkLimit.standard(), accuracy, Tuning.DEFAULT);
    }

    /** With {@code tuning} (tests reach every path on small inputs), within the standard limit. */
    static Result run(ConvPlan plan, Tensor input, Result reuse, int threads, Progress progress, Accuracy accuracy,
                      Tuning tuning) {
        return run(plan, input, reuse, threads, progress, WorkLimit.standard(), accuracy, tuning);
    }

    static Result run(ConvPlan plan, Tensor input, Result reuse, int threads, Progress progress, WorkLimit limit,
                      Accuracy accuracy, Tuning tuning) {
        if (input.channels() != plan.inChannels() || input.height() != plan.inHeight()
                || input.width() != plan.inWidth()) {
            throw new IllegalArgumentException("input " + input + " does not match the plan");
        }
        boolean reordered = accuracy == Accuracy.SEPARABLE_ALLOWED;
        boolean wide = reordered && WideKernelConvolution.applies(plan);
        float[][] factors = reordered && !wide ? SeparableConvolution.factors(plan) : null;
        WorkEstimate estimate = plan.estimate(threads, factors != null, wide);
        limit.check(estimate);
        Tensor fm = fits(reuse == null ? null : reuse.featureMap(), plan.outChannels(), plan.outHeight(), plan.outWidth());
        long total = plan.outHeight() + (plan.hasPool() ? 1 : 0);
        AtomicLong done = new AtomicLong();
        Runnable rowDone = progress == null ? null : () -> progress.update(done.incrementAndGet(), total);
        boolean vector = tuning.vectorNow();
        switch (estimate.path()) {
            case SEPARABLE:
                SeparableConvolution.run(plan, input, fm, factors, threads, rowDone);
                break;
            case CHANNELS:
                ChannelConvolution.run(plan, input, fm, threads, rowDone, vector);
                break;
            case FAST:
                if (vector) {
                    VectorPath.run(plan, input, fm, threads, rowDone, tuning.smallWork());
                } else {
                    FastConvolution.run(plan, input, fm, threads, rowDone, tuning.stripColumns(), tuning.smallWork());
                }
                break;
            case WIDE_KERNEL:
                WideKernelConvolution.run(plan, input, fm, threads, rowDone, vector);
                break;
            default:
                Parallel.forRange(plan.outHeight(), threads, estimate.multiplyAdds(),
                        (from, to) -> Reference.convolveRows(plan, input, fm, from, to, rowDone));
        }
        Tensor pooled = null;
        if (plan.hasPool()) {
            pooled = fits(reuse == null ? null : reuse.pooled(), plan.outChannels(), plan.poolY().size(), plan.poolX().size());
            Pooling.pool(plan, fm, pooled, threads);
            if (progress != null) {
                progress.update(done.incrementAndGet(), total);
            }
        }
        return new Result(plan, fm, pooled);
    }

    private static Tensor fits(Tensor t, int c, int h, int w) {
        return t != null && t.channels() == c && t.height() == h && t.width() == w ? t : new Tensor(c, h, w);
    }
}
