package org.convlens.network.grad;

/**
 * The losses a network's output is judged by, each with its gradient for that output: the sum of
 * every output value, and softmax cross-entropy against one class (PyTorch's F.cross_entropy on
 * one sample: {@code log(sum exp z) - z[k]}, gradient {@code softmax(z) - onehot(k)}).
 */
public final class Losses {
    private Losses() {
    }

    /** The sum of every value; its gradient (all ones) into {@code grad} when not null. */
    public static float sum(float[] values, float[] grad) {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        if (grad != null) {
            java.util.Arrays.fill(grad, 0, values.length, 1f);
        }
        return (float) s;
    }

    /** softmax(z): each class's probability, computed stably (the largest logit subtracted first). */
    public static float[] softmax(float[] logits) {
        float[] p = new float[logits.length];
        softmax(logits, p);
        return p;
    }

    private static double softmax(float[] z, float[] p) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : z) {
            sum += Math.exp((double) v - max);
        }
        for (int i = 0; i < z.length; i++) {
            p[i] = (float) (Math.exp((double) z[i] - max) / sum);
        }
        return max + Math.log(sum);
    }

    /**
     * Softmax cross-entropy of {@code logits} against class {@code k}; writes
     * {@code scale * (softmax - onehot(k))} into {@code grad} when not null (a batch mean passes 1/B).
     *
     * @throws IllegalArgumentException if {@code k} is not a class index
     */
    public static float crossEntropy(float[] logits, int k, float[] grad, float scale) {
        if (k < 0 || k >= logits.length) {
            throw new IllegalArgumentException("class " + k + " is not in 0.." + (logits.length - 1));
        }
        float[] p = grad != null ? grad : new float[logits.length];
        double logSumExp = softmax(logits, p);
        if (grad != null) {
            grad[k] -= 1f;
            // Times 1 changes no value: no branch on the scale (a training step's and a test
            // pass's differ, and a branch taken one way for a whole epoch is compiled that way).
            for (int i = 0; i < grad.length; i++) {
                grad[i] *= scale;
            }
        }
        return (float) (logSumExp - logits[k]);
    }
}
