package org.convlens.network.grad;

import org.convlens.engine.Activation;
import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.Padding;
import org.convlens.engine.PaddingMode;
import org.convlens.engine.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A batch on one canvas gives each image what one engine call per image gives. */
class BatchCanvasTest {
    @ParameterizedTest(name = "{0}x{1} in {2} out {3} k{4}x{5} stride {6}x{7} dilation {8}x{9} groups {10} {11} flip {12}"
            + " padding top/bottom {13}/{14}")
    @CsvSource({"14,14,8,16,3,3,1,1,1,1,1,zeros,false,1,2", "28,28,1,8,3,3,1,1,1,1,1,zeros,false,1,2",
        "11,13,2,4,3,2,2,3,1,2,2,reflect,true,1,2", "9,10,3,3,2,3,1,2,2,1,3,replicate,false,1,2",
        "12,9,4,2,3,3,3,2,1,1,2,circular,true,1,2", "7,8,2,6,1,1,2,2,1,1,1,zeros,false,1,2",
        // Zero padding as deep above as below: the input gradient's convolution crops those rows.
        "14,14,8,16,3,3,1,1,1,1,1,zeros,false,1,1", "11,13,2,4,3,2,2,3,2,2,2,zeros,true,2,2",
        "7,8,2,6,1,1,2,2,1,1,1,zeros,false,1,1"})
    void batchOnACanvasMatchesOneCallPerImage(int h, int w, int cin, int cout, int kh, int kw, int sy, int sx,
                                             int dy, int dx, int groups, String mode, boolean flip, int top, int bottom) {
        Random r = new Random(h * 100L + w * 10L + cin);
        ConvSpec spec = ConvSpec.builder(new Kernel(cout, cin / groups, kh, kw, random(r, cout * cin / groups * kh * kw)))
                .groups(groups).stride(sy, sx).dilation(dy, dx).padding(Padding.of(top, bottom, 2, 1))
                .paddingMode(PaddingMode.fromId(mode)).flip(flip).bias(random(r, cout)).build();
        ConvPlan plan = ConvPlan.of(spec, cin, h, w);
        int batch = 5;
        List<Tensor> images = new ArrayList<>();
        List<Tensor> grads = new ArrayList<>();
        for (int b = 0; b < 4; b++) { // a short batch: the fifth slot stays empty
            images.add(new Tensor(cin, h, w, random(r, cin * h * w)));
            grads.add(new Tensor(cout, plan.outHeight(), plan.outWidth(), random(r, cout * plan.outHeight() * plan.outWidth())));
        }
        BatchCanvas canvas = new BatchCanvas(plan, batch);
        Tensor in = canvas.inputCanvas(images, null);
        Tensor out = canvas.forward(in, null);
        Tensor gc = canvas.gradientCanvas(grads, null);
        List<Tensor> inputGrads = new ArrayList<>();
        for (int b = 0; b < images.size(); b++) {
            inputGrads.add(new Tensor(cin, h, w));
        }
        canvas.inputGradients(gc, inputGrads);
        float[] kernelGrad = new float[spec.kernel().size()];
        canvas.addKernelGradient(in, gc, kernelGrad);

        ConvSpec noActivation = spec.toBuilder().activation(Activation.NONE).build();
        float[] expectedKernel = new float[kernelGrad.length];
        for (int b = 0; b < images.size(); b++) {
            Tensor mine = new Tensor(cout, plan.outHeight(), plan.outWidth());
            canvas.outputOf(out, b, mine);
            assertClose("output " + b, ConvEngine.run(noActivation, images.get(b)).featureMap().data(), mine.data());
            assertClose("input gradient " + b, ConvBackward.inputGradient(plan, grads.get(b), 1).data(),
                    inputGrads.get(b).data());
            float[] k = ConvBackward.kernelGradient(plan, images.get(b), grads.get(b), 1).data();
            for (int i = 0; i < k.length; i++) {
                expectedKernel[i] += k[i];
            }
        }
        assertClose("kernel gradient", expectedKernel, kernelGrad);
    }

    /**
     * A training run's one plan reads weights the optimiser changes in place: the canvas handed
     * the same plan again is itself, and gives the new weights' outputs and gradients bit for bit
     * as a canvas made afresh from a copy of them (its input-gradient plan, which holds a turned
     * copy of the kernel, made again). Run a batch first, so that every plan is made.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "stride {0}, groups {1}")
    @CsvSource({"1,1", "2,2"})
    void theSamePlanWithWeightsChangedInPlaceGivesTheNewWeightsResults(int stride, int groups) {
        Random r = new Random(7 + stride);
        int cin = 4;
        int cout = 6;
        float[] w = random(r, cout * cin / groups * 9);
        float[] bias = random(r, cout);
        ConvSpec live = ConvSpec.builder(new Kernel(cout, cin / groups, 3, 3, w)).groups(groups).stride(stride, stride)
                .padding(Padding.of(1, 1, 1, 1)).bias(bias).build();
        ConvPlan plan = ConvPlan.of(live, cin, 10, 12);
        List<Tensor> images = new ArrayList<>();
        List<Tensor> grads = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            images.add(new Tensor(cin, 10, 12, random(r, cin * 120)));
            grads.add(new Tensor(cout, plan.outHeight(), plan.outWidth(),
                    random(r, cout * plan.outHeight() * plan.outWidth())));
        }
        BatchCanvas canvas = new BatchCanvas(plan, 3);
        float[][] before = pass(canvas, images, grads, cin);
        for (int i = 0; i < w.length; i++) {
            w[i] = w[i] * 1.5f - 0.25f;
        }
        for (int i = 0; i < bias.length; i++) {
            bias[i] += 0.5f;
        }
        BatchCanvas again = canvas.withWeightsOf(plan);
        org.junit.jupiter.api.Assertions.assertSame(canvas, again);
        float[][] now = pass(again, images, grads, cin);
        ConvSpec copy = live.toBuilder().kernel(new Kernel(cout, cin / groups, 3, 3, w.clone())).bias(bias.clone()).build();
        float[][] fresh = pass(new BatchCanvas(ConvPlan.of(copy, cin, 10, 12), 3), images, grads, cin);
        for (int k = 0; k < fresh.length; k++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(fresh[k], now[k], "part " + k);
        }
        // The output and the input gradients depend on the weights (the kernel gradient does not).
        for (int k = 0; k < 2; k++) {
            org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(before[k], now[k]),
                    "part " + k + " changed with the weights");
        }
    }

    /** Forward output canvas, input gradients of every image, kernel gradient: one batch on {@code canvas}. */
    private static float[][] pass(BatchCanvas canvas, List<Tensor> images, List<Tensor> grads, int cin) {
        Tensor in = canvas.inputCanvas(images, null);
        Tensor out = canvas.forward(in, null);
        Tensor gc = canvas.gradientCanvas(grads, null);
        List<Tensor> inputGrads = new ArrayList<>();
        for (Tensor image : images) {
            inputGrads.add(new Tensor(cin, image.height(), image.width()));
        }
        canvas.inputGradients(gc, inputGrads);
        float[] kernelGrad = new float[canvas.plan().spec().kernel().size()];
        canvas.addKernelGradient(in, gc, kernelGrad);
        List<Float> all = new ArrayList<>();
        for (Tensor t : inputGrads) {
            for (float v : t.data()) {
                all.add(v);
            }
        }
        float[] ig = new float[all.size()];
        for (int i = 0; i < ig.length; i++) {
            ig[i] = all.get(i);
        }
        return new float[][] {out.data().clone(), ig, kernelGrad};
    }

    private static void assertClose(String what, float[] want, float[] got) {
        assertEquals(want.length, got.length, what);
        for (int i = 0; i < want.length; i++) {
            float a = want[i];
            float b = got[i];
            int at = i;
            assertTrue(Math.abs(a - b) <= 1e-4f * Math.max(1f, Math.abs(a)), () -> what + " [" + at + "]: " + a + " vs " + b);
        }
    }

    private static float[] random(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }
}
