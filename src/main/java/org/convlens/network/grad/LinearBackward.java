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

    /**
     * {@link #accumulate} for images {@code [0, n)} of a batch in order, each weight getting the
     * same additions in the same order, a row at a time: the row is copied out and back, so that
     * the loop indexes every array alike, which C2 vectorises (it did not with the row's offset:
     * 6x slower).
     *
     * @param xs each image's input
     * @param gradOuts each image's dL/dy
     * @param row scratch of at least {@code in} floats
     */
    public static void accumulateBatch(float[][] xs, float[][] gradOuts, int n, int out, int in, float[] gradWeight,
                                       float[] gradBias, float[] row) {
        for (int o = 0; o < out; o++) {
            System.arraycopy(gradWeight, o * in, row, 0, in);
            for (int b = 0; b < n; b++) {
                float g = gradOuts[b][o];
                if (gradBias != null) {
                    gradBias[o] += g;
                }
                if (g == 0f) {
                    continue;
                }
                float[] x = xs[b];
                for (int i = 0; i < in; i++) {
                    row[i] += g * x[i];
                }
            }
            System.arraycopy(row, 0, gradWeight, o * in, in);
        }
    }

    /**
     * {@link #inputGradient} for images {@code [0, n)} of a batch, the same values, with W's rows
     * copied once into {@code rows} ({@code out} arrays of at least {@code in} floats) so the loop
     * vectorises.
     */
    public static void inputGradientBatch(float[] weight, int out, int in, float[][] gradOuts, float[][] gradIns, int n,
                                          float[][] rows) {
        for (int o = 0; o < out; o++) {
            System.arraycopy(weight, o * in, rows[o], 0, in);
        }
        for (int b = 0; b < n; b++) {
            float[] gi = gradIns[b];
            java.util.Arrays.fill(gi, 0, in, 0f);
            for (int o = 0; o < out; o++) {
                float g = gradOuts[b][o];
                if (g == 0f) {
                    continue;
                }
                float[] w = rows[o];
                for (int i = 0; i < in; i++) {
                    gi[i] += w[i] * g;
                }
            }
        }
    }
}
