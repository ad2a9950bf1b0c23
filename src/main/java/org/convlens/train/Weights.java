package org.convlens.train;

import org.convlens.engine.Activation;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.Padding;
import org.convlens.engine.PoolSpec;
import org.convlens.network.ConvLayer;
import org.convlens.network.Layer;
import org.convlens.network.LinearLayer;
import org.convlens.network.Network;
import org.convlens.network.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A network's learnable numbers: per layer a weight array (a conv kernel in its
 * {@code dim0 x dim1 x kh x kw} layout, a linear layer's {@code out x in}) and a bias array, null
 * for layers without parameters. Also the default network and He initialisation.
 */
public final class Weights {
    private Weights() {
    }

    /**
     * The default classifier for {@code input}-shaped images and {@code classes} classes: two 3x3
     * conv layers (8 then 16 channels, zero padding 1, ReLU, 2x2 max pooling) and a linear layer
     * to the classes; He-initialised from {@code seed}.
     */
    public static Network defaultNetwork(Shape input, int classes, long seed) {
        int h = input.height() / 2 / 2;
        int w = input.width() / 2 / 2;
        if (h < 1 || w < 1 || input.flat()) {
            throw new IllegalArgumentException("images of " + input + " are too small for the default network");
        }
        PoolSpec pool = PoolSpec.of(PoolSpec.Type.MAX, 2);
        List<Layer> layers = List.of(
                conv(input.channels(), 8, pool),
                conv(8, 16, pool),
                new org.convlens.network.FlattenLayer(),
                LinearLayer.of(classes, 16 * h * w, new float[classes * 16 * h * w]));
        return heInitialised(new Network(input, layers), seed);
    }

    private static ConvLayer conv(int in, int out, PoolSpec pool) {
        ConvSpec spec = ConvSpec.builder(new Kernel(out, in, 3, 3, new float[out * in * 9])).bias(new float[out])
                .padding(Padding.of(1)).activation(Activation.RELU).pool(pool).build();
        return new ConvLayer(spec);
    }

    /**
     * {@code net} with every conv and linear layer's weights drawn from N(0, 2 / fan_in) (He et
     * al. 2015; fan_in = the inputs one output reads) and its biases zero; layers in order, each
     * weight in its array's order, from one {@link Random} seeded with {@code seed}.
     */
    public static Network heInitialised(Network net, long seed) {
        Random r = new Random(seed);
        float[][] w = weights(net);
        float[][] b = biases(net);
        for (int i = 0; i < w.length; i++) {
            if (w[i] == null) {
                continue;
            }
            Layer l = net.layers().get(i);
            int fanIn;
            if (l instanceof ConvLayer c) {
                Kernel k = c.spec().kernel();
                fanIn = (c.spec().transposed() ? k.dim0() / c.spec().groups() : k.dim1()) * k.height() * k.width();
            } else {
                fanIn = ((LinearLayer) l).inFeatures();
            }
            double std = Math.sqrt(2.0 / Math.max(1, fanIn));
            for (int j = 0; j < w[i].length; j++) {
                w[i][j] = (float) (r.nextGaussian() * std);
            }
            java.util.Arrays.fill(b[i], 0f);
        }
        return with(net, w, b);
    }

    /** Copies of each layer's weights (null for layers without). */
    public static float[][] weights(Network net) {
        float[][] w = new float[net.layers().size()][];
        for (int i = 0; i < w.length; i++) {
            Layer l = net.layers().get(i);
            if (l instanceof ConvLayer c) {
                w[i] = c.spec().kernel().data().clone();
            } else if (l instanceof LinearLayer lin) {
                w[i] = lin.weight().clone();
            }
        }
        return w;
    }

    /** Copies of each layer's biases (a conv layer without one: zeros; null for layers without parameters). */
    public static float[][] biases(Network net) {
        float[][] b = new float[net.layers().size()][];
        for (int i = 0; i < b.length; i++) {
            Layer l = net.layers().get(i);
            if (l instanceof ConvLayer c) {
                float[] cb = c.spec().bias();
                b[i] = cb == null ? new float[c.spec().outChannels()] : cb.clone();
            } else if (l instanceof LinearLayer lin) {
                b[i] = lin.bias().clone();
            }
        }
        return b;
    }

    /**
     * {@code net} with new weights and biases (copied), everything else kept.
     *
     * @throws org.convlens.engine.SpecException if a value is not finite
     */
    public static Network with(Network net, float[][] weights, float[][] biases) {
        return with(net, weights, biases, true);
    }

    /**
     * {@code net} holding {@code weights} and {@code biases} themselves, not copies: a plan made
     * of it reads them as they are when it runs, so one plan serves every batch of a training run
     * while the optimiser changes them in place. Null if a layer's plan would hold a copy of its
     * weights instead (a transposed convolution's plan keeps its kernel turned into a direct one).
     */
    static Network live(Network net, float[][] weights, float[][] biases) {
        for (Layer l : net.layers()) {
            if (l instanceof ConvLayer c && c.spec().transposed()) {
                return null;
            }
        }
        return with(net, weights, biases, false);
    }

    private static Network with(Network net, float[][] weights, float[][] biases, boolean copy) {
        java.util.function.UnaryOperator<float[]> take = copy ? float[]::clone : a -> a;
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < net.layers().size(); i++) {
            Layer l = net.layers().get(i);
            if (l instanceof ConvLayer c) {
                Kernel k = c.spec().kernel();
                layers.add(new ConvLayer(c.spec().toBuilder()
                        .kernel(new Kernel(k.dim0(), k.dim1(), k.height(), k.width(), take.apply(weights[i])))
                        .bias(take.apply(biases[i])).build()));
            } else if (l instanceof LinearLayer lin) {
                layers.add(new LinearLayer(lin.outFeatures(), lin.inFeatures(), take.apply(weights[i]),
                        take.apply(biases[i]), lin.activation()));
            } else {
                layers.add(l);
            }
        }
        return new Network(net.input(), layers);
    }
}
