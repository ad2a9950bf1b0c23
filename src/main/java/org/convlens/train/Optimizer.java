package org.convlens.train;

/**
 * One optimiser step over a list of parameter arrays, as torch.optim computes it (float32):
 * <ul>
 *   <li>SGD: {@code g += wd * w; v = momentum * v + g} (v = g on the first step); {@code w -= lr * v};</li>
 *   <li>Adam (beta1 0.9, beta2 0.999, eps 1e-8): {@code g += wd * w; m = b1 m + (1 - b1) g;
 *       v = b2 v + (1 - b2) g²; w -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)}.</li>
 * </ul>
 */
final class Optimizer {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;

    private final TrainSettings.OptimizerKind kind;
    private final float momentum;
    private final float weightDecay;
    private final float[][] first;
    private final float[][] second;
    private int steps;

    /** @param sizes each parameter array's length */
    Optimizer(TrainSettings s, int[] sizes) {
        this.kind = s.optimizer();
        this.momentum = s.momentum();
        this.weightDecay = s.weightDecay();
        first = new float[sizes.length][];
        second = new float[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            first[i] = new float[sizes[i]];
            second[i] = kind == TrainSettings.OptimizerKind.ADAM ? new float[sizes[i]] : null;
        }
    }

    /** Updates {@code params[i]} from {@code grads[i]} (which it may change) with learning rate {@code lr}. */
    void step(float[][] params, float[][] grads, float lr) {
        steps++;
        if (kind == TrainSettings.OptimizerKind.SGD) {
            for (int i = 0; i < params.length; i++) {
                float[] w = params[i];
                float[] g = grads[i];
                float[] v = first[i];
                for (int j = 0; j < w.length; j++) {
                    float gj = weightDecay != 0f ? g[j] + weightDecay * w[j] : g[j];
                    if (momentum != 0f) {
                        v[j] = steps == 1 ? gj : momentum * v[j] + gj;
                        gj = v[j];
                    }
                    w[j] -= lr * gj;
                }
            }
            return;
        }
        float c1 = (float) (1 - Math.pow(BETA1, steps));
        float c2 = (float) Math.sqrt(1 - Math.pow(BETA2, steps));
        float stepSize = lr / c1;
        for (int i = 0; i < params.length; i++) {
            float[] w = params[i];
            float[] g = grads[i];
            float[] m = first[i];
            float[] v = second[i];
            for (int j = 0; j < w.length; j++) {
                float gj = weightDecay != 0f ? g[j] + weightDecay * w[j] : g[j];
                m[j] = BETA1 * m[j] + (1 - BETA1) * gj;
                v[j] = BETA2 * v[j] + (1 - BETA2) * gj * gj;
                float denom = (float) Math.sqrt(v[j]) / c2 + EPS;
                w[j] -= stepSize * m[j] / denom;
            }
        }
    }
}
