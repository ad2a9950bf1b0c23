package org.convlens.lesson;

import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.KernelFit;
import org.convlens.engine.Tensor;

/**
 * Training live: the step's kernel starts random and gradient descent fits it (and the bias) so
 * its feature map matches the map a target kernel makes on the step's input.
 *
 * @param start the layer at the start: the step's settings with the seeded random kernel
 * @param input the step's input
 * @param targetKernel the kernel that made the target
 * @param target the target feature map, made by the engine
 * @param seed the seed of the random start
 * @param iterations how many steps the demonstration runs
 * @param learningRate the step size
 * @param fitBias whether the bias is learnt too
 * @param result the state after {@code iterations} steps (computed when loading)
 */
public record FitDemo(ConvSpec start, Tensor input, Kernel targetKernel, Tensor target, long seed, int iterations,
                      double learningRate, boolean fitBias, KernelFit.Snapshot result) {
    /** A fresh fit at iteration 0, for playing the demonstration. */
    public KernelFit newFit() {
        return newFit(learningRate);
    }

    /** A fresh fit at iteration 0 with another learning rate (the student's choice). */
    public KernelFit newFit(double rate) {
        return new KernelFit(start, input, target, rate, fitBias);
    }
}
