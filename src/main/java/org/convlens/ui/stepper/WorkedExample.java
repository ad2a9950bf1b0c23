package org.convlens.ui.stepper;

import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.Tensor;
import org.convlens.spec.Problem;

/**
 * The scenario the window opens with: the 6 x 6 image and the vertical-edge kernel, built here
 * (no file to read or parse before the first frame); {@code examples/vertical-edge.json} is the
 * same scenario for the command line, and a test keeps the two equal.
 */
public final class WorkedExample {
    private static final int[][] INPUT = {
        {3, 0, 1, 2, 7, 4},
        {1, 5, 8, 9, 3, 1},
        {2, 7, 2, 5, 1, 3},
        {0, 1, 3, 1, 7, 8},
        {4, 2, 1, 6, 2, 8},
        {2, 4, 5, 2, 3, 9}};
    private static final int[][] KERNEL = {{1, 0, -1}, {1, 0, -1}, {1, 0, -1}};

    private WorkedExample() {
    }

    /** A new copy of the worked example. */
    public static Problem problem() {
        Tensor input = Tensor.of(INPUT);
        return new Problem(input, ConvSpec.builder(Kernel.of(KERNEL)).build());
    }
}
