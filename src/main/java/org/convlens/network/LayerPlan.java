package org.convlens.network;

import org.convlens.engine.ConvPlan;

/**
 * One layer of a checked network, with what a summary table shows.
 *
 * @param index the layer's number in the file ({@code $.layers[index]})
 * @param layer the layer
 * @param in the shape it reads
 * @param out the shape it makes
 * @param conv for a conv layer its checked plan (the single-layer engine's), else null
 * @param params parameters: a conv layer's {@code Cout x Cin/groups x kh x kw} weights plus
 *     {@code Cout} biases, a linear layer's {@code in x out + out}; 0 for the rest
 * @param macs multiply-adds of one forward pass: conv {@code Cout x Hout x Wout x Cin/groups x kh x kw}
 *     (for a transposed layer counted on the zero-inserted grid the engine slides over), linear
 *     {@code in x out}; 0 for the rest
 * @param activationBytes float32 bytes of the maps this layer outputs (a pooling conv layer's
 *     feature map and pooled map; flatten's vector too, as frameworks count it)
 * @param field the receptive field of its output's cells, or null (see {@link ReceptiveField})
 * @param firstMap the first map it makes (a pooling conv layer makes two)
 * @param lastMap its output map
 */
public record LayerPlan(int index, Layer layer, Shape in, Shape out, ConvPlan conv, long params, long macs,
                        long activationBytes, ReceptiveField field, int firstMap, int lastMap) {
    /** The layer's type name: conv, activation, pool, flatten, linear. */
    public String type() {
        return layer.type();
    }

    /** The JSON path of this layer in a network file. */
    public String path() {
        return Network.path(index);
    }
}
