package org.convlens.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * The two worked examples every textbook uses. The expected grids are the textbooks' own
 * (Ng's deep learning course; Dumoulin and Visin), not values taken from this engine.
 */
class TextbookExamplesTest {
    @Test
    void verticalEdgeKernelOnSixBySix() {
        Tensor in = Tensor.of(new int[][] {{3, 0, 1, 2, 7, 4}, {1, 5, 8, 9, 3, 1}, {2, 7, 2, 5, 1, 3},
                {0, 1, 3, 1, 7, 8}, {4, 2, 1, 6, 2, 8}, {2, 4, 5, 2, 3, 9}});
        ConvSpec spec = ConvSpec.builder(Kernel.of(new int[][] {{1, 0, -1}, {1, 0, -1}, {1, 0, -1}})).build();
        float[][] want = {{-5, -4, 0, 8}, {-10, -2, 2, 3}, {0, -2, -4, -7}, {-3, -2, -3, -16}};
        assertArrayEquals(want, ConvEngine.run(spec, in).output().rows(0));
        assertArrayEquals(want, Reference.run(ConvPlan.of(spec, in), in).rows(0));
    }

    @Test
    void oneToNineWithTwoByTwoKernel() {
        Tensor in = Tensor.of(new int[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        ConvSpec spec = ConvSpec.builder(Kernel.of(new int[][] {{1, 2}, {3, 4}})).build();
        float[][] want = {{37, 47}, {67, 77}};
        assertArrayEquals(want, ConvEngine.run(spec, in).output().rows(0));
        assertArrayEquals(want, Reference.run(ConvPlan.of(spec, in), in).rows(0));
    }
}
