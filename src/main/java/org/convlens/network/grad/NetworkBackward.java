package org.convlens.network.grad;

import org.convlens.engine.Activation;
import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.Tensor;
import org.convlens.network.ActivationLayer;
import org.convlens.network.ConvLayer;
import org.convlens.network.FlattenLayer;
import org.convlens.network.Layer;
import org.convlens.network.LayerPlan;
import org.convlens.network.LinearLayer;
import org.convlens.network.NetworkMaps;
import org.convlens.network.NetworkPlan;
import org.convlens.network.PoolLayer;

import java.util.Objects;

/**
 * The backward pass of a whole network on one input: from the maps one forward pass kept
 * ({@link NetworkMaps}) and a loss on the final output, every layer's gradients in reverse order,
 * each through its own backward ({@link ConvLayerBackward}, {@link ActivationBackward},
 * {@link PoolBackward}, {@link LinearBackward}).
 */
public final class NetworkBackward {
    private NetworkBackward() {
    }

    /** What the final output is judged by. */
    public sealed interface Loss permits Sum, CrossEntropy {
        /** The loss of {@code output}; its gradient into {@code grad} (same length). */
        float apply(float[] output, float[] grad);
    }

    /** The sum of every output value: each gradient is 1. */
    public record Sum() implements Loss {
        @Override
        public float apply(float[] output, float[] grad) {
            return Losses.sum(output, grad);
        }
    }

    /** Softmax cross-entropy of the final vector against class {@code k}. */
    public record CrossEntropy(int k) implements Loss {
        @Override
        public float apply(float[] output, float[] grad) {
            return Losses.crossEntropy(output, k, grad, 1f);
        }
    }

    /**
     * A conv or linear layer's parameter gradients: {@code weight} in the layer's own layout (a
     * conv kernel's {@code dim0 x dim1 x kh x kw}, a linear layer's {@code out x in}), {@code bias}
     * one per output.
     */
    public record ParamGradients(float[] weight, float[] bias) {
    }

    /**
     * @param loss the loss's value
     * @param input dL/d(input), the input's shape
     * @param layers per layer its parameter gradients, null for layers without parameters
     * @param convOutput per conv layer dL/dz, the gradient of its convolution plus bias (before
     *     activation and pooling): what its backward steps ({@link ConvBackward#inputStep},
     *     {@link ConvBackward#kernelStep}) start from; null for other layers
     */
    public record Result(float loss, Tensor input, ParamGradients[] layers, Tensor[] convOutput) {
    }

    /**
     * Runs the loss and the backward pass over the maps of one forward pass.
     *
     * @throws IllegalArgumentException if a cross-entropy class is not one of the output's values
     */
    public static Result run(NetworkMaps maps, Loss loss, int threads) {
        Objects.requireNonNull(loss, "loss");
        NetworkPlan plan = maps.plan();
        Tensor out = maps.output();
        Tensor g = new Tensor(out.channels(), out.height(), out.width());
        float value = loss.apply(out.data(), g.data());
        ParamGradients[] params = new ParamGradients[plan.layers().size()];
        Tensor[] convOutput = new Tensor[plan.layers().size()];
        for (int i = plan.layers().size() - 1; i >= 0; i--) {
            LayerPlan l = plan.layer(i);
            Tensor in = maps.map(l.firstMap() - 1);
            Layer layer = l.layer();
            if (layer instanceof ConvLayer) {
                ConvPlan conv = l.conv();
                Tensor post = maps.map(l.firstMap());
                Tensor pre = needsPre(conv.spec().activation()) ? beforeActivation(conv, in) : null;
                ConvLayerBackward.Gradients cg = ConvLayerBackward.backward(conv, in, pre, post, g, true, threads);
                params[i] = new ParamGradients(cg.kernel().data(), cg.bias());
                convOutput[i] = cg.preActivation();
                g = cg.input();
            } else if (layer instanceof ActivationLayer a) {
                Tensor post = maps.map(l.lastMap());
                Tensor r = new Tensor(in.channels(), in.height(), in.width());
                ActivationBackward.backward(a.activation(), in.data(), post.data(), g.data(), r.data(), r.data().length);
                g = r;
            } else if (layer instanceof PoolLayer p) {
                g = PoolBackward.backward(p.pool(), in, g);
            } else if (layer instanceof FlattenLayer) {
                g = new Tensor(in.channels(), in.height(), in.width(), g.data());
            } else if (layer instanceof LinearLayer lin) {
                float[] post = maps.map(l.lastMap()).data();
                float[] pre = needsPre(lin.activation()) ? linearBeforeActivation(lin, in.data()) : null;
                float[] gz = new float[lin.outFeatures()];
                ActivationBackward.backward(lin.activation(), pre, post, g.data(), gz, gz.length);
                float[] gw = new float[lin.weight().length];
                float[] gb = new float[lin.outFeatures()];
                LinearBackward.accumulate(in.data(), lin.outFeatures(), lin.inFeatures(), gz, gw, gb);
                params[i] = new ParamGradients(gw, gb);
                Tensor r = new Tensor(in.channels(), in.height(), in.width());
                LinearBackward.inputGradient(lin.weight(), lin.outFeatures(), lin.inFeatures(), gz, r.data());
                g = r;
            }
        }
        return new Result(value, g, params, convOutput);
    }

    /** leaky_relu with a negative slope: its output does not tell the sign of what went in. */
    public static boolean needsPre(Activation a) {
        return a.type() == Activation.Type.LEAKY_RELU && a.slope() < 0f;
    }

    /** The layer's convolution plus bias again, without its activation and pooling. */
    private static Tensor beforeActivation(ConvPlan conv, Tensor in) {
        return ConvEngine.run(conv.spec().toBuilder().activation(Activation.NONE).pool(null).build(), in)
                .featureMap();
    }

    private static float[] linearBeforeActivation(LinearLayer lin, float[] x) {
        float[] z = new float[lin.outFeatures()];
        for (int o = 0; o < z.length; o++) {
            float s = 0f;
            for (int i = 0; i < lin.inFeatures(); i++) {
                s = Math.fma(x[i], lin.weight(o, i), s);
            }
            z[o] = s + lin.bias()[o];
        }
        return z;
    }
}
