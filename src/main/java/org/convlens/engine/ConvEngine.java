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
        Tensor fm = FastConvolution.run(plan, input, threads);
        Tensor pooled = plan.hasPool() ? Pooling.pool(plan, fm, threads) : null;
        return new Result(plan, fm, pooled);
    }
}
