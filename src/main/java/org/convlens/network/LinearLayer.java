package org.convlens.network;

import org.convlens.engine.Activation;
import org.convlens.engine.SpecException;

import java.util.Arrays;
import java.util.Objects;

/**
 * A fully connected layer, {@code y = W x + b} then the activation, as PyTorch's {@code nn.Linear}:
 * {@code weight} is {@code outFeatures x inFeatures} row-major (row {@code o} holds the weights of
 * output {@code o}), {@code bias} one value per output. The arrays are owned (not copied): do not
 * change them afterwards.
 *
 * @param outFeatures outputs
 * @param inFeatures inputs (the length of the vector it reads)
 * @param weight {@code outFeatures * inFeatures} weights
 * @param bias {@code outFeatures} biases
 * @param activation applied to each output
 */
public record LinearLayer(int outFeatures, int inFeatures, float[] weight, float[] bias, Activation activation)
        implements Layer {
    /**
     * @throws IllegalArgumentException if the sizes do not match
     * @throws SpecException naming {@code $.weight} or {@code $.bias} for a value that is not finite
     */
    public LinearLayer {
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(bias, "bias");
        Objects.requireNonNull(activation, "activation");
        if (outFeatures < 1 || inFeatures < 1 || (long) outFeatures * inFeatures != weight.length) {
            throw new IllegalArgumentException("weight has " + weight.length + " values, not " + outFeatures + " x "
                    + inFeatures);
        }
        if (bias.length != outFeatures) {
            throw new IllegalArgumentException("bias has " + bias.length + " values, not " + outFeatures);
        }
        for (float w : weight) {
            if (!Float.isFinite(w)) {
                throw new SpecException("$.weight", "error.notFinite");
            }
        }
        for (float b : bias) {
            if (!Float.isFinite(b)) {
                throw new SpecException("$.bias", "error.notFinite");
            }
        }
    }

    /** A layer with no bias (all zero) and no activation. */
    public static LinearLayer of(int outFeatures, int inFeatures, float[] weight) {
        return new LinearLayer(outFeatures, inFeatures, weight, new float[outFeatures], Activation.NONE);
    }

    /** The weight joining input {@code i} to output {@code o}. */
    public float weight(int o, int i) {
        return weight[o * inFeatures + i];
    }

    @Override
    public String type() {
        return "linear";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearLayer l && l.outFeatures == outFeatures && l.inFeatures == inFeatures
                && Arrays.equals(l.weight, weight) && Arrays.equals(l.bias, bias) && l.activation.equals(activation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outFeatures, inFeatures, Arrays.hashCode(weight), Arrays.hashCode(bias), activation);
    }

    @Override
    public String toString() {
        return "LinearLayer[" + outFeatures + " x " + inFeatures + ", " + activation + "]";
    }
}
