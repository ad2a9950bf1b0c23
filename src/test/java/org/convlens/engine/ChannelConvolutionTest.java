package org.convlens.engine;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The many-channel path against the reference loop, bit for bit, on seeded random problems with several
 * channels per group (groups, dilation, every padding mode, transposed convolutions, whose stride
 * becomes zero insertion), whole tiles and partial ones, and parallel output equal to serial output.
 */
class ChannelConvolutionTest {
    @TestFactory
    Stream<DynamicTest> matchesReferenceOnRandomProblems() {
        Random r = new Random(20261202L);
        List<DynamicTest> tests = new ArrayList<>();
        int tries = 0;
        while (tests.size() < 150 && tries++ < 5000) {
            int g = 1 + r.nextInt(3);
            int cin = g * (1 + r.nextInt(4));
            int cout = g * (2 + r.nextInt(4));
            int h = 1 + r.nextInt(20);
            int w = 1 + r.nextInt(20);
            int kh = 1 + r.nextInt(5);
            int kw = 1 + r.nextInt(5);
            boolean transposed = r.nextInt(4) == 0;
            try {
                ConvSpec.Builder b = ConvSpec.builder(transposed ? RandomCases.random(r, cin, cout / g, kh, kw)
                        : RandomCases.random(r, cout, cin / g, kh, kw)).groups(g)
                        .dilation(1 + r.nextInt(3), 1 + r.nextInt(3)).transposed(transposed)
                        .bias(RandomCases.randomTensor(r, cout, 1, 1).data()).flip(r.nextBoolean())
                        .activation(Activation.of(Activation.Type.values()[r.nextInt(5)]));
                if (transposed) {
                    b.stride(1 + r.nextInt(3), 1 + r.nextInt(3)).padding(Padding.of(r.nextInt(kh), r.nextInt(kw)));
                } else {
                    b.padding(r.nextBoolean() ? Padding.SAME : Padding.of(r.nextInt(3), r.nextInt(3), r.nextInt(3), r.nextInt(3)))
                            .paddingMode(PaddingMode.values()[r.nextInt(4)]);
                }
                if (r.nextInt(4) == 0) {
                    b.pool(PoolSpec.of(PoolSpec.Type.AVG, 2));
                }
                Tensor in = RandomCases.randomTensor(r, cin, h, w);
                ConvPlan plan = ConvPlan.of(b.build(), in);
                if (!ChannelConvolution.applies(plan)) {
                    continue;
                }
                String name = tests.size() + ": " + cin + "x" + h + "x" + w + " -> " + cout + " k" + kh + "x" + kw + " g" + g
                        + (transposed ? " transposed" : "");
                tests.add(DynamicTest.dynamicTest(name, () -> check(plan, in)));
            } catch (SpecException e) {
                // an impossible combination: draw again
            }
        }
        assertEquals(150, tests.size());
        return tests.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} channels, k{2}, {3}x{3}, groups {4}")
    @CsvSource({"16,16,5,40,1", "64,64,3,56,1", "12,18,3,33,3", "6,16,5,14,1", "1,6,5,28,1", "8,8,3,100,2"})
    void tilesAndThreadsGiveTheReferencesValues(int cin, int cout, int k, int size, int g) {
        Random r = new Random(cin * 131L + size);
        Tensor in = RandomCases.randomTensor(r, cin, size, size);
        ConvSpec spec = ConvSpec.builder(RandomCases.random(r, cout, cin / g, k, k)).groups(g).padding(Padding.SAME)
                .bias(RandomCases.randomTensor(r, cout, 1, 1).data()).activation(Activation.RELU).build();
        ConvPlan plan = ConvPlan.of(spec, in);
        assertTrue(ChannelConvolution.applies(plan));
        check(plan, in);
    }

    private static void check(ConvPlan plan, Tensor in) {
        Tensor ref = Reference.convolve(plan, in);
        Tensor one = ChannelConvolution.run(plan, in, new Tensor(plan.outChannels(), plan.outHeight(), plan.outWidth()),
                1, null);
        // The reference's one order (fma per tap from 0, then the bias): the same bits, on both
        // the scalar path and (where the module is) the Vector API's blocks.
        assertArrayEquals(ref.data(), one.data(), "bit for bit the reference's values");
        Tensor scalar = ChannelConvolution.run(plan, in, new Tensor(plan.outChannels(), plan.outHeight(),
                plan.outWidth()), 1, null, false);
        assertArrayEquals(ref.data(), scalar.data(), "scalar path: bit for bit the reference's values");
        if (VectorPath.available()) {
            Tensor vector = ChannelConvolution.run(plan, in, new Tensor(plan.outChannels(), plan.outHeight(),
                    plan.outWidth()), 1, null, true);
            assertArrayEquals(ref.data(), vector.data(), "vector path: bit for bit the reference's values");
        }
        for (int threads : new int[] {2, 3}) {
            Tensor many = ChannelConvolution.run(plan, in, new Tensor(plan.outChannels(), plan.outHeight(),
                    plan.outWidth()), threads, null);
            assertArrayEquals(one.data(), many.data(), threads + " threads");
        }
        assertArrayEquals(one.data(), ConvEngine.run(plan, in, 1).featureMap().data(), "ConvEngine.run takes this path");
    }

    @org.junit.jupiter.api.Test
    void theTestsRunTheVectorPath() {
        // The suite runs with the module (the pom's argLine): without it, the lines above test one path only.
        assertTrue(VectorPath.available(), "jdk.incubator.vector missing from the test JVM");
    }

    @org.junit.jupiter.api.Test
    void layersThatTakeTurnsShareOneThreadsRows() {
        // The default network's three shapes a training step runs, in turn: after one round the
        // thread's rows fit them all and no run makes new ones.
        ChannelConvolution.columns(9, 964);
        ChannelConvolution.columns(72, 774);
        ChannelConvolution.columns(144, 800);
        float[][] kept = ChannelConvolution.columns(9, 964);
        assertTrue(ChannelConvolution.columns(72, 774) == kept && ChannelConvolution.columns(144, 800) == kept,
                "rows made anew");
    }
}
