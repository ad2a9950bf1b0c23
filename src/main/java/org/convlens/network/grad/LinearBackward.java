package org.convlens.network.grad;

/**
 * A fully connected layer {@code y = W x + b} backward, W being {@code out x in} row-major as
 * PyTorch's nn.Linear stores it: dL/dx = Wᵀ g, dL/dW = g xᵀ, dL/db = g.
 */
public final class LinearBackward {
    private LinearBackward() {
    }

    /** dL/dx = Wᵀ g into {@code gradIn} (length {@code in}, overwritten). */
    public static void inputGradient(float[] weight, int out, int in, float[] gradOut, float[] gradIn) {
        java.util.Arrays.fill(gradIn, 0, in, 0f);
        for (int o = 0; o < out; o++) {
            float g = gradOut[o];
            if (g == 0f) {
                continue;
            }
            int row = o * in;
            for (int i = 0; i < in; i++) {
                gradIn[i] += weight[row + i] * g;
            }
        }
    }

    /** Adds g xᵀ to {@code gradWeight} ({@code out x in}) and g to {@code gradBias} (may be null): one sample of a batch. */
    public static void accumulate(float[] x, int out, int in, float[] gradOut, float[] gradWeight, float[] gradBias) {
        for (int o = 0; o < out; o++) {
            float g = gradOut[o];
            if (gradBias != null) {
                gradBias[o] += g;
            }
            if (g == 0f) {
                continue;
            }
            int row = o * in;
            for (int i = 0; i < in; i++) {
                gradWeight[row + i] += g * x[i];
            }
        }
    }
}
