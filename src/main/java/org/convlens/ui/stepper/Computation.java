package org.convlens.ui.stepper;

import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvStep;
import org.convlens.engine.PoolStep;
import org.convlens.engine.SpecException;
import org.convlens.engine.StepTrace;
import org.convlens.engine.Tensor;
import org.convlens.spec.Problem;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One valid scenario run through the engine: its plan, the feature map and pooled map from the
 * fast engine, and the lazy step trace. Immutable; pictures derived from it are memoised here
 * (they are pure functions of it), so playback redraws without recomputing them.
 */
public final class Computation {
    private final Problem problem;
    private final ConvPlan plan;
    private final ConvEngine.Result result;
    private final StepTrace trace;
    private final Map<Object, Object> memo = new HashMap<>();

    private Computation(Problem problem, ConvPlan plan, ConvEngine.Result result) {
        this.problem = problem;
        this.plan = plan;
        this.result = result;
        this.trace = new StepTrace(plan, problem.input(), result.featureMap());
    }

    /**
     * Checks and runs a problem.
     *
     * @throws SpecException if the settings cannot apply to the input
     */
    public static Computation of(Problem p) {
        ConvPlan plan = ConvPlan.of(p.spec(), p.input());
        return new Computation(p, plan, ConvEngine.run(plan, p.input(), 1));
    }

    public Problem problem() {
        return problem;
    }

    public ConvPlan plan() {
        return plan;
    }

    public Tensor input() {
        return problem.input();
    }

    public Tensor featureMap() {
        return result.featureMap();
    }

    /** The pooled map, or null without pooling. */
    public Tensor pooled() {
        return result.pooled();
    }

    public StepTrace trace() {
        return trace;
    }

    public int convSteps() {
        return (int) trace.convSteps();
    }

    public int poolSteps() {
        return (int) trace.poolSteps();
    }

    /** Convolution steps, then pooling steps. */
    public int totalSteps() {
        return convSteps() + poolSteps();
    }

    /** Terms in step {@code step}: products of a convolution step, cells of a pooling window. */
    public int termsIn(int step) {
        if (step < convSteps()) {
            return plan.inPerGroup() * plan.directKernel().height() * plan.directKernel().width();
        }
        return plan.spec().pool().kernelHeight() * plan.spec().pool().kernelWidth();
    }

    public ConvStep convStep(int i) {
        return memo(java.util.List.of("conv", i), () -> trace.convStep(i));
    }

    public PoolStep poolStep(int i) {
        return memo(java.util.List.of("pool", i), () -> trace.poolStep(i));
    }

    /** A value derived from this computation alone, made once ({@code key} must identify it). */
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, Supplier<T> make) {
        Object v = memo.get(key);
        if (v == null) {
            if (memo.size() > 4096) {
                memo.clear();
            }
            v = make.get();
            memo.put(key, v);
        }
        return (T) v;
    }
}
