package org.convlens.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelFitTest {
    private static final float[] SOBEL = {1, 0, -1, 2, 0, -2, 1, 0, -1};

    private static Tensor randomInput(int c, int h, int w, long seed) {
        Random rnd = new Random(seed);
        float[] d = new float[c * h * w];
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextFloat() * 2f - 1f;
        }
        return new Tensor(c, h, w, d);
    }

    private static KernelFit sobelFit(long startSeed) {
        Tensor input = randomInput(1, 12, 12, 3);
        Tensor target = ConvEngine.run(ConvSpec.builder(new Kernel(1, 1, 3, 3, SOBEL.clone())).build(), input)
                .featureMap();
        ConvSpec start = ConvSpec.builder(KernelFit.randomKernel(1, 1, 3, 3, startSeed)).bias(new float[] {0.5f})
                .build();
        return new KernelFit(start, input, target, KernelFit.suggestedLearningRate(start, input, true), true);
    }

    @Test
    void convergesToSobelFromSeededRandomStart() {
        KernelFit fit = sobelFit(42);
        double startLoss = fit.current().loss();
        KernelFit.Snapshot end = fit.run(600);
        assertTrue(startLoss > 1, "the random start is far from Sobel: " + startLoss);
        assertArrayEquals(SOBEL, end.kernel().data(), 1e-3f);
        assertEquals(0f, end.bias()[0], 1e-3f);
        assertTrue(end.loss() < 1e-6, "loss " + end.loss());
    }

    @Test
    void lossFallsAtEveryStepAtTheSuggestedRate() {
        KernelFit fit = sobelFit(5);
        double previous = fit.current().loss();
        for (int i = 0; i < 200; i++) {
            double now = fit.step().loss();
            assertTrue(now <= previous, "step " + i + ": " + now + " after " + previous);
            previous = now;
        }
    }

    @Test
    void sameSeedGivesTheSameIterations() {
        KernelFit a = sobelFit(9);
        KernelFit b = sobelFit(9);
        for (int i = 0; i < 20; i++) {
            KernelFit.Snapshot sa = a.step();
            KernelFit.Snapshot sb = b.step();
            assertArrayEquals(sa.kernel().data(), sb.kernel().data());
            assertEquals(sa.loss(), sb.loss());
        }
        assertEquals(20, a.current().iteration());
    }

    @Test
    void randomKernelDependsOnlyOnTheSeed() {
        assertArrayEquals(KernelFit.randomKernel(2, 1, 3, 3, 11).data(), KernelFit.randomKernel(2, 1, 3, 3, 11).data());
        float[] w = KernelFit.randomKernel(1, 1, 5, 5, 1).data();
        for (float v : w) {
            assertTrue(v >= -1f && v < 1f);
        }
    }

    /**
     * The cross-correlation gradient against central differences of the loss, which for a
     * quadratic loss equal the derivative exactly (up to float rounding), on a layer with
     * stride, dilation, reflect padding and several channels.
     */
    @ParameterizedTest
    @ValueSource(strings = {"plain", "strided", "dilated", "reflect-same"})
    void gradientIsTheInputCorrelatedWithTheResidual(String layerName) {
        Tensor input = randomInput(2, 9, 8, 21);
        Kernel k = KernelFit.randomKernel(3, 2, 3, 2, 4);
        ConvSpec.Builder b = ConvSpec.builder(k).bias(new float[] {0.1f, -0.2f, 0.3f});
        switch (layerName) {
            case "strided" -> b.stride(2, 3).padding(Padding.of(1, 0, 2, 1));
            case "dilated" -> b.dilation(2, 3);
            case "reflect-same" -> b.padding(Padding.SAME).paddingMode(PaddingMode.REFLECT).stride(2);
            default -> { }
        }
        ConvSpec layer = b.build();
        Tensor target = randomInput(ConvPlan.of(layer, input).outChannels(), ConvPlan.of(layer, input).outHeight(),
                ConvPlan.of(layer, input).outWidth(), 8);
        float[] grad = new KernelFit(layer, input, target, 0.1, true).gradient();
        float eps = 0.01f;
        for (int i = 0; i < k.size(); i++) {
            double up = lossWith(layer, input, target, i, eps);
            double down = lossWith(layer, input, target, i, -eps);
            double numeric = (up - down) / (2 * eps);
            assertEquals(numeric, grad[i], 2e-3 * Math.max(1, Math.abs(numeric)), "weight " + i);
        }
    }

    private static double lossWith(ConvSpec layer, Tensor input, Tensor target, int index, float delta) {
        float[] w = layer.kernel().data().clone();
        w[index] += delta;
        Kernel k = layer.kernel();
        ConvSpec moved = layer.toBuilder().kernel(new Kernel(k.dim0(), k.dim1(), k.height(), k.width(), w)).build();
        return new KernelFit(moved, input, target, 0.1, true).current().loss();
    }

    @Test
    void refusesLayersThatAreNotLinearInTheirWeights() {
        Kernel k = KernelFit.randomKernel(1, 1, 3, 3, 1);
        Tensor in = randomInput(1, 6, 6, 1);
        Tensor target = new Tensor(1, 4, 4);
        ConvSpec relu = ConvSpec.builder(k).activation(Activation.RELU).build();
        assertEquals("$.activation", KernelFit.unsupportedField(relu));
        assertEquals("$.pool", KernelFit.unsupportedField(ConvSpec.builder(k).pool(PoolSpec.of(PoolSpec.Type.MAX, 2)).build()));
        assertEquals("$.flip", KernelFit.unsupportedField(ConvSpec.builder(k).flip(true).build()));
        assertThrows(IllegalArgumentException.class, () -> new KernelFit(relu, in, target, 0.1, true));
        ConvSpec plain = ConvSpec.builder(k).build();
        assertThrows(IllegalArgumentException.class, () -> new KernelFit(plain, in, new Tensor(1, 3, 3), 0.1, true));
        assertThrows(IllegalArgumentException.class, () -> new KernelFit(plain, in, target, 0, true));
    }
}
