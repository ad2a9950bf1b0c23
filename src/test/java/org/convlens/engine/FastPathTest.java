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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
            // Bit for bit: every path adds in the reference's one order (issue 9).
            assertArrayEquals(ref.data(), fast.data());
        }));
    }

    @ParameterizedTest(name = "{0}x{1} k{2} stride {3} dilation {4} groups {5} {6}")
    @CsvSource({"96,130,3,1,1,1,zeros", "97,64,5,2,1,1,reflect", "64,64,7,1,2,2,replicate", "80,81,11,3,1,1,circular",
        "70,90,1,1,1,4,reflect", "65,66,4,2,3,2,zeros", "60,100,3,8,1,1,zeros", "61,99,3,5,2,1,reflect"})
    void parallelOutputEqualsSerialOutputExactly(int h, int w, int k, int s, int d, int g, String mode) {
        Random r = new Random(h * 31L + w);
        Tensor in = RandomCases.randomTensor(r, 2 * g, h, w);
        ConvSpec spec = ConvSpec.builder(RandomCases.random(r, 2 * g, 2, k, k)).groups(g).stride(s).dilation(d)
                .padding(Padding.SAME).paddingMode(PaddingMode.fromId(mode))
                .pool(PoolSpec.of(PoolSpec.Type.MAX, 2)).build();
        ConvPlan plan = ConvPlan.of(spec, in);
        ConvEngine.Result one = ConvEngine.run(plan, in, 1);
        for (int threads : new int[] {2, 3, 7}) {
            ConvEngine.Result many = ConvEngine.run(plan, in, threads);
            assertArrayEquals(one.featureMap().data(), many.featureMap().data(), threads + " threads");
            assertArrayEquals(one.pooled().data(), many.pooled().data(), threads + " threads, pooled");
        }
        assertArrayEquals(Reference.run(plan, in).data(), one.output().data());
    }

    @Test
    void theVectorApiLinksOnAThreadOfItsOwnThenTheEngineTakesItsPath() throws InterruptedException {
        assumeTrue(VectorPath.available(), "the vector module is loaded (as the tests run)");
        long end = System.nanoTime() + 30_000_000_000L;
        while (!VectorPath.linked() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertTrue(VectorPath.linked(), "linked within 30 s");
        assertTrue(ConvEngine.Tuning.DEFAULT.vectorNow(), "production runs take the vector path once linked");
        assertTrue(new ConvEngine.Tuning(0, 0, true).vectorNow(), "tests' tunings take it at once");
        assertTrue(!new ConvEngine.Tuning(0, 0, false).vectorNow());
    }

    @ParameterizedTest(name = "{0}x{1} rank-one k{2}x{3} stride {4} dilation {5} {6} pad {7}")
    @CsvSource({"40,50,5,5,1,1,zeros,same", "33,131,7,5,1,1,reflect,same", "30,30,15,15,1,1,replicate,full",
        "21,200,5,9,1,2,circular,3", "20,64,6,6,2,1,zeros,valid", "64,79,9,5,1,3,reflect,2", "17,16,5,5,1,1,zeros,0",
        "9,5,5,5,1,1,zeros,same"})
    void separableVectorPassesGiveThePlainPassesBits(int h, int w, int kh, int kw, int s, int d, String mode, String pad) {
        assumeTrue(VectorPath.available(), "the vector module is loaded (as the tests run)");
        Random r = new Random(h * 13L + w);
        Tensor in = RandomCases.randomTensor(r, 2, h, w);
        float[] k = new float[2 * kh * kw];
        for (int c = 0; c < 2; c++) {
            float[] u = new float[kh];
            for (int i = 0; i < kh; i++) {
                u[i] = (float) r.nextGaussian();
            }
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    k[(c * kh + i) * kw + j] = u[i] * (float) Math.sin(j + c + 1);
                }
            }
        }
        Padding p = switch (pad) {
            case "same" -> Padding.SAME;
            case "full" -> Padding.FULL;
            case "valid" -> Padding.VALID;
            default -> Padding.of(Integer.parseInt(pad));
        };
        ConvSpec spec = ConvSpec.builder(new Kernel(2, 1, kh, kw, k)).groups(2).stride(s).dilation(d).padding(p)
                .paddingMode(PaddingMode.fromId(mode)).bias(new float[] {0.25f, -1.5f}).activation(Activation.TANH).build();
        ConvPlan plan = ConvPlan.of(spec, in);
        float[][] factors = SeparableConvolution.factors(plan);
        assertTrue(factors != null, "takes the separable path");
        for (int threads : new int[] {1, 2}) {
            Tensor plain = new Tensor(plan.outChannels(), plan.outHeight(), plan.outWidth());
            Tensor vector = new Tensor(plan.outChannels(), plan.outHeight(), plan.outWidth());
            SeparableConvolution.run(plan, in, plain, factors, threads, null, false);
            SeparableConvolution.run(plan, in, vector, factors, threads, null, true);
            assertArrayEquals(plain.data(), vector.data(), threads + " threads");
            assertClose(Reference.run(plan, in), vector);
        }
    }

    @ParameterizedTest(name = "{0}x{1} rank-one k{2}x{3} stride {4} dilation {5} {6} pad {7} depthwise {8}")
    @CsvSource({"40,50,5,5,1,1,zeros,same,1", "41,37,7,5,2,1,reflect,same,3", "30,30,15,15,1,1,replicate,full,1",
        "33,45,5,9,3,2,circular,3,2", "20,64,6,6,2,2,zeros,valid,1", "64,20,9,5,1,3,reflect,2,3"})
    void separablePathMatchesReference(int h, int w, int kh, int kw, int s, int d, String mode, String pad, int channels) {
        Random r = new Random(h * 7L + kh);
        float[] k = new float[channels * kh * kw];
        for (int c = 0; c < channels; c++) {
            float[] u = new float[kh];
            float[] v = new float[kw];
            for (int i = 0; i < kh; i++) {
                u[i] = (float) r.nextGaussian();
            }
            for (int j = 0; j < kw; j++) {
                v[j] = (float) r.nextGaussian();
            }
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    k[(c * kh + i) * kw + j] = u[i] * v[j];
                }
            }
        }
        Padding p = switch (pad) {
            case "same" -> Padding.SAME;
            case "full" -> Padding.FULL;
            case "valid" -> Padding.VALID;
            default -> Padding.of(Integer.parseInt(pad));
        };
        Tensor in = RandomCases.randomTensor(r, channels, h, w);
        ConvSpec spec = ConvSpec.builder(new Kernel(channels, 1, kh, kw, k)).groups(channels).stride(s).dilation(d)
                .padding(p).paddingMode(PaddingMode.fromId(mode)).bias(new float[channels]).activation(Activation.TANH).build();
        ConvPlan plan = ConvPlan.of(spec, in);
        assertTrue(SeparableConvolution.factors(plan) != null, "takes the separable path");
        for (int threads : new int[] {1, 2}) {
            // Within float rounding of the one order, not bit for bit: only where a caller allows it.
            assertClose(Reference.run(plan, in), ConvEngine.run(plan, in, null, threads, null,
                    ConvEngine.Accuracy.SEPARABLE_ALLOWED).output());
            assertArrayEquals(Reference.run(plan, in).data(), ConvEngine.run(plan, in, threads).output().data());
        }
    }

    @Test
    void aKernelThatIsNotRankOneTakesTheGeneralPath() {
        float[] k = new float[25];
        k[0] = 1f;
        k[24] = 1f;
        ConvPlan plan = ConvPlan.of(ConvSpec.builder(new Kernel(1, 1, 5, 5, k)).build(), 1, 8, 8);
        assertTrue(SeparableConvolution.factors(plan) == null);
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
