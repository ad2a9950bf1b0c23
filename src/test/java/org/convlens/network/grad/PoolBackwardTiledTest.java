package org.convlens.network.grad;

import org.convlens.engine.PoolSpec;
import org.convlens.engine.Pooling;
import org.convlens.engine.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The branch-free 2 x 2 max pooling backward (given the pooled map) sends each gradient where
 * the searching one does (itself checked against autograd, ties and NaN included).
 */
class PoolBackwardTiledTest {
    @ParameterizedTest(name = "{0}x{1}x{2} nan {3}")
    @CsvSource({"3,8,8,false", "2,7,9,false", "4,6,6,true", "1,2,2,false", "2,5,4,true"})
    void sameAsTheSearch(int c, int h, int w, boolean nan) {
        Random r = new Random(c * 100 + h * 10 + w);
        float[] v = new float[c * h * w];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(3) - 1; // many ties
        }
        v[3] = -0f;
        if (nan) {
            v[v.length / 2] = Float.NaN;
        }
        Tensor in = new Tensor(c, h, w, v);
        PoolSpec p = PoolSpec.of(PoolSpec.Type.MAX, 2);
        int[] shape = PoolBackward.outputShape(p, c, h, w);
        Tensor pooled = Pooling.pool(p, in, new Tensor(shape[0], shape[1], shape[2]), 1);
        float[] g = new float[pooled.data().length];
        for (int i = 0; i < g.length; i++) {
            g[i] = i + 1;
        }
        Tensor gradOut = new Tensor(shape[0], shape[1], shape[2], g);
        Tensor want = PoolBackward.backward(p, in, gradOut);
        Tensor got = new Tensor(c, h, w);
        java.util.Arrays.fill(got.data(), 9f);
        PoolBackward.backward(p, in, pooled, gradOut, got);
        assertArrayEquals(want.data(), got.data());
        // Pooling that records its choices, then a scatter: the same pooled map and gradient.
        assertTrue(PoolBackward.tiledMax2x2(p, h, w));
        Tensor mine = new Tensor(shape[0], shape[1], shape[2]);
        byte[] which = new byte[mine.data().length];
        PoolBackward.maxWithIndices(in, mine, which);
        for (int i = 0; i < mine.data().length; i++) {
            // Equal as numbers (a window of -0 and 0 may give either zero).
            float x = pooled.data()[i];
            float y = mine.data()[i];
            assertTrue(x == y || x != x && y != y, i + ": " + x + " vs " + y);
        }
        Tensor scattered = new Tensor(c, h, w);
        java.util.Arrays.fill(scattered.data(), 9f);
        PoolBackward.scatterMax(gradOut, which, scattered);
        assertArrayEquals(want.data(), scattered.data());
    }
}
