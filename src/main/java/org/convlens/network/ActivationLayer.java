package org.convlens.network;

import org.convlens.engine.Activation;

import java.util.Objects;

/**
 * An activation on its own: the function applied to every value, the shape unchanged.
 *
 * @param activation the function
 */
public record ActivationLayer(Activation activation) implements Layer {
    public ActivationLayer {
        Objects.requireNonNull(activation, "activation");
    }

    @Override
    public String type() {
        return "activation";
    }
}
