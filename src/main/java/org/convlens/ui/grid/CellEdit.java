package org.convlens.ui.grid;

import java.util.function.BiPredicate;

/**
 * An edit in progress: the cell being edited and the shape of the grid when the edit began. The
 * grid may change while the editor is open (a step, a setting changed by a key, a lesson); an
 * edit is committed only to the cell it began on, in a grid of the same shape where that cell can
 * still be edited: otherwise it is dropped, so a typed value never lands on a cell that no
 * longer exists or now means something else (issue 14: an edit committed after the grid shrank).
 *
 * @param row   the cell's row
 * @param col   the cell's column
 * @param rows  rows of the grid when the edit began
 * @param cols  columns of the grid when the edit began
 * @param typed true when the edit began with a typed character (the caret goes after it), false
 *              when it began on the cell's own text (which is selected)
 */
public record CellEdit(int row, int col, int rows, int cols, boolean typed) {
    public CellEdit {
        if (row < 0 || col < 0 || row >= rows || col >= cols) {
            throw new IllegalArgumentException("cell " + row + ", " + col + " is outside a " + rows + "x" + cols
                    + " grid");
        }
    }

    /** An edit of cell (r, c) of {@code p}. */
    public static CellEdit of(GridPicture p, int r, int c, boolean typed) {
        return new CellEdit(r, c, p.rows(), p.cols(), typed);
    }

    /** Row-major index of the cell. */
    public int index() {
        return row * cols + col;
    }

    /**
     * True when this edit may still be committed to {@code p}: same shape, and the cell still
     * editable according to {@code editable} (asked only when the shape matches).
     */
    public boolean appliesTo(GridPicture p, BiPredicate<Integer, Integer> editable) {
        return p != null && p.rows() == rows && p.cols() == cols && (editable == null || editable.test(row, col));
    }
}
