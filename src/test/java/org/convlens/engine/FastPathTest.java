package org.convlens.engine;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast path against the reference loop on seeded random problems (BoofCV's
 * CompareToStandardConvolution), and parallel output equal to serial output, bit for bit.
 */
class FastPathTest {
    @TestFactory
    Stream<DynamicTest> fastPathMatchesReferenceOnRandomProblems() {
        return RandomCases.generate(20261201L, 400, 12).stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Tensor fast = ConvEngine.run(c.plan(), c.input(), 1).output();
            Tensor ref = Reference.run(c.plan(), c.input());
            assertClose(ref, fast);
        }));
    }

    @ParameterizedTest(name = "{0}x{1} k{2} stride {3} dilation {4} groups {5}")
    @CsvSource({"96,130,3,1,1,1", "97,64,5,2,1,1", "64,64,7,1,2,2", "80,81,11,3,1,1", "70,90,1,1,1,4", "65,66,4,2,3,2"})
    void parallelOutputEqualsSerialOutputExactly(int h, int w, int k, int s, int d, int g) {
        Random r = new Random(h * 31L + w);
        Tensor in = RandomCases.randomTensor(r, 2 * g, h, w);
        ConvSpec spec = ConvSpec.builder(RandomCases.random(r, 2 * g, 2, k, k)).groups(g).stride(s).dilation(d)
                .padding(Padding.SAME).paddingMode(PaddingMode.REFLECT.ordinal() % 2 == 0 ? PaddingMode.REPLICATE : PaddingMode.ZEROS)
                .pool(PoolSpec.of(PoolSpec.Type.MAX, 2)).build();
        ConvPlan plan = ConvPlan.of(spec, in);
        ConvEngine.Result one = ConvEngine.run(plan, in, 1);
        for (int threads : new int[] {2, 3, 7}) {
            ConvEngine.Result many = ConvEngine.run(plan, in, threads);
            assertArrayEquals(one.featureMap().data(), many.featureMap().data(), threads + " threads");
            assertArrayEquals(one.pooled().data(), many.pooled().data(), threads + " threads, pooled");
        }
        assertClose(Reference.run(plan, in), one.output());
    }

    @Test
    void reusedOutputTensorsAreOverwrittenNotAccumulated() {
        Random r = new Random(5);
        Tensor in = RandomCases.randomTensor(r, 1, 40, 40);
        ConvPlan plan = ConvPlan.of(ConvSpec.builder(RandomCases.random(r, 1, 1, 3, 3)).padding(Padding.SAME)
                .pool(PoolSpec.of(PoolSpec.Type.AVG, 2)).build(), in);
        ConvEngine.Result first = ConvEngine.run(plan, in, 2);
        float[] fm = first.featureMap().data().clone();
        ConvEngine.Result again = ConvEngine.run(plan, in, first, 2);
        assertSame(first.featureMap(), again.featureMap());
        assertArrayEquals(fm, again.featureMap().data());
    }

    static void assertClose(Tensor want, Tensor got) {
        assertArrayEquals(want.shape(), got.shape(), "shape");
        for (int i = 0; i < want.data().length; i++) {
            float a = want.data()[i];
            float b = got.data()[i];
            int at = i;
            assertTrue(Math.abs(a - b) <= 1e-4f * Math.max(1f, Math.abs(a)), () -> "value " + at + ": " + a + " vs " + b);
        }
    }
}
