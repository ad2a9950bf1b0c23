package org.convlens.network.grad;

import org.convlens.engine.Activation;

/**
 * The activations' derivatives, as PyTorch's autograd takes them: relu from its output
 * ({@code a > 0}: gradient passes, so none at 0), leaky_relu from its input ({@code z > 0 ? 1 : slope},
 * so the slope at 0), sigmoid as {@code a (1 - a)} and tanh as {@code 1 - a²} from the output.
 */
public final class ActivationBackward {
    private ActivationBackward() {
    }

    /**
     * Writes dL/dz into {@code out[0, n)} from dL/da in {@code grad}, for {@code a = act(z)}.
     *
     * @param pre z, the values before the activation; only leaky_relu with a negative slope needs them
     *            (its output does not tell the sign of z), otherwise may be null
     * @param post a, the values after the activation; may be null for none and leaky_relu when {@code pre} is given
     * @param out may be {@code grad} itself
     */
    public static void backward(Activation act, float[] pre, float[] post, float[] grad, float[] out, int n) {
        switch (act.type()) {
            case NONE:
                if (out != grad) {
                    System.arraycopy(grad, 0, out, 0, n);
                }
                return;
            case RELU:
                // Without a branch: about half the values are zero in no pattern, and this loop
                // stood out in a profile of training with the branch. A relu output is never
                // negative, so "a > 0" is "its bits, as an int, are positive": -bits >> 31 is then
                // all ones (a mask that keeps the gradient), else zero.
                for (int i = 0; i < n; i++) {
                    int mask = -Float.floatToRawIntBits(post[i]) >> 31;
                    out[i] = Float.intBitsToFloat(Float.floatToRawIntBits(grad[i]) & mask);
                }
                return;
            case LEAKY_RELU:
                float s = act.slope();
                if (pre == null && s < 0f) {
                    throw new IllegalArgumentException("leaky_relu with a negative slope needs the values before it");
                }
                float[] z = pre != null ? pre : post;
                for (int i = 0; i < n; i++) {
                    out[i] = z[i] > 0f ? grad[i] : grad[i] * s;
                }
                return;
            case SIGMOID:
                for (int i = 0; i < n; i++) {
                    float a = post[i];
                    out[i] = grad[i] * (1f - a) * a;
                }
                return;
            case TANH:
                for (int i = 0; i < n; i++) {
                    float a = post[i];
                    out[i] = grad[i] * (1f - a * a);
                }
                return;
            default:
                throw new AssertionError(act);
        }
    }
}
