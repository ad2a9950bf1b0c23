package org.convlens.engine;

import java.util.List;

/**
 * One step of pooling: the window over the activated feature map and the value it gives.
 *
 * @param index step number, 0-based, in output order (channel, row, column)
 * @param channel the channel
 * @param outY pooled row
 * @param outX pooled column
 * @param cells the window's cells, padding included (padding cells have {@code padding = true})
 * @param chosen for max pooling the index into {@code cells} of the maximum, -1 for average
 * @param sum for average pooling the sum of the cells read, NaN for max
 * @param divisor for average pooling what the sum is divided by, 0 for max
 * @param output the pooled value
 */
public record PoolStep(int index, int channel, int outY, int outX, List<Cell> cells, int chosen, float sum,
                       int divisor, float output) {

    /**
     * A window cell.
     *
     * @param y row in the feature map (negative or past the end in padding)
     * @param x column in the feature map
     * @param padding true for a padding cell (never chosen, not summed)
     * @param value the cell's value (NaN for padding)
     */
    public record Cell(int y, int x, boolean padding, float value) {
    }
}
