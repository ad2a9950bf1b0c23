package org.convlens.network;

/**
 * One map a network computes (every intermediate map is kept): the input is map 0, then each
 * stage's output. A conv layer that pools makes two maps (its feature map, then the pooled one);
 * every other layer makes one.
 *
 * @param index the map's number: 0 for the input
 * @param layer the layer that made it, -1 for the input
 * @param made the stage that made it
 * @param shape its shape
 * @param field the receptive field of its cells, null where there is none (see {@link ReceptiveField})
 */
public record MapInfo(int index, int layer, StageKind made, Shape shape, ReceptiveField field) {
}
