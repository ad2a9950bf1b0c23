package org.convlens.network;

/**
 * The receptive field of every cell of one map, per axis, as Araujo, Norris and Sim compute it
 * ("Computing receptive fields of convolutional neural networks", Distill 2019): cell {@code y}
 * of the map depends on input rows {@code start + y * jump} to {@code start + y * jump + size - 1}
 * (padding positions included, so the range can reach below 0 or past the input's end).
 *
 * <p>A convolution or pooling stage with kernel {@code k}, dilation {@code d}, stride {@code s}
 * and top/left padding {@code p} does {@code size += d(k - 1) jump}, {@code start -= p jump},
 * {@code jump *= s}; an activation changes nothing. After {@code flatten} or {@code linear} every
 * value depends on the whole input, and after a transposed convolution the cells of one map no
 * longer share one (size, jump, start): which input cells one output reads depends on its position
 * modulo the stride. There the field is null (the exact cells of any one cell are still known:
 * see {@link FieldTracer}).
 *
 * @param rows the field along the height
 * @param cols the field along the width
 */
public record ReceptiveField(Axis rows, Axis cols) {
    /** The input's own field: each cell sees itself. */
    public static final ReceptiveField INPUT = new ReceptiveField(new Axis(1, 1, 0), new Axis(1, 1, 0));

    /**
     * One axis of the field.
     *
     * @param size input rows (or columns) one cell's field spans, padding positions included
     * @param jump input rows between the fields of neighbouring cells: the product of the strides so far
     * @param start input coordinate where cell 0's field begins (negative: in the padding)
     */
    public record Axis(long size, long jump, long start) {
        /** After a stage with kernel k, dilation d, stride s and padding p before the input. */
        public Axis then(int k, int d, int s, int p) {
            return new Axis(size + (long) d * (k - 1) * jump, jump * s, start - p * jump);
        }

        /** The first input coordinate cell {@code i}'s field covers. */
        public long first(int i) {
            return start + i * jump;
        }

        /** The last input coordinate cell {@code i}'s field covers. */
        public long last(int i) {
            return first(i) + size - 1;
        }
    }

    ReceptiveField then(AxisWindows y, AxisWindows x) {
        return new ReceptiveField(rows.then(y.kernel(), y.dilation(), y.stride(), y.before()),
                cols.then(x.kernel(), x.dilation(), x.stride(), x.before()));
    }
}
