package org.convlens.lesson;

import org.convlens.network.NetworkMaps;
import org.convlens.network.NetworkPlan;
import org.convlens.spec.NetworkProblem;

/**
 * A network a step shows in the Network tab instead of a single layer: read from the step's
 * {@code network} (inline, in the format of a network file, or a reference to one), checked by
 * {@link NetworkPlan} and run once when the lesson loaded.
 *
 * @param file the file it was read from as the lesson names it ({@code examples/two-3x3.json}), or null when inline
 * @param problem the input and the layers
 * @param plan the checked plan: shapes, parameters, multiply-adds and receptive fields of every layer
 * @param maps every map of the forward pass
 * @param trace the cell traced when the step opens, or null
 */
public record LessonNetwork(String file, NetworkProblem problem, NetworkPlan plan, NetworkMaps maps, Trace trace) {
    /**
     * A cell whose receptive field the Network tab lights.
     *
     * @param layer the layer whose output holds the cell, 1-based as the tab numbers them (0: the input)
     * @param map the index of that map in {@link NetworkPlan#maps()}
     * @param channel the cell's channel
     * @param y its row
     * @param x its column
     */
    public record Trace(int layer, int map, int channel, int y, int x) {
    }
}
