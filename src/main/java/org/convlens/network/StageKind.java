package org.convlens.network;

import org.convlens.engine.Named;

/** What made a map of a network: the input itself, or the stage of a layer that computed it. */
public enum StageKind implements Named {
    /** The network's input. */
    INPUT("input"),
    /** A convolution with its bias and activation (the feature map, before any pooling of the layer). */
    CONV("conv"),
    /** A transposed convolution with its bias and activation. */
    TRANSPOSED("transposed"),
    /** Max or average pooling (a pool layer, or a conv layer's pool stage). */
    POOL("pool"),
    /** An activation layer. */
    ACTIVATION("activation"),
    /** A flatten layer. */
    FLATTEN("flatten"),
    /** A linear layer with its bias and activation. */
    LINEAR("linear");

    private final String id;

    StageKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
