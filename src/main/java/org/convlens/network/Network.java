package org.convlens.network;

import java.util.List;
import java.util.Objects;

/**
 * A network: the shape of its input and its layers in order. Checked against each other by
 * {@link NetworkPlan#of(Network)}.
 *
 * @param input the input's shape, {@code C x H x W}
 * @param layers the layers, first to last (copied into an unmodifiable list)
 */
public record Network(Shape input, List<Layer> layers) {
    public Network {
        Objects.requireNonNull(input, "input");
        layers = List.copyOf(layers);
    }

    /** The JSON path of layer {@code i} in a network file, {@code $.layers[i]}. */
    public static String path(int i) {
        return "$.layers[" + i + "]";
    }
}
