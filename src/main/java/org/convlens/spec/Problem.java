package org.convlens.spec;

import org.convlens.engine.ConvSpec;
import org.convlens.engine.Tensor;

/**
 * What a spec file describes: an input and the layer settings to apply to it.
 *
 * @param input the input tensor, C x H x W
 * @param spec the settings
 */
public record Problem(Tensor input, ConvSpec spec) {
}
