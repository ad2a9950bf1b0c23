package org.convlens.network.grad;

import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.Padding;
import org.convlens.engine.PaddingMode;
import org.convlens.engine.Tensor;

/**
 * The backward pass of the convolution stage of a layer (its bias included; activation and
 * pooling are {@link ActivationBackward} and {@link PoolBackward}), computed as what it is: more
 * convolutions, through the same {@link ConvPlan} and {@link org.convlens.engine.ConvEngine} as
 * the forward pass. See {@link BackwardStep} for the identities.
 *
 * <p>{@code gradOut} is always the gradient for the convolution's output before the activation:
 * {@code Cout x OH x OW}, the plan's feature-map shape.
 */
public final class ConvBackward {
    private ConvBackward() {
    }

    /** The convolution that gives the input gradient: transposed for an ordinary layer, ordinary for a transposed one. */
    public static BackwardStep inputStep(ConvPlan forward, Tensor gradOut) {
        checkGradOut(forward, gradOut);
        ConvSpec f = forward.spec();
        ConvSpec.Builder b = ConvSpec.builder(f.kernel()).flip(f.flip()).groups(f.groups())
                .stride(f.strideY(), f.strideX()).dilation(f.dilationY(), f.dilationX());
        if (!f.transposed()) {
            // The transposed convolution reaches (OH-1)s + d(k-1) + 1 cells of the padded grid;
            // output_padding adds the rows and columns after the last window, which get zero.
            int restY = forward.rows().length() - ((forward.outHeight() - 1) * f.strideY()
                    + f.dilationY() * (f.kernel().height() - 1) + 1);
            int restX = forward.cols().length() - ((forward.outWidth() - 1) * f.strideX()
                    + f.dilationX() * (f.kernel().width() - 1) + 1);
            int[] p = forward.padding();
            Padding pad = BackwardStep.needsFold(forward) ? Padding.of(0) : Padding.of(p[0], p[2]);
            b.transposed(true).padding(pad).outputPadding(restY, restX);
        } else {
            b.padding(f.padding());
        }
        return new BackwardStep(BackwardStep.Kind.INPUT, forward, b.build(), gradOut);
    }

    /** The cross-correlation that gives the kernel gradient. */
    public static BackwardStep kernelStep(ConvPlan forward, Tensor input, Tensor gradOut) {
        checkGradOut(forward, gradOut);
        if (input.channels() != forward.inChannels() || input.height() != forward.inHeight()
                || input.width() != forward.inWidth()) {
            throw new IllegalArgumentException("input " + input + " does not match the plan");
        }
        ConvSpec f = forward.spec();
        // The step's input is the tensor padded as in the forward pass; its kernel is the other
        // tensor, one channel per (step input channel, channel it meets in its group).
        Tensor stepInput = f.transposed() ? gradOut : input;
        Tensor kernelSource = f.transposed() ? input : gradOut;
        int stepChannels = stepInput.channels();
        int perGroupIn = stepChannels / forward.groups();
        int perGroupKernel = kernelSource.channels() / forward.groups();
        int plane = kernelSource.planeSize();
        float[] k;
        if (stepChannels == 1) {
            k = kernelSource.data();
        } else {
            k = new float[stepChannels * perGroupKernel * plane];
            for (int a = 0; a < stepChannels; a++) {
                int g = a / perGroupIn;
                System.arraycopy(kernelSource.data(), g * perGroupKernel * plane, k, a * perGroupKernel * plane,
                        perGroupKernel * plane);
            }
        }
        Kernel kernel = new Kernel(stepChannels * perGroupKernel, 1, kernelSource.height(), kernelSource.width(), k);
        int[] p = forward.padding();
        ConvSpec spec = ConvSpec.builder(kernel).groups(stepChannels)
                .stride(f.dilationY(), f.dilationX()).dilation(f.strideY(), f.strideX())
                .padding(Padding.of(p[0], p[1], p[2], p[3]))
                .paddingMode(f.transposed() ? PaddingMode.ZEROS : f.paddingMode())
                .build();
        return new BackwardStep(BackwardStep.Kind.KERNEL, forward, spec, stepInput);
    }

    /** dL/d(input), {@code Cin x H x W}. */
    public static Tensor inputGradient(ConvPlan forward, Tensor gradOut, int threads) {
        return inputStep(forward, gradOut).runInputGradient(threads);
    }

    /** dL/d(kernel), in the spec kernel's layout. */
    public static Kernel kernelGradient(ConvPlan forward, Tensor input, Tensor gradOut, int threads) {
        return kernelStep(forward, input, gradOut).runKernelGradient(threads);
    }

    /** dL/d(bias): each output channel's gradient summed (in double, rounded once). */
    public static float[] biasGradient(Tensor gradOut) {
        float[] b = new float[gradOut.channels()];
        int plane = gradOut.planeSize();
        float[] g = gradOut.data();
        for (int c = 0; c < b.length; c++) {
            double s = 0;
            for (int i = c * plane, end = i + plane; i < end; i++) {
                s += g[i];
            }
            b[c] = (float) s;
        }
        return b;
    }

    private static void checkGradOut(ConvPlan forward, Tensor gradOut) {
        if (gradOut.channels() != forward.outChannels() || gradOut.height() != forward.outHeight()
                || gradOut.width() != forward.outWidth()) {
            throw new IllegalArgumentException("output gradient " + gradOut + " does not match the feature map "
                    + forward.outChannels() + "x" + forward.outHeight() + "x" + forward.outWidth());
        }
    }
}
