package org.convlens.network.grad;

import org.convlens.engine.ConvPlan;
import org.convlens.engine.Kernel;
import org.convlens.engine.Tensor;

/**
 * The backward pass of a whole conv layer, stages in reverse: pooling, activation, then the
 * convolution and its bias ({@link ConvBackward}).
 */
public final class ConvLayerBackward {
    private ConvLayerBackward() {
    }

    /**
     * One layer's gradients.
     *
     * @param input dL/d(layer input), or null when not asked for
     * @param kernel dL/d(kernel), in the spec kernel's layout
     * @param bias dL/d(bias), one per output channel
     * @param preActivation dL/dz, the gradient the convolution steps start from
     */
    public record Gradients(Tensor input, Kernel kernel, float[] bias, Tensor preActivation) {
    }

    /**
     * @param plan the forward plan
     * @param input the layer's input
     * @param pre the convolution plus bias before the activation ({@code Cout x OH x OW}); may be
     *            null unless the activation is leaky_relu with a negative slope
     * @param post the activated feature map before pooling (the engine's feature map)
     * @param gradOut dL/d(layer output): the pooled shape when the layer pools
     * @param wantInput false to skip the input gradient (a first layer)
     * @param threads engine threads
     */
    public static Gradients backward(ConvPlan plan, Tensor input, Tensor pre, Tensor post, Tensor gradOut,
                                     boolean wantInput, int threads) {
        Tensor g = plan.hasPool() ? PoolBackward.backward(plan.spec().pool(), post, gradOut) : gradOut.copy();
        if (g.channels() != plan.outChannels() || g.height() != plan.outHeight() || g.width() != plan.outWidth()) {
            throw new IllegalArgumentException("gradient " + gradOut + " does not match the layer's output");
        }
        ActivationBackward.backward(plan.spec().activation(), pre == null ? null : pre.data(), post.data(),
                g.data(), g.data(), g.data().length);
        Kernel k = ConvBackward.kernelGradient(plan, input, g, threads);
        float[] b = ConvBackward.biasGradient(g);
        Tensor gi = wantInput ? ConvBackward.inputGradient(plan, g, threads) : null;
        return new Gradients(gi, k, b, g);
    }
}
