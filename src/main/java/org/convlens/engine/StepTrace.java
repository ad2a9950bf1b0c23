package org.convlens.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The step-by-step account of a computation, produced lazily: step {@code i} is computed when it
 * is asked for, so a 4096 x 4096 input costs nothing until a step is shown. Convolution steps come
 * in output order (channel, row, column); pooling steps follow, over the activated feature map.
 *
 * <p>Every value a step shows comes from the same loops as {@link Reference}, in its one order
 * (fused multiply-adds, term by term), so each cell's output, sum and running sums are bit for bit
 * what the fast paths put in the feature map, and the pooled cells what {@link Pooling} puts in
 * the pooled map; tests check it on every cell of random problems.
 */
public final class StepTrace {
    private final ConvPlan plan;
    private final Tensor input;
    private final Tensor featureMap;

    /**
     * @param featureMap the activated feature map if already computed (pooling steps read it), or null
     */
    public StepTrace(ConvPlan plan, Tensor input, Tensor featureMap) {
        if (input.channels() != plan.inChannels() || input.height() != plan.inHeight()
                || input.width() != plan.inWidth()) {
            throw new IllegalArgumentException("input " + input + " does not match the plan");
        }
        this.plan = plan;
        this.input = input;
        this.featureMap = featureMap;
    }

    public ConvPlan plan() {
        return plan;
    }

    public Tensor input() {
        return input;
    }

    /** Number of convolution steps: one per feature-map cell. */
    public long convSteps() {
        return (long) plan.outChannels() * plan.outHeight() * plan.outWidth();
    }

    /** Number of pooling steps (0 without pooling). */
    public long poolSteps() {
        return plan.hasPool() ? (long) plan.outChannels() * plan.poolY().size() * plan.poolX().size() : 0;
    }

    /** Convolution step {@code i}, 0-based. */
    public ConvStep convStep(long i) {
        if (i < 0 || i >= convSteps()) {
            throw new IndexOutOfBoundsException("step " + i + " of " + convSteps());
        }
        int ow = plan.outWidth();
        long plane = (long) plan.outHeight() * ow;
        long r = i % plane;
        return convStepAt((int) (i / plane), (int) (r / ow), (int) (r % ow));
    }

    /** The step that fills output cell (co, oy, ox). */
    public ConvStep convStepAt(int co, int oy, int ox) {
        Kernel k = plan.directKernel();
        List<ConvStep.Term> terms = new ArrayList<>(plan.inPerGroup() * k.height() * k.width());
        float sum = Reference.convSum(plan, input, co, oy, ox, terms);
        float b = plan.bias()[co];
        float pre = sum + b;
        int index = (co * plan.outHeight() + oy) * plan.outWidth() + ox;
        return new ConvStep(index, co, oy, ox, List.copyOf(terms), sum, b, pre, plan.spec().activation().apply(pre));
    }

    /** Pooling step {@code i}, 0-based. */
    public PoolStep poolStep(long i) {
        if (i < 0 || i >= poolSteps()) {
            throw new IndexOutOfBoundsException("pool step " + i + " of " + poolSteps());
        }
        int pw = plan.poolX().size();
        long plane = (long) plan.poolY().size() * pw;
        long r = i % plane;
        return Pooling.step(plan, input, featureMap, (int) i, (int) (i / plane), (int) (r / pw), (int) (r % pw),
                new ArrayList<>());
    }

    /** The step that fills pooled cell (c, oy, ox). */
    public PoolStep poolStepAt(int c, int oy, int ox) {
        int index = (c * plan.poolY().size() + oy) * plan.poolX().size() + ox;
        return Pooling.step(plan, input, featureMap, index, c, oy, ox, new ArrayList<>());
    }
}
