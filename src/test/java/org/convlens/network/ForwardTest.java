package org.convlens.network;

import org.convlens.engine.Activation;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Padding;
import org.convlens.engine.PaddingMode;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.Reference;
import org.convlens.engine.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forward pass keeps every map, and each map is what the single-layer reference loops (and a
 * plain double loop for linear layers) compute from the map before it. PyTorch's numbers for
 * whole networks are in {@link NetworkFixturesTest}.
 */
class ForwardTest {
    @Test
    void everyMapIsTheReferenceOfTheOneBefore() {
        Random r = new Random(11);
        Network n = new Network(Shape.of(2, 13, 11), List.of(
                new ConvLayer(ConvSpec.builder(Nets.kernel(r, 4, 2, 3, 3)).bias(Nets.values(r, 4)).padding(Padding.SAME)
                        .paddingMode(PaddingMode.REFLECT).activation(Activation.RELU)
                        .pool(new PoolSpec(PoolSpec.Type.AVG, 3, 3, 2, 2, 1, 1, true, false)).build()),
                new ConvLayer(ConvSpec.builder(Nets.kernel(r, 4, 2, 2, 3)).groups(2).dilation(2, 1).stride(1, 2)
                        .padding(Padding.of(1, 0, 2, 1)).paddingMode(PaddingMode.CIRCULAR).build()),
                new ActivationLayer(Activation.leakyRelu(0.1f)),
                new PoolLayer(new PoolSpec(PoolSpec.Type.MAX, 2, 2, 1, 1, 1, 0, false, true)),
                new FlattenLayer(),
                Nets.linear(r, 7, 4 * 7 * 3, Activation.SIGMOID),
                new ActivationLayer(Activation.TANH),
                Nets.linear(r, 3, 7, Activation.NONE)));
        NetworkPlan plan = NetworkPlan.of(n);
        Tensor x = Nets.input(r, 2, 13, 11);
        NetworkMaps maps = Forward.run(plan, x, 2);
        assertEquals(plan.maps().size(), maps.maps().size());
        List<Tensor> expected = new ArrayList<>();
        expected.add(x);
        Tensor cur = x;
        for (Layer l : n.layers()) {
            if (l instanceof ConvLayer c) {
                ConvPlan cp = ConvPlan.of(c.spec(), cur);
                Tensor fm = Reference.convolve(cp, cur);
                expected.add(fm);
                cur = Reference.run(cp, cur);
                if (cp.hasPool()) {
                    expected.add(cur);
                }
            } else if (l instanceof ActivationLayer a) {
                Tensor t = cur.copy();
                for (int i = 0; i < t.data().length; i++) {
                    t.data()[i] = a.activation().apply(t.data()[i]);
                }
                expected.add(cur = t);
            } else if (l instanceof PoolLayer p) {
                ConvPlan identity = ConvPlan.of(ConvSpec.builder(new org.convlens.engine.Kernel(cur.channels(), 1, 1, 1,
                        ones(cur.channels()))).groups(cur.channels()).pool(p.pool()).build(), cur);
                expected.add(cur = Reference.run(identity, cur));
            } else if (l instanceof FlattenLayer) {
                expected.add(cur = new Tensor(cur.data().length, 1, 1, cur.data().clone()));
            } else if (l instanceof LinearLayer lin) {
                Tensor y = new Tensor(lin.outFeatures(), 1, 1);
                for (int o = 0; o < lin.outFeatures(); o++) {
                    double s = lin.bias()[o];
                    for (int i = 0; i < lin.inFeatures(); i++) {
                        s += (double) lin.weight(o, i) * cur.data()[i];
                    }
                    y.data()[o] = lin.activation().apply((float) s);
                }
                expected.add(cur = y);
            }
        }
        assertEquals(expected.size(), maps.maps().size());
        for (int m = 0; m < expected.size(); m++) {
            Tensor e = expected.get(m);
            Tensor a = maps.map(m);
            assertArrayEquals(e.shape(), a.shape(), "map " + m);
            for (int i = 0; i < e.data().length; i++) {
                float want = e.data()[i];
                float got = a.data()[i];
                assertTrue(Math.abs(want - got) <= 1e-5f * Math.max(1f, Math.abs(want)),
                        "map " + m + " value " + i + ": " + want + " vs " + got);
            }
            assertArrayEquals(plan.maps().get(m).shape().dims().length == 1
                    ? new int[] {e.channels(), 1, 1} : plan.maps().get(m).shape().dims(), a.shape(), "plan's shape of map " + m);
        }
    }

    private static float[] ones(int n) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, 1f);
        return a;
    }

    @Test
    void threadsAndReuseGiveTheSameValues() {
        NetworkPlan plan = NetworkPlan.of(Nets.lenet5(new Random(12)));
        Random r = new Random(13);
        Tensor a = Nets.input(r, 1, 28, 28);
        Tensor b = Nets.input(r, 1, 28, 28);
        Forward f = new Forward(plan);
        NetworkMaps one = f.run(a, null, 1);
        NetworkMaps two = f.run(a, null, 2);
        for (int m = 0; m < plan.maps().size(); m++) {
            assertEquals(one.map(m), two.map(m), "map " + m);
        }
        NetworkMaps fresh = f.run(b, null, 2);
        NetworkMaps reused = f.run(b, one, 2);
        for (int m = 0; m < plan.maps().size(); m++) {
            assertEquals(fresh.map(m), reused.map(m), "map " + m);
        }
        assertSame(one.map(3), reused.map(3), "the conv layer's tensor is written over");
        List<Tensor> batch = f.outputs(List.of(a, b, a), 2);
        assertEquals(f.run(a, null, 1).output(), batch.get(0));
        assertEquals(fresh.output(), batch.get(1));
        assertEquals(batch.get(0), batch.get(2));
    }

    @Test
    void flattenSharesItsValuesAndRangesCoverAllChannels() {
        NetworkPlan plan = NetworkPlan.of(new Network(Shape.of(2, 2, 2), List.of(new FlattenLayer(),
                new FlattenLayer())));
        Tensor x = new Tensor(2, 2, 2, new float[] {1, -5, 3, 4, 0, 2, Float.NaN, 7});
        NetworkMaps m = Forward.run(plan, x, 1);
        assertSame(x.data(), m.output().data());
        assertEquals(new MapRange(-5f, 7f, 7f, 1), m.range(1));
        assertArrayEquals(new int[] {8, 1, 1}, m.output().shape());
    }

    @Test
    void aWrongInputIsRefused() {
        NetworkPlan plan = NetworkPlan.of(Nets.lenet5(new Random(14)));
        assertThrows(IllegalArgumentException.class, () -> Forward.run(plan, new Tensor(1, 28, 27), 1));
    }
}
