package org.convlens.engine;

/**
 * The one entry point: checks a spec against an input, then runs the fastest path that applies.
 * The step-by-step animation and photos both come through here.
 */
public final class ConvEngine {
    private ConvEngine() {
    }

    /** The feature map after convolution, bias and activation, and the pooled map (null without pooling). */
    public record Result(ConvPlan plan, Tensor featureMap, Tensor pooled) {
        /** The last stage's output: pooled if the spec pools, else the feature map. */
        public Tensor output() {
            return pooled != null ? pooled : featureMap;
        }
    }

    /**
     * Runs the whole pipeline on all processors.
     *
     * @throws SpecException if the settings cannot apply to this input
     */
    public static Result run(ConvSpec spec, Tensor input) {
        return run(ConvPlan.of(spec, input), input, Parallel.availableThreads());
    }

    /** Runs a checked plan with up to {@code threads} threads. */
    public static Result run(ConvPlan plan, Tensor input, int threads) {
        return run(plan, input, threads, null);
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
        if (progress == null) {
            Tensor fm = FastConvolution.run(plan, input, threads);
            Tensor pooled = plan.hasPool() ? Pooling.pool(plan, fm, threads) : null;
            return new Result(plan, fm, pooled);
        }
        long total = plan.outHeight() + (plan.hasPool() ? 1 : 0);
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        Tensor fm = FastConvolution.run(plan, input, threads, () -> progress.update(done.incrementAndGet(), total));
        Tensor pooled = null;
        if (plan.hasPool()) {
            pooled = Pooling.pool(plan, fm, threads);
            progress.update(done.incrementAndGet(), total);
        }
        return new Result(plan, fm, pooled);
    }
}
