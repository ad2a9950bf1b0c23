package org.convlens.network.grad;

import org.convlens.engine.AxisMap;
import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.Tensor;

/**
 * One half of a convolution's backward pass as the convolution it is: a {@link ConvSpec} and the
 * tensor it runs on, which the stepper can open like any other convolution ("the backward step
 * with its real numbers"), and what turns the engine's output into the gradient.
 *
 * <ul>
 *   <li>{@link Kind#INPUT}: the gradient for the layer's input. For an ordinary convolution, the
 *       transposed convolution of the output gradient with the same kernel, stride, dilation and
 *       groups; with symmetric zero padding its padding is the forward padding and its output is
 *       the gradient itself. Otherwise it runs unpadded, giving the gradient of every cell of the
 *       padded grid, and each padding cell's gradient is added onto the input cell it copied
 *       ({@link #inputGradient}). For a transposed convolution, the ordinary convolution of the
 *       output gradient with the same kernel, stride, padding, dilation and groups (cropped when
 *       output_padding added rows past the last input row).</li>
 *   <li>{@link Kind#KERNEL}: the gradient for the kernel. A cross-correlation of the (padded)
 *       input with the output gradient as the kernel: groups = input channels (each output
 *       gradient channel repeated for every input channel it meets), stride = the forward
 *       dilation, dilation = the forward stride, cropped to kh x kw. For a transposed convolution
 *       the roles swap: the output gradient is correlated with the input as the kernel.</li>
 * </ul>
 * Immutable; the tensors are not copied.
 */
public final class BackwardStep {
    /** Which gradient the step computes. */
    public enum Kind {
        INPUT, KERNEL
    }

    private final Kind kind;
    private final ConvPlan forward;
    private final ConvSpec spec;
    private final Tensor input;
    private final ConvPlan plan;

    BackwardStep(Kind kind, ConvPlan forward, ConvSpec spec, Tensor input) {
        this.kind = kind;
        this.forward = forward;
        this.spec = spec;
        this.input = input;
        this.plan = ConvPlan.of(spec, input);
    }

    public Kind kind() {
        return kind;
    }

    /** The forward convolution this is the backward step of. */
    public ConvPlan forward() {
        return forward;
    }

    /** The convolution the engine runs for this step. */
    public ConvSpec spec() {
        return spec;
    }

    /** What it runs on: the output gradient (input step; kernel step of a transposed layer) or the layer's input. */
    public Tensor input() {
        return input;
    }

    /** {@link #spec()} checked against {@link #input()}. */
    public ConvPlan plan() {
        return plan;
    }

    /** True when the engine's output is the gradient as it is: nothing cropped, folded or regrouped. */
    public boolean outputIsGradient() {
        int[] shape = plan.outputShape();
        if (kind == Kind.INPUT) {
            return !forward.spec().transposed() && !needsFold(forward)
                    || forward.spec().transposed() && shape[1] == forward.inHeight() && shape[2] == forward.inWidth();
        }
        return false;
    }

    /** Runs the step's convolution through {@link ConvEngine}: the output before crop, fold or regrouping. */
    public Tensor convolve(int threads) {
        return ConvEngine.run(plan, input, threads).featureMap();
    }

    /** The gradient for the forward layer's input, C x H x W, from {@link #convolve}'s output. */
    public Tensor inputGradient(Tensor convOutput) {
        if (kind != Kind.INPUT) {
            throw new IllegalStateException("a kernel step gives a kernel gradient");
        }
        int c = forward.inChannels();
        int h = forward.inHeight();
        int w = forward.inWidth();
        if (forward.spec().transposed() || !needsFold(forward)) {
            return convOutput.height() == h && convOutput.width() == w ? convOutput : crop(convOutput, h, w);
        }
        // The padded grid's gradient: every cell adds onto the input cell it holds (a padding
        // cell onto the cell the padding mode copied; zero padding onto nothing).
        AxisMap rows = forward.rows();
        AxisMap cols = forward.cols();
        Tensor g = new Tensor(c, h, w);
        float[] gd = g.data();
        float[] vd = convOutput.data();
        int vh = convOutput.height();
        int vw = convOutput.width();
        for (int ch = 0; ch < c; ch++) {
            for (int vy = 0; vy < vh; vy++) {
                int sy = rows.source(vy);
                if (sy < 0) {
                    continue;
                }
                int to = (ch * h + sy) * w;
                int from = (ch * vh + vy) * vw;
                for (int vx = 0; vx < vw; vx++) {
                    int sx = cols.source(vx);
                    if (sx >= 0) {
                        gd[to + sx] += vd[from + vx];
                    }
                }
            }
        }
        return g;
    }

    /** The gradient for the forward kernel, in the forward kernel's layout, from {@link #convolve}'s output. */
    public Kernel kernelGradient(Tensor convOutput) {
        if (kind != Kind.KERNEL) {
            throw new IllegalStateException("an input step gives an input gradient");
        }
        Kernel k = forward.spec().kernel();
        int kh = k.height();
        int kw = k.width();
        int d0 = k.dim0();
        int d1 = k.dim1();
        float[] out = new float[k.size()];
        float[] v = convOutput.data();
        int vh = convOutput.height();
        int vw = convOutput.width();
        int groups = forward.groups();
        boolean transposed = forward.spec().transposed();
        // Output channel o of the step is (a, j): a = o / perA runs over the channels of the step's
        // input, j = o % perA over the channels each meets in its group.
        int perA = transposed ? forward.inPerGroup() : forward.outPerGroup();
        int stepChannels = convOutput.channels();
        for (int o = 0; o < stepChannels; o++) {
            int a = o / perA;
            int j = o % perA;
            int i0;
            int i1;
            if (!transposed) {
                int g = a / forward.inPerGroup();
                i0 = g * forward.outPerGroup() + j;
                i1 = a - g * forward.inPerGroup();
            } else {
                int g = a / forward.outPerGroup();
                i0 = g * forward.inPerGroup() + j;
                i1 = a - g * forward.outPerGroup();
            }
            for (int ky = 0; ky < kh; ky++) {
                System.arraycopy(v, (o * vh + ky) * vw, out, ((i0 * d1 + i1) * kh + ky) * kw, kw);
            }
        }
        Kernel grad = new Kernel(d0, d1, kh, kw, out);
        return forward.spec().flip() ? grad.rotated180() : grad;
    }

    /** Runs the step and finishes it: the input gradient. */
    public Tensor runInputGradient(int threads) {
        return inputGradient(convolve(threads));
    }

    /** Runs the step and finishes it: the kernel gradient. */
    public Kernel runKernelGradient(int threads) {
        return kernelGradient(convolve(threads));
    }

    /** An ordinary convolution whose input gradient cannot come straight out of a padded transposed convolution. */
    static boolean needsFold(ConvPlan forward) {
        int[] p = forward.padding();
        boolean zeros = forward.spec().paddingMode() == org.convlens.engine.PaddingMode.ZEROS;
        return !(zeros && p[0] == p[1] && p[2] == p[3]);
    }

    private static Tensor crop(Tensor t, int h, int w) {
        Tensor r = new Tensor(t.channels(), h, w);
        for (int c = 0; c < t.channels(); c++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(t.data(), (c * t.height() + y) * t.width(), r.data(), (c * h + y) * w, w);
            }
        }
        return r;
    }

    @Override
    public String toString() {
        return "BackwardStep[" + kind + ", " + plan.inChannels() + "x" + plan.inHeight() + "x" + plan.inWidth()
                + " -> " + plan.outChannels() + "x" + plan.outHeight() + "x" + plan.outWidth() + "]";
    }
}
