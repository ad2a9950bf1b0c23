package org.convlens.network.grad;

import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.Padding;
import org.convlens.engine.PaddingMode;
import org.convlens.engine.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backward steps are the convolutions the identities name, with the forward layer's own numbers. */
class BackwardStepTest {
    private static final Random R = new Random(7);

    @Test
    void inputGradientIsTheTransposedConvolutionWithTheSameKernel() {
        Kernel k = kernel(4, 2, 3, 3);
        ConvSpec spec = ConvSpec.builder(k).groups(2).stride(2).dilation(1, 2).padding(Padding.of(1, 2)).build();
        Tensor x = tensor(4, 9, 10);
        ConvPlan plan = ConvPlan.of(spec, x);
        Tensor g = tensor(plan.outChannels(), plan.outHeight(), plan.outWidth());
        BackwardStep step = ConvBackward.inputStep(plan, g);
        ConvSpec s = step.spec();
        assertTrue(s.transposed());
        assertSame(k, s.kernel());
        assertEquals(2, s.groups());
        assertEquals(2, s.strideY());
        assertEquals(2, s.dilationX());
        assertEquals(Padding.of(1, 2), s.padding());
        assertSame(g, step.input());
        assertTrue(step.outputIsGradient());
        Tensor out = step.convolve(1);
        assertArrayEquals(x.shape(), out.shape());
        assertEquals(out, step.inputGradient(out));
    }

    @Test
    void paddingCopiedFromTheInputFoldsItsGradientBack() {
        ConvSpec spec = ConvSpec.builder(kernel(1, 1, 3, 3)).padding(Padding.of(1)).paddingMode(PaddingMode.REPLICATE).build();
        Tensor x = tensor(1, 4, 4);
        ConvPlan plan = ConvPlan.of(spec, x);
        Tensor g = tensor(1, 4, 4);
        BackwardStep step = ConvBackward.inputStep(plan, g);
        assertEquals(Padding.of(0), step.spec().padding());
        assertFalse(step.outputIsGradient());
        Tensor grid = step.convolve(1);
        assertArrayEquals(new int[] {1, 6, 6}, grid.shape(), "the padded grid's gradient");
        Tensor folded = step.inputGradient(grid);
        // Replicate: the top-left input cell also holds the three padding cells around the corner.
        float corner = grid.get(0, 0, 0) + grid.get(0, 0, 1) + grid.get(0, 1, 0) + grid.get(0, 1, 1);
        assertEquals(corner, folded.get(0, 0, 0), 1e-6);
        assertEquals(grid.get(0, 2, 2), folded.get(0, 1, 1));
        // Nothing is lost: every padding cell's gradient lands on some input cell.
        assertEquals(sum(grid), sum(folded), 1e-4);
    }

    @Test
    void kernelGradientCorrelatesTheInputWithTheOutputGradient() {
        Kernel k = kernel(6, 2, 3, 2);
        ConvSpec spec = ConvSpec.builder(k).groups(2).stride(2, 1).dilation(1, 3).padding(Padding.of(1, 0, 2, 1)).build();
        Tensor x = tensor(4, 9, 11);
        ConvPlan plan = ConvPlan.of(spec, x);
        Tensor g = tensor(6, plan.outHeight(), plan.outWidth());
        BackwardStep step = ConvBackward.kernelStep(plan, x, g);
        ConvSpec s = step.spec();
        assertEquals(4, s.groups(), "one group per input channel");
        assertEquals(1, s.strideY(), "stride = the forward dilation");
        assertEquals(3, s.strideX());
        assertEquals(2, s.dilationY(), "dilation = the forward stride");
        assertEquals(1, s.dilationX());
        assertEquals(Padding.of(1, 0, 2, 1), s.padding());
        assertArrayEquals(new int[] {4 * 3, 1, plan.outHeight(), plan.outWidth()}, s.kernel().shape(),
                "each output-gradient channel once for every input channel of its group");
        assertSame(x, step.input());
        Kernel grad = step.kernelGradient(step.convolve(1));
        assertArrayEquals(k.shape(), grad.shape());
    }

    @Test
    void kernelStepOfOneInputChannelUsesTheGradientItself() {
        ConvSpec spec = ConvSpec.builder(kernel(3, 1, 3, 3)).padding(Padding.of(1)).build();
        Tensor x = tensor(1, 6, 6);
        ConvPlan plan = ConvPlan.of(spec, x);
        Tensor g = tensor(3, 6, 6);
        assertSame(g.data(), ConvBackward.kernelStep(plan, x, g).spec().kernel().data());
    }

    @Test
    void transposedLayerSwapsTheRoles() {
        ConvSpec spec = ConvSpec.builder(kernel(2, 3, 3, 3)).transposed(true).stride(2).padding(Padding.of(1))
                .outputPadding(1, 1).build();
        Tensor x = tensor(2, 4, 5);
        ConvPlan plan = ConvPlan.of(spec, x);
        Tensor g = tensor(3, plan.outHeight(), plan.outWidth());
        BackwardStep in = ConvBackward.inputStep(plan, g);
        assertFalse(in.spec().transposed(), "the gradient of a transposed convolution is an ordinary one");
        assertEquals(Padding.of(1), in.spec().padding());
        assertArrayEquals(x.shape(), in.runInputGradient(1).shape());
        BackwardStep kernel = ConvBackward.kernelStep(plan, x, g);
        assertSame(g, kernel.input(), "the output gradient is correlated with the input as the kernel");
        assertEquals(3, kernel.spec().groups());
    }

    private static double sum(Tensor t) {
        double s = 0;
        for (float v : t.data()) {
            s += v;
        }
        return s;
    }

    private static Kernel kernel(int a, int b, int h, int w) {
        return new Kernel(a, b, h, w, random(a * b * h * w));
    }

    private static Tensor tensor(int c, int h, int w) {
        return new Tensor(c, h, w, random(c * h * w));
    }

    private static float[] random(int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) R.nextGaussian();
        }
        return f;
    }
}
