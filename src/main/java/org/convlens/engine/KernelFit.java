package org.convlens.engine;

import java.util.Random;

/**
 * Where kernels come from: fits a layer's kernel and bias by plain gradient descent so that its
 * feature map matches a target map, minimising the mean squared error
 * {@code L = (1/N) sum (out - target)^2} over the N feature-map values.
 *
 * <p>Both halves of every iteration run on the engine. The forward pass is {@link ConvEngine#run}
 * with the current weights. The gradient is itself a cross-correlation: for each weight,
 * {@code dL/dw[co][ci][ky][kx] = (2/N) sum_(oy,ox) r[co][oy][ox] * in[ci][oy*s + ky*d][ox*s + kx*d]}
 * with the residual {@code r = out - target}, which is the (padded) input channel correlated with
 * the residual map used as a kernel, the layer's stride becoming that kernel's dilation and the
 * layer's dilation its stride. {@code dL/db[co] = (2/N) sum r[co]}.
 *
 * <p>The loss is quadratic in the weights, so with a learning rate at most {@code 1 / lambda_max}
 * of its Hessian every step lowers it; {@link #suggestedLearningRate} gives {@code 1 / trace},
 * which is never above that (the trace bounds the largest eigenvalue), and is computed with the
 * engine too (the squared input correlated with an all-ones kernel).
 *
 * <p>Only what makes the map linear in the weights is supported: an ordinary (not transposed)
 * convolution with one group, no flip, no activation and no pooling; {@link #unsupportedField}
 * says which field breaks that. Deterministic: the same start gives the same iterations. Not
 * thread-safe; one fit belongs to one caller.
 */
public final class KernelFit {
    /**
     * The state after an iteration.
     *
     * @param iteration how many gradient steps have been taken (0 for the start)
     * @param loss the mean squared error of these weights
     * @param kernel the weights (a fresh object, never changed afterwards)
     * @param bias one bias per output channel (a copy)
     */
    public record Snapshot(int iteration, double loss, Kernel kernel, float[] bias) {
    }

    private final Tensor input;
    private final Tensor target;
    private final ConvSpec layout;
    private final ConvPlan plan;
    private final double learningRate;
    private final boolean fitBias;
    private final float[] weights;
    private final float[] bias;
    private int iteration;
    private double loss;
    private Tensor residual;
    private Tensor output;

    /**
     * @param start the layer to fit: its kernel and bias are the starting weights (not modified),
     *              its padding, stride and dilation are kept
     * @param input the input, C x H x W (not modified)
     * @param target the feature map to match, the shape {@code start} gives on {@code input} (not modified)
     * @param learningRate the gradient step size, above 0
     * @param fitBias whether the bias is learnt too (else it stays at {@code start}'s)
     * @throws IllegalArgumentException if the layer is not linear in its weights, the target's
     *         shape is wrong or the rate is not positive
     * @throws SpecException if the layer cannot apply to the input
     */
    public KernelFit(ConvSpec start, Tensor input, Tensor target, double learningRate, boolean fitBias) {
        String bad = unsupportedField(start);
        if (bad != null) {
            throw new IllegalArgumentException("cannot fit a layer with " + bad);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be above 0, got " + learningRate);
        }
        this.plan = ConvPlan.of(start, input);
        if (target.channels() != plan.outChannels() || target.height() != plan.outHeight()
                || target.width() != plan.outWidth()) {
            throw new IllegalArgumentException("target " + target + " does not match the feature map "
                    + plan.outChannels() + "x" + plan.outHeight() + "x" + plan.outWidth());
        }
        this.input = input;
        this.target = target;
        this.layout = start;
        this.learningRate = learningRate;
        this.fitBias = fitBias;
        this.weights = start.kernel().data().clone();
        this.bias = plan.bias().clone();
        forward();
    }

    /**
     * The first spec field (a JSON path, as {@link SpecException#field()}) that makes a layer's
     * output not linear in its weights, or null if it can be fitted.
     */
    public static String unsupportedField(ConvSpec spec) {
        if (spec.transposed()) {
            return "$.transposed";
        }
        if (spec.groups() != 1) {
            return "$.groups";
        }
        if (spec.flip()) {
            return "$.flip";
        }
        if (spec.activation().type() != Activation.Type.NONE) {
            return "$.activation";
        }
        if (spec.pool() != null) {
            return "$.pool";
        }
        return null;
    }

    /**
     * A kernel of the given shape with weights drawn uniformly from [-1, 1) by
     * {@code new Random(seed)}: the same seed always gives the same kernel.
     */
    public static Kernel randomKernel(int dim0, int dim1, int height, int width, long seed) {
        Random rnd = new Random(seed);
        float[] w = new float[dim0 * dim1 * height * width];
        for (int i = 0; i < w.length; i++) {
            w[i] = rnd.nextFloat() * 2f - 1f;
        }
        return new Kernel(dim0, dim1, height, width, w);
    }

    /**
     * {@code 1 / trace} of one output channel's block of the loss's Hessian: a rate at which every
     * step lowers the loss. That trace is {@code (2/N) sum over one channel's windows of
     * (|window|^2, + 1 if the bias is fitted)} with N all feature-map values, where the window sums come from the engine correlating the squared input
     * with an all-ones kernel of the layer's shape.
     *
     * @throws SpecException if the layer cannot apply to the input
     */
    public static double suggestedLearningRate(ConvSpec layer, Tensor input, boolean fitBias) {
        Kernel k = layer.kernel();
        float[] ones = new float[k.size()];
        java.util.Arrays.fill(ones, 1f);
        float[] sq = input.data().clone();
        for (int i = 0; i < sq.length; i++) {
            sq[i] *= sq[i];
        }
        ConvSpec sums = layer.toBuilder().kernel(new Kernel(k.dim0(), k.dim1(), k.height(), k.width(), ones))
                .bias(null).build();
        Tensor windows = ConvEngine.run(sums, new Tensor(input.channels(), input.height(), input.width(), sq))
                .featureMap();
        int perChannel = windows.planeSize();
        // The Hessian is block diagonal, one block per output channel, each (2/N) sum_n x_n x_n^T
        // over that channel's windows; every channel sees the same windows, so the blocks are equal.
        double sum = 0;
        for (int i = 0; i < perChannel; i++) {
            sum += windows.data()[i] + (fitBias ? 1 : 0);
        }
        double trace = 2.0 * sum / windows.data().length;
        return trace > 0 ? 1.0 / trace : 1.0;
    }

    /** The current weights and their loss, without a step. */
    public Snapshot current() {
        return new Snapshot(iteration, loss, kernel(), bias.clone());
    }

    /** Takes one gradient step and returns the new state. */
    public Snapshot step() {
        float[] grad = gradient();
        for (int i = 0; i < weights.length; i++) {
            weights[i] -= (float) (learningRate * grad[i]);
        }
        if (fitBias) {
            int plane = residual.planeSize();
            double scale = 2.0 / residual.data().length;
            for (int co = 0; co < bias.length; co++) {
                double s = 0;
                for (int i = 0; i < plane; i++) {
                    s += residual.data()[co * plane + i];
                }
                bias[co] -= (float) (learningRate * scale * s);
            }
        }
        iteration++;
        forward();
        return current();
    }

    /** Takes {@code n} steps and returns the last state. */
    public Snapshot run(int n) {
        Snapshot s = current();
        for (int i = 0; i < n; i++) {
            s = step();
        }
        return s;
    }

    public double learningRate() {
        return learningRate;
    }

    /** The feature map of the current weights, as the engine gave it (a copy). */
    public Tensor output() {
        return output.copy();
    }

    /** {@code dL/dw} for the current weights, laid out as the kernel is. Used by {@link #step} and tests. */
    float[] gradient() {
        Kernel k = layout.kernel();
        int kh = k.height();
        int kw = k.width();
        int cin = k.dim1();
        int oh = plan.outHeight();
        int ow = plan.outWidth();
        int[] pad = plan.padding();
        double scale = 2.0 / residual.data().length;
        float[] grad = new float[weights.length];
        for (int co = 0; co < plan.outChannels(); co++) {
            // The residual of this output channel as a depthwise kernel: one slice per input channel.
            float[] r = new float[cin * oh * ow];
            for (int ci = 0; ci < cin; ci++) {
                System.arraycopy(residual.data(), co * oh * ow, r, ci * oh * ow, oh * ow);
            }
            ConvSpec g = ConvSpec.builder(new Kernel(cin, 1, oh, ow, r))
                    .padding(Padding.of(pad[0], pad[1], pad[2], pad[3]))
                    .paddingMode(layout.paddingMode())
                    .groups(cin)
                    .stride(layout.dilationY(), layout.dilationX())
                    .dilation(layout.strideY(), layout.strideX())
                    .build();
            Tensor c = ConvEngine.run(ConvPlan.of(g, input), input, 1).featureMap();
            for (int ci = 0; ci < cin; ci++) {
                for (int ky = 0; ky < kh; ky++) {
                    for (int kx = 0; kx < kw; kx++) {
                        grad[((co * cin + ci) * kh + ky) * kw + kx] = (float) (scale * c.get(ci, ky, kx));
                    }
                }
            }
        }
        return grad;
    }

    private Kernel kernel() {
        Kernel k = layout.kernel();
        return new Kernel(k.dim0(), k.dim1(), k.height(), k.width(), weights.clone());
    }

    private void forward() {
        ConvSpec s = layout.toBuilder().kernel(kernel()).bias(bias.clone()).build();
        Tensor out = ConvEngine.run(ConvPlan.of(s, input), input, 1).featureMap();
        output = out.copy();
        float[] d = out.data();
        double sum = 0;
        for (int i = 0; i < d.length; i++) {
            d[i] -= target.data()[i];
            sum += (double) d[i] * d[i];
        }
        residual = out;
        loss = sum / d.length;
    }
}
