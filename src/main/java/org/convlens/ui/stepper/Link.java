package org.convlens.ui.stepper;

/**
 * The cell the user points at (hover) or clicked, whose connections light up.
 *
 * @param grid which grid
 * @param row row in that grid as drawn (the virtual, padded grid for the input)
 * @param col column as drawn
 */
public record Link(Grid grid, int row, int col) {
    /** The grids of the stepper. */
    public enum Grid {
        INPUT, KERNEL, OUTPUT, POOLED
    }
}
