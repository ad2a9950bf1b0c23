package org.convlens.network;

import org.convlens.engine.Activation;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.Padding;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.Tensor;

import java.util.List;
import java.util.Random;

/** Seeded networks for the tests. */
final class Nets {
    private Nets() {
    }

    static Kernel kernel(Random r, int d0, int d1, int kh, int kw) {
        float[] w = new float[d0 * d1 * kh * kw];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian() * 0.3f;
        }
        return new Kernel(d0, d1, kh, kw, w);
    }

    static float[] values(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian() * 0.3f;
        }
        return v;
    }

    static Tensor input(Random r, int c, int h, int w) {
        return new Tensor(c, h, w, values(r, c * h * w));
    }

    static LinearLayer linear(Random r, int out, int in, Activation a) {
        return new LinearLayer(out, in, values(r, out * in), values(r, out), a);
    }

    /** LeNet-5 as torchsummary's classic: conv 5x5 padding 2, max pools, 400 -> 120 -> 84 -> 10. */
    static Network lenet5(Random r) {
        return new Network(Shape.of(1, 28, 28), List.of(
                new ConvLayer(ConvSpec.builder(kernel(r, 6, 1, 5, 5)).bias(values(r, 6)).padding(Padding.of(2))
                        .activation(Activation.RELU).pool(PoolSpec.of(PoolSpec.Type.MAX, 2)).build()),
                new ConvLayer(ConvSpec.builder(kernel(r, 16, 6, 5, 5)).bias(values(r, 16)).activation(Activation.RELU)
                        .build()),
                new PoolLayer(PoolSpec.of(PoolSpec.Type.MAX, 2)),
                new FlattenLayer(),
                linear(r, 120, 400, Activation.RELU),
                linear(r, 84, 120, Activation.RELU),
                linear(r, 10, 84, Activation.NONE)));
    }
}
