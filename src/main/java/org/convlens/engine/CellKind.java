package org.convlens.engine;

/** What a cell of the (padded, possibly zero-inserted) grid a kernel slides over is. */
public enum CellKind {
    /** A cell of the input itself. */
    INPUT,
    /** A padding cell; its value comes from the padding mode. */
    PADDING,
    /** A zero a transposed convolution's stride inserts between input cells. */
    INSERTED
}
