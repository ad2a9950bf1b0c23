package org.convlens.network;

import org.convlens.engine.ConvSpec;

import java.util.Objects;

/**
 * A convolution layer: exactly a single-layer spec without its input (kernel, bias, stride,
 * padding, padding mode, dilation, groups, flip, transposed, output padding, activation, pool),
 * its stages run in the same order: pad, convolve (+ bias), activate, pool.
 *
 * @param spec the layer's settings
 */
public record ConvLayer(ConvSpec spec) implements Layer {
    public ConvLayer {
        Objects.requireNonNull(spec, "spec");
    }

    @Override
    public String type() {
        return "conv";
    }
}
