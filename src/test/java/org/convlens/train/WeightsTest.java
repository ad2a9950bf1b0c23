package org.convlens.train;

import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.Tensor;
import org.convlens.network.ConvLayer;
import org.convlens.network.Forward;
import org.convlens.network.Network;
import org.convlens.network.NetworkPlan;
import org.convlens.network.Shape;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The trainer's one plan for a whole run ({@link Weights#live}): a plan made once reads the
 * weights as the optimiser leaves them, giving what a plan made afresh from a copy gives.
 */
class WeightsTest {
    private static float[] random(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextFloat() * 2 - 1;
        }
        return a;
    }

    @Test
    void aPlanOfTheLiveNetworkFollowsInPlaceChanges() {
        Network net = Weights.defaultNetwork(Shape.of(1, 12, 12), 10, 7);
        float[][] w = Weights.weights(net);
        float[][] b = Weights.biases(net);
        Network live = Weights.live(net, w, b);
        assertNotNull(live);
        NetworkPlan plan = NetworkPlan.of(live);
        Random r = new Random(3);
        Tensor image = new Tensor(1, 12, 12, random(r, 144));
        for (int step = 0; step < 3; step++) {
            // the optimiser's way: every weight and bias changed in place
            for (int i = 0; i < w.length; i++) {
                if (w[i] != null) {
                    float[] dw = random(r, w[i].length);
                    for (int j = 0; j < dw.length; j++) {
                        w[i][j] += 0.1f * dw[j];
                    }
                    b[i][0] += 0.05f;
                }
            }
            float[] once = Forward.run(plan, image, 1).output().data();
            float[] afresh = Forward.run(NetworkPlan.of(Weights.with(net, w, b)), image, 1).output().data();
            assertArrayEquals(afresh, once, "step " + step);
        }
    }

    @Test
    void aTransposedLayerHasNoLiveNetwork() {
        ConvSpec up = ConvSpec.builder(new Kernel(1, 2, 2, 2, new float[8])).transposed(true).stride(2)
                .bias(new float[2]).build();
        Network net = new Network(Shape.of(1, 4, 4), List.of(new ConvLayer(up)));
        assertNull(Weights.live(net, Weights.weights(net), Weights.biases(net)),
                "its plan keeps a turned copy of the kernel: made per batch instead");
    }
}
