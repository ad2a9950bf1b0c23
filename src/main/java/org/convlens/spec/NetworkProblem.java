package org.convlens.spec;

import org.convlens.engine.Tensor;
import org.convlens.network.Network;

/**
 * What a network file describes: an input and the layers to run on it.
 *
 * @param input the input tensor, C x H x W
 * @param network the layers, with the input's shape
 */
public record NetworkProblem(Tensor input, Network network) {
}
