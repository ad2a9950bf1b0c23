package org.convlens.network;

/**
 * The cells of one map that a chosen cell reads (looking back) or reaches (looking forward):
 * the channels involved times the rows times the columns ({@link AxisReach}), exactly, since every
 * stage reads a product of channels, rows and columns. A vector's entries are its channels (its
 * one row and column always involved).
 *
 * @param map the map's number ({@link NetworkPlan#maps()})
 * @param shape its shape
 * @param channels {@code channels[c]}: whether channel (or vector entry) c is involved (not copied)
 * @param rows the rows
 * @param cols the columns
 */
public record Region(int map, Shape shape, boolean[] channels, AxisReach rows, AxisReach cols) {
    /** Whether cell (c, y, x) is involved. */
    public boolean contains(int c, int y, int x) {
        return c >= 0 && c < channels.length && channels[c] && rows.cell(y) && cols.cell(x);
    }

    /** How many channels (or vector entries) are involved. */
    public int channelCount() {
        int n = 0;
        for (boolean b : channels) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** How many cells are involved. */
    public long cellCount() {
        return (long) channelCount() * rows.count() * cols.count();
    }
}
