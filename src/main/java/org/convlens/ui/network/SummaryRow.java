package org.convlens.ui.network;

import org.convlens.network.LayerPlan;
import org.convlens.network.NetworkPlan;
import org.convlens.network.ReceptiveField;

/**
 * One line of the Network tab's summary table, as torchsummary prints it with the receptive field
 * added: what a layer outputs, what it costs and what each of its cells sees.
 *
 * @param index the layer's number from 1, or 0 for the totals
 * @param type conv, pool, activation, flatten, linear (or "total")
 * @param shape its output's shape
 * @param params parameters
 * @param macs multiply-adds of one forward pass
 * @param bytes float32 bytes of its output maps
 * @param field the receptive field of its output's cells, or null
 */
public record SummaryRow(int index, String type, String shape, long params, long macs, long bytes,
                         ReceptiveField field) {
    static SummaryRow of(LayerPlan l, ReceptiveField field) {
        return new SummaryRow(l.index() + 1, l.type(), l.out().toString(), l.params(), l.macs(), l.activationBytes(),
                field);
    }

    static SummaryRow total(NetworkPlan p) {
        return new SummaryRow(0, "total", p.output().toString(), p.parameters(), p.macs(), p.activationBytes(), null);
    }

    /** The field's size, {@code 5 x 5}, or "" when there is none. */
    public String fieldSize() {
        return field == null ? "" : field.rows().size() + " \u00d7 " + field.cols().size();
    }

    /** The field's jump, {@code 2 x 2}, or "". */
    public String fieldJump() {
        return field == null ? "" : field.rows().jump() + " \u00d7 " + field.cols().jump();
    }

    /** Where cell (0, 0)'s field starts, {@code (−2, −2)} (negative: in the padding), or "". */
    public String fieldStart() {
        return field == null ? "" : "(" + minus(field.rows().start()) + ", " + minus(field.cols().start()) + ")";
    }

    private static String minus(long v) {
        return v < 0 ? "\u2212" + (-v) : Long.toString(v);
    }
}
