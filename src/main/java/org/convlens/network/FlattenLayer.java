package org.convlens.network;

/**
 * Flattens a {@code C x H x W} map into a vector of {@code C * H * W} values in PyTorch's order
 * (channel, row, column), as {@code nn.Flatten} does to one image; a vector stays as it is.
 */
public record FlattenLayer() implements Layer {
    @Override
    public String type() {
        return "flatten";
    }
}
