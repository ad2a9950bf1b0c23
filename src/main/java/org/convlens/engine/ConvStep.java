package org.convlens.engine;

import java.util.List;

/**
 * One step of a convolution: the output cell it fills and every term of its multiply-sum, in
 * the order they are added (input channel slice, then kernel row, then kernel column).
 *
 * @param index step number, 0-based, in output order (channel, row, column)
 * @param outChannel output channel
 * @param outY output row
 * @param outX output column
 * @param terms every input x weight product with the running sum after it
 * @param sum the sum of the products
 * @param bias this output channel's bias
 * @param preActivation sum + bias
 * @param output the activation of preActivation: the value of the output cell
 */
public record ConvStep(int index, int outChannel, int outY, int outX, List<Term> terms, float sum, float bias,
                       float preActivation, float output) {

    /**
     * One product of the window.
     *
     * @param inChannel the input channel read
     * @param slice the kernel slice (input channel within the group)
     * @param ky kernel row
     * @param kx kernel column
     * @param vy row in the virtual (padded) grid
     * @param vx column in the virtual grid
     * @param y row relative to the input (negative or past the end in padding)
     * @param x column relative to the input
     * @param kind whether the cell is input, padding or an inserted zero
     * @param sourceY the input row whose value the cell holds, -1 for a zero
     * @param sourceX the input column whose value the cell holds, -1 for a zero
     * @param value the cell's value
     * @param weight the kernel weight
     * @param product value x weight
     * @param runningSum the sum so far, this product included
     */
    public record Term(int inChannel, int slice, int ky, int kx, int vy, int vx, int y, int x, CellKind kind,
                       int sourceY, int sourceX, float value, float weight, float product, float runningSum) {
    }
}
