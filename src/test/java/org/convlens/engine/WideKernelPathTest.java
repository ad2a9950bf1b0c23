package org.convlens.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wide-kernel path (kernel rows far longer than output rows: a kernel gradient's shape)
 * against the reference loop, over strides, dilations, groups, padding modes and an activation;
 * parallel output equal to serial output. Its sums run in another order than the trace's, so only
 * a run that allows it ({@link ConvEngine.Accuracy#SEPARABLE_ALLOWED}) takes it.
 */
class WideKernelPathTest {
    @ParameterizedTest(name = "{0}x{1} in {2} out {3} kernel {4}x{5} stride {6}x{7} dilation {8}x{9} groups {10} {11}")
    @CsvSource({"16,300,1,4,14,296,1,1,1,1,1,zeros", "16,300,8,128,14,290,1,1,1,1,8,zeros",
        "20,200,2,3,7,64,1,3,2,3,1,reflect", "9,200,3,6,3,99,2,1,1,2,3,replicate", "12,180,2,2,5,160,1,2,1,1,2,circular",
        "5,100,1,1,5,100,1,1,1,1,1,zeros", "8,1200,2,3,3,1100,1,1,1,1,1,zeros", "9,1100,1,2,4,1030,1,1,1,1,1,zeros"})
    void matchesTheReferenceLoop(int h, int w, int cin, int cout, int kh, int kw, int sy, int sx, int dy, int dx,
                                 int groups, String mode) {
        Random r = new Random(h * 1000L + w + kw);
        // Small whole numbers: every sum is exact in float32, whatever the order of the terms.
        Tensor in = new Tensor(cin, h, w, ints(r, cin * h * w));
        ConvSpec spec = ConvSpec.builder(new Kernel(cout, cin / groups, kh, kw, ints(r, cout * cin / groups * kh * kw)))
                .groups(groups).stride(sy, sx).dilation(dy, dx).padding(Padding.of(1, 0, 2, 1))
                .paddingMode(PaddingMode.fromId(mode)).bias(ints(r, cout)).activation(Activation.TANH).build();
        ConvPlan plan = ConvPlan.of(spec, in);
        assertTrue(WideKernelConvolution.applies(plan), "takes the wide-kernel path");
        assertEquals(WorkEstimate.Path.WIDE_KERNEL, WorkEstimate.of(plan, 1, false, true).path());
        Tensor one = ConvEngine.run(plan, in, null, 1, null, ConvEngine.Accuracy.SEPARABLE_ALLOWED).output();
        assertArrayEquals(Reference.run(plan, in).data(), one.data());
        for (int threads : new int[] {2, 3}) {
            assertArrayEquals(one.data(), ConvEngine.run(plan, in, null, threads, null,
                    ConvEngine.Accuracy.SEPARABLE_ALLOWED).output().data(), threads + " threads");
        }
    }

    /**
     * Unpadded, dilation 1 across (a kernel gradient's own shape): the vector path reads the input
     * in place, four channels by three columns where they fit and cell by cell elsewhere.
     */
    @ParameterizedTest(name = "{0}x{1} in {2} out {3} kernel {4}x{5} stride {6}x{7} dilation {8} groups {9}")
    @CsvSource({"16,1026,1,16,14,1024,1,1,1,1", "30,1922,1,8,28,1920,1,1,1,1", "16,300,8,12,14,296,1,1,1,4",
        "20,205,2,6,7,199,1,1,2,2", "17,200,3,5,5,190,2,2,1,1", "9,140,1,7,4,133,1,1,1,1", "12,330,2,4,6,300,3,3,1,2"})
    void readsTheInputInPlace(int h, int w, int cin, int cout, int kh, int kw, int sy, int sx, int dy, int groups) {
        Random r = new Random(h * 977L + w + kw);
        Tensor in = new Tensor(cin, h, w, ints(r, cin * h * w));
        ConvSpec spec = ConvSpec.builder(new Kernel(cout, cin / groups, kh, kw, ints(r, cout * cin / groups * kh * kw)))
                .groups(groups).stride(sy, sx).dilation(dy, 1).bias(ints(r, cout)).activation(Activation.TANH).build();
        ConvPlan plan = ConvPlan.of(spec, in);
        assertTrue(WideKernelConvolution.applies(plan) && WideKernelConvolution.readsInPlace(plan));
        Tensor ref = Reference.run(plan, in);
        for (boolean vector : new boolean[] {false, VectorPath.available()}) {
            Tensor one = WideKernelConvolution.run(plan, in, new Tensor(cout, plan.outHeight(), plan.outWidth()), 1, null,
                    vector);
            // Small whole numbers: every order of the sums gives the reference's values.
            assertArrayEquals(ref.data(), one.data(), "vector " + vector);
            Tensor two = WideKernelConvolution.run(plan, in, new Tensor(cout, plan.outHeight(), plan.outWidth()), 3, null,
                    vector);
            assertArrayEquals(one.data(), two.data(), "vector " + vector + ", 3 threads");
        }
    }

    @org.junit.jupiter.api.Test
    void theVectorPathsSumsAreCloseOnFractions() {
        // Fractions: the reordered sum is within float rounding of the reference, and the same every run.
        Random r = new Random(11);
        Tensor in = RandomCases.randomTensor(r, 2, 16, 1030);
        ConvPlan plan = ConvPlan.of(ConvSpec.builder(RandomCases.random(r, 9, 2, 14, 1027)).build(), in);
        assertTrue(WideKernelConvolution.readsInPlace(plan) && WideKernelConvolution.applies(plan));
        Tensor ref = Reference.run(plan, in);
        Tensor a = WideKernelConvolution.run(plan, in, new Tensor(9, plan.outHeight(), plan.outWidth()), 1, null,
                VectorPath.available());
        Tensor b = WideKernelConvolution.run(plan, in, new Tensor(9, plan.outHeight(), plan.outWidth()), 2, null,
                VectorPath.available());
        assertArrayEquals(a.data(), b.data());
        for (int i = 0; i < ref.data().length; i++) {
            assertEquals(ref.data()[i], a.data()[i], 1e-3 * (1 + Math.abs(ref.data()[i])), "cell " + i);
        }
    }

    @org.junit.jupiter.api.Test
    void anExactRunNeverTakesIt() {
        Random r = new Random(3);
        Tensor in = new Tensor(1, 16, 300, ints(r, 16 * 300));
        ConvPlan plan = ConvPlan.of(ConvSpec.builder(new Kernel(4, 1, 14, 296, ints(r, 4 * 14 * 296))).build(), in);
        assertTrue(WideKernelConvolution.applies(plan));
        // Whichever exact path the engine picks for it (FAST, or CHANNELS for several output channels), never this one.
        assertNotEquals(WorkEstimate.Path.WIDE_KERNEL, WorkEstimate.of(plan, 1, false, false).path());
        assertArrayEquals(Reference.run(plan, in).data(), ConvEngine.run(plan, in, 1).output().data());
    }

    private static float[] ints(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(7) - 3;
        }
        return a;
    }
}
