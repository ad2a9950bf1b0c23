package org.convlens.network.grad;

import org.convlens.engine.Activation;
import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.Padding;
import org.convlens.engine.PaddingMode;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backward pass against central differences of the forward pass (the engine itself), on
 * seeded random layers with smooth stages (no relu or max kinks): the loss is sum(output * g).
 */
class FiniteDifferenceTest {
    private static final float EPS = 1e-2f;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
    void gradientsMatchCentralDifferences(int seed) {
        Random r = new Random(1000 + seed);
        boolean transposed = seed % 4 == 3;
        int groups = 1 + r.nextInt(2);
        int cin = groups * (1 + r.nextInt(2));
        int coutPerGroup = 1 + r.nextInt(2);
        int kh = 1 + r.nextInt(3);
        int kw = 1 + r.nextInt(3);
        int h = 5 + r.nextInt(4);
        int w = 5 + r.nextInt(4);
        Kernel k = transposed ? new Kernel(cin, coutPerGroup, kh, kw, random(r, cin * coutPerGroup * kh * kw))
                : new Kernel(groups * coutPerGroup, cin / groups, kh, kw, random(r, groups * coutPerGroup * cin / groups * kh * kw));
        int cout = groups * coutPerGroup;
        PaddingMode[] modes = PaddingMode.values();
        ConvSpec.Builder b = ConvSpec.builder(k).groups(groups).bias(random(r, cout))
                .stride(1 + r.nextInt(2), 1 + r.nextInt(2)).dilation(1 + r.nextInt(2), 1 + r.nextInt(2))
                .flip(r.nextBoolean())
                .activation(new Activation[] {Activation.NONE, Activation.TANH, Activation.SIGMOID}[seed % 3]);
        if (transposed) {
            b.transposed(true).padding(Padding.of(r.nextInt(2), r.nextInt(2)));
        } else {
            b.padding(Padding.of(r.nextInt(3), r.nextInt(2), r.nextInt(2), r.nextInt(3)))
                    .paddingMode(modes[seed % modes.length]);
        }
        if (seed % 2 == 0) {
            b.pool(new PoolSpec(PoolSpec.Type.AVG, 2, 2, 2, 1, 1, 0, seed % 4 == 0, seed % 3 == 0));
        }
        ConvSpec spec = b.build();
        Tensor x = new Tensor(cin, h, w, random(r, cin * h * w));
        ConvPlan plan = ConvPlan.of(spec, x);
        int[] shape = plan.outputShape();
        Tensor g = new Tensor(shape[0], shape[1], shape[2], random(r, shape[0] * shape[1] * shape[2]));
        ConvLayerBackward.Gradients grads = AutogradFixturesTest.backward(plan, x, g, 1);

        for (int i = 0; i < x.data().length; i++) {
            check("input[" + i + "]", x.data(), i, grads.input().data()[i], () -> loss(spec, x, g));
        }
        for (int i = 0; i < k.size(); i++) {
            check("kernel[" + i + "]", k.data(), i, grads.kernel().data()[i], () -> loss(spec, x, g));
        }
        for (int i = 0; i < cout; i++) {
            check("bias[" + i + "]", spec.bias(), i, grads.bias()[i], () -> loss(spec, x, g));
        }
    }

    private static void check(String what, float[] values, int i, float analytic, java.util.function.DoubleSupplier loss) {
        float keep = values[i];
        values[i] = keep + EPS;
        double up = loss.getAsDouble();
        values[i] = keep - EPS;
        double down = loss.getAsDouble();
        values[i] = keep;
        double numeric = (up - down) / (2 * EPS);
        assertTrue(Math.abs(numeric - analytic) <= 5e-3 * Math.max(1, Math.abs(numeric)),
                what + ": central difference " + numeric + ", backward pass " + analytic);
    }

    private static double loss(ConvSpec spec, Tensor x, Tensor g) {
        Tensor out = ConvEngine.run(ConvPlan.of(spec, x), x, 1).output();
        double s = 0;
        for (int i = 0; i < out.data().length; i++) {
            s += (double) out.data()[i] * g.data()[i];
        }
        return s;
    }

    private static float[] random(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }
}
