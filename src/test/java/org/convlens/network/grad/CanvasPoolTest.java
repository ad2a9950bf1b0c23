package org.convlens.network.grad;

import org.convlens.engine.Activation;
import org.convlens.engine.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ReLU and 2 x 2 max pooling on the canvas, and their backward pass, give the bits of the long
 * way: each image's map copied out, ReLU, {@link PoolBackward#maxWithIndices}, then
 * {@link PoolBackward#scatterMax}, {@link ActivationBackward} and {@link BatchCanvas#gradientCanvas}.
 * The values are drawn from a few so that windows hold ties, zeros of both signs and negatives.
 */
class CanvasPoolTest {
    @ParameterizedTest(name = "{0} channels {1}x{2}, pitch {3}, {4} images in a canvas of {5}")
    @CsvSource({"8,28,28,30,3,4", "16,14,14,16,4,4", "3,7,9,11,2,3", "2,2,2,4,1,1"})
    void onTheCanvasGivesTheLongWaysBits(int c, int oh, int ow, int pitch, int images, int batch) {
        Random r = new Random(c * 1000L + oh * 10L + ow);
        float[] pool = {0f, -0f, 1f, 1f, 2f, -1f, 0.5f, 3f, -2f};
        int outWidth = batch * pitch - 2;
        Tensor canvasOut = new Tensor(c, oh, outWidth);
        for (int i = 0; i < canvasOut.data().length; i++) {
            canvasOut.data()[i] = pool[r.nextInt(pool.length)];
        }
        int ph = oh / 2;
        int pw = ow / 2;
        Tensor gradCanvas = new Tensor(c, oh, batch * pitch);
        float[] bias = new float[c];
        List<Tensor> longGrads = new ArrayList<>();
        for (int b = 0; b < images; b++) {
            Tensor pooled = new Tensor(c, ph, pw);
            CanvasPool.reluMaxPool(canvasOut, b * pitch, oh, ow, pooled);
            Tensor fm = new Tensor(c, oh, ow);
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < oh; y++) {
                    System.arraycopy(canvasOut.data(), (ch * oh + y) * outWidth + b * pitch, fm.data(), (ch * oh + y) * ow, ow);
                }
            }
            Activation.RELU.applyInPlace(fm.data(), 0, fm.data().length);
            Tensor want = new Tensor(c, ph, pw);
            byte[] which = new byte[c * ph * pw];
            PoolBackward.maxWithIndices(fm, want, which);
            assertArrayEquals(want.data(), pooled.data(), "pooled image " + b);

            Tensor g = new Tensor(c, ph, pw);
            for (int i = 0; i < g.data().length; i++) {
                g.data()[i] = r.nextInt(7) - 3;
            }
            CanvasPool.scatterReluMax(canvasOut, g, pooled, gradCanvas, b * pitch, oh, bias);
            Tensor gFm = new Tensor(c, oh, ow);
            PoolBackward.scatterMax(g, which, gFm);
            ActivationBackward.backward(Activation.RELU, null, fm.data(), gFm.data(), gFm.data(), gFm.data().length);
            longGrads.add(gFm);
        }
        Tensor want = new Tensor(c, oh, batch * pitch);
        for (int b = 0; b < images; b++) {
            float[] g = longGrads.get(b).data();
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < oh; y++) {
                    System.arraycopy(g, (ch * oh + y) * ow, want.data(), (ch * oh + y) * batch * pitch + b * pitch, ow);
                }
            }
        }
        assertArrayEquals(want.data(), gradCanvas.data(), "gradient canvas");
        for (int ch = 0; ch < c; ch++) {
            double s = 0;
            for (Tensor t : longGrads) {
                for (int i = ch * oh * ow; i < (ch + 1) * oh * ow; i++) {
                    s += t.data()[i];
                }
            }
            assertEquals(s, bias[ch], 0, "bias " + ch);
        }
    }

    @ParameterizedTest(name = "{0} channels {1}x{2}, pitch {3}, {4} images")
    @CsvSource({"8,28,28,30,16", "16,14,14,16,16", "3,7,9,11,5", "2,6,5,7,3", "4,4,4,6,1"})
    void aBatchGivesTheBitsOfImageByImageCalls(int c, int oh, int ow, int pitch, int images) {
        Random r = new Random(c * 7L + pitch);
        float[] pool = {0f, -0f, 1f, 1f, 2f, -1f, 0.5f, 3f, -2f};
        int width = images * pitch;
        Tensor canvasOut = new Tensor(c, oh, width);
        for (int i = 0; i < canvasOut.data().length; i++) {
            canvasOut.data()[i] = pool[r.nextInt(pool.length)];
        }
        Tensor[] batched = new Tensor[images];
        Tensor[] grads = new Tensor[images];
        Tensor oneByOneCanvas = new Tensor(c, oh, width);
        float[] oneByOneBias = new float[c];
        for (int b = 0; b < images; b++) {
            batched[b] = new Tensor(c, oh / 2, ow / 2);
            Tensor single = new Tensor(c, oh / 2, ow / 2);
            CanvasPool.reluMaxPool(canvasOut, b * pitch, oh, ow, single);
            grads[b] = new Tensor(c, oh / 2, ow / 2);
            for (int i = 0; i < grads[b].data().length; i++) {
                grads[b].data()[i] = r.nextInt(7) - 3;
            }
            CanvasPool.scatterReluMax(canvasOut, grads[b], single, oneByOneCanvas, b * pitch, oh, oneByOneBias);
        }
        CanvasPool batch = new CanvasPool(c, oh, ow, pitch, images);
        batch.pool(canvasOut, 0, batched, images);
        Tensor batchCanvas = new Tensor(c, oh, width);
        float[] batchBias = new float[c];
        batch.scatter(canvasOut, grads, batched, batchCanvas, 0, batchBias, images);
        for (int b = 0; b < images; b++) {
            Tensor single = new Tensor(c, oh / 2, ow / 2);
            CanvasPool.reluMaxPool(canvasOut, b * pitch, oh, ow, single);
            assertArrayEquals(single.data(), batched[b].data(), "image " + b);
        }
        assertArrayEquals(oneByOneCanvas.data(), batchCanvas.data(), "gradient canvas");
        assertArrayEquals(oneByOneBias, batchBias, "bias");
    }

    @Test
    void aNaNInAWindowPoolsToNaNAsInPyTorch() {
        Tensor canvasOut = new Tensor(1, 2, 4, new float[] {1f, -Float.NaN, 2f, 3f, 0f, 5f, -1f, Float.NaN});
        Tensor pooled = new Tensor(1, 1, 2);
        CanvasPool.reluMaxPool(canvasOut, 0, 2, 4, pooled);
        assertTrue(Float.isNaN(pooled.data()[0]) && Float.isNaN(pooled.data()[1]));
    }
}
