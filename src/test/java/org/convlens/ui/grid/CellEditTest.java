package org.convlens.ui.grid;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An edit lands only on the cell it began on (issue 14: an edit committed after the grid shrank). */
class CellEditTest {
    private static GridPicture grid(int rows, int cols) {
        return GridPicture.of(rows, cols, new float[rows * cols]);
    }

    @Test
    void anEditAppliesToAGridOfTheSameShapeWhereTheCellIsEditable() {
        CellEdit e = CellEdit.of(grid(6, 6), 5, 4, false);
        assertTrue(e.appliesTo(grid(6, 6), (r, c) -> true));
        assertEquals(34, e.index());
    }

    @Test
    void anEditIsDroppedWhenTheGridChangedShape() {
        CellEdit e = CellEdit.of(grid(6, 6), 5, 4, false);
        assertFalse(e.appliesTo(grid(4, 4), (r, c) -> true), "shrunk: the cell is gone");
        assertFalse(e.appliesTo(grid(6, 5), (r, c) -> true), "narrower");
        assertFalse(e.appliesTo(grid(8, 8), (r, c) -> true), "grown: cell (5, 4) means another input cell");
        assertFalse(e.appliesTo(null, (r, c) -> true));
    }

    @Test
    void anEditIsDroppedWhenTheCellCanNoLongerBeEdited() {
        CellEdit e = CellEdit.of(grid(6, 6), 0, 0, true);
        assertFalse(e.appliesTo(grid(6, 6), (r, c) -> r > 0), "now a padding cell");
    }

    @Test
    void theEditablePredicateIsNotAskedAboutACellOutsideTheGrid() {
        CellEdit e = CellEdit.of(grid(6, 6), 5, 5, false);
        assertFalse(e.appliesTo(grid(3, 3), (r, c) -> {
            throw new ArrayIndexOutOfBoundsException("asked about " + r + ", " + c);
        }));
    }

    @Test
    void anEditMustBeginOnACellOfTheGrid() {
        assertThrows(IllegalArgumentException.class, () -> new CellEdit(6, 0, 6, 6, false));
        assertThrows(IllegalArgumentException.class, () -> new CellEdit(0, -1, 6, 6, false));
    }
}
