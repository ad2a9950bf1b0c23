package org.convlens.network;

/**
 * The geometry of one stage between map {@code index} and map {@code index + 1}: what the field
 * tracer needs. {@code rows} and {@code cols} are set for convolution and pooling; channel
 * {@code c} of the output reads the input channels of its group,
 * {@code [(c / outPerGroup) * inPerGroup, + inPerGroup)} (pooling and activations: channel c alone;
 * linear: all).
 */
record Stage(int index, int layer, StageKind kind, Shape in, Shape out, AxisWindows rows, AxisWindows cols,
             int inPerGroup, int outPerGroup) {
    /** A stage that keeps each value in place: an activation. */
    static Stage elementwise(int index, int layer, StageKind kind, Shape shape) {
        return new Stage(index, layer, kind, shape, shape, null, null, 1, 1);
    }

    /** True for a stage that slides windows (convolution, transposed convolution, pooling). */
    boolean windowed() {
        return rows != null;
    }
}
