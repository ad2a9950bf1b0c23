package org.convlens.network.grad;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** A batch's linear backward, a row at a time, gives the bits of one image at a time. */
class LinearBackwardBatchTest {
    @Test
    void aBatchGivesTheBitsOfOneImageAtATime() {
        Random r = new Random(3);
        int out = 5;
        int in = 37;
        int n = 4;
        float[] w = random(r, out * in);
        float[][] xs = new float[n][];
        float[][] gs = new float[n][];
        for (int b = 0; b < n; b++) {
            xs[b] = random(r, in);
            gs[b] = random(r, out);
        }
        gs[1][2] = 0f;
        float[] gw = random(r, out * in);
        float[] gb = random(r, out);
        float[] wantW = gw.clone();
        float[] wantB = gb.clone();
        float[][] wantIn = new float[n][in];
        for (int b = 0; b < n; b++) {
            LinearBackward.accumulate(xs[b], out, in, gs[b], wantW, wantB);
            LinearBackward.inputGradient(w, out, in, gs[b], wantIn[b]);
        }
        LinearBackward.accumulateBatch(xs, gs, n, out, in, gw, gb, new float[in + 3]);
        float[][] gotIn = new float[n][in];
        gotIn[0][0] = 7f; // overwritten
        LinearBackward.inputGradientBatch(w, out, in, gs, gotIn, n, new float[out][in]);
        assertArrayEquals(wantW, gw);
        assertArrayEquals(wantB, gb);
        for (int b = 0; b < n; b++) {
            assertArrayEquals(wantIn[b], gotIn[b], "image " + b);
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
