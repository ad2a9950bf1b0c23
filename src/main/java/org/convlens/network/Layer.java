package org.convlens.network;

/**
 * One layer of a {@link Network}. The types are those of a network file's {@code "type"}:
 * {@code conv} (the default), {@code activation}, {@code pool}, {@code flatten}, {@code linear}.
 */
public sealed interface Layer permits ConvLayer, ActivationLayer, PoolLayer, FlattenLayer, LinearLayer {
    /** The type's name in a network file. */
    String type();
}
