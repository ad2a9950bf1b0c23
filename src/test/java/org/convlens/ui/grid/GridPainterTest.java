package org.convlens.ui.grid;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the painter draws for a cell and what a change repaints, without a window. */
class GridPainterTest {
    private static final GridStyle ST = GridStyle.DEFAULT;
    private final GridPainter painter = new GridPainter(ST, 0.7);

    /** A 6 x 6 input with a padding ring, values -9..9, a 3 x 3 window at (wy, wx), outputs pending from {@code pendingFrom}. */
    private static GridPicture frame(int wy, int wx, int pendingFrom) {
        GridPicture.Builder b = GridPicture.builder(6, 6);
        for (int i = 0; i < 36; i++) {
            int y = i / 6;
            int x = i % 6;
            float v = (i * 7) % 19 - 9;
            b.value(i, v, NumberText.cell(v));
            if (y == 0 || x == 0 || y == 5 || x == 5) {
                b.kind(i, GridPicture.PADDING);
            }
            if (y >= wy && y < wy + 3 && x >= wx && x < wx + 3) {
                b.flag(i, CellFlags.IN_WINDOW);
            }
            if (i >= pendingFrom) {
                b.flag(i, CellFlags.PENDING);
            }
        }
        return b.inner(1, 5, 1, 5).scale(9).build();
    }

    @Test
    void valuesRunFromTheNegativeColourThroughTheCellColourToThePositiveOne() {
        GridPicture p = GridPicture.builder(1, 3).value(0, -9, "-9").value(1, 0, "0").value(2, 9, "9").scale(9)
                .noHeaders().build();
        assertEquals(ST.cellFill(), GridPainter.fill(p, 0, 1, ST));
        assertEquals(ST.cellFill().interpolate(ST.negativeFill(), 0.85), GridPainter.fill(p, 0, 0, ST));
        assertEquals(ST.cellFill().interpolate(ST.positiveFill(), 0.85), GridPainter.fill(p, 0, 2, ST));
    }

    @Test
    void statesTintTheCellAndPendingReplacesItsFill() {
        GridPicture p = frame(0, 0, 35);
        Color plainPadding = GridPainter.fill(frame(3, 3, 36), 0, 0, ST);
        Color inWindow = GridPainter.fill(p, 0, 0, ST);
        assertEquals(GridPainter.blend(plainPadding, ST.state(0).fill()), inWindow);
        assertEquals(ST.state(5).fill(), GridPainter.fill(frame(0, 0, 20), 3, 2, ST));
        assertEquals(GridPainter.blend(ST.state(5).fill(), ST.paddingFill()), GridPainter.fill(frame(0, 0, 20), 5, 5, ST));
    }

    @Test
    void numbersOnDarkCellsAreDrawnInTheLightColour() {
        GridStyle dark = new GridStyle(Color.web("#2e2e2e"), Color.web("#f5f5f5"), Color.WHITE, ST.gridLine(), 1,
                Color.web("#0b2f6b"), ST.positiveFill(), ST.paddingFill(), ST.paddingBorder(), ST.paddingText(),
                ST.insertedFill(), ST.insertedText(), ST.innerLine(), ST.headerText(), ST.fontFamily(), ST.fontSize(),
                ST.headerFontSize(), ST.minFontSize(), ST.prefCell(), ST.minCell(), ST.states());
        GridPicture p = GridPicture.builder(1, 2).value(0, -9, "-9").value(1, 0, "0").scale(9).build();
        assertEquals(Color.WHITE, new GridPainter(dark, 0.7).look(p, 0, 0, 60).textFill());
        assertEquals(Color.WHITE, new GridPainter(dark, 0.7).look(p, 0, 1, 60).textFill(), "a dark theme cell is dark");
        assertEquals(ST.textFill(), painter.look(p, 0, 1, 60).textFill());
    }

    @Test
    void paddingNumbersAreItalicInTheirOwnColourAndPendingCellsShowNone() {
        GridPicture p = frame(3, 3, 35);
        GridPainter.Look pad = painter.look(p, 0, 2, 60);
        assertTrue(pad.italic());
        assertEquals(ST.paddingText(), pad.textFill());
        assertEquals(p.text(0, 2), pad.text().text());
        assertNull(painter.look(p, 5, 5, 60).text());
    }

    @Test
    void theStrongestOutlineIsDrawnLastAndStatesWithoutOneAreSkipped() {
        int flags = CellFlags.CURRENT | CellFlags.IN_WINDOW | CellFlags.SELECTED | CellFlags.UNCOVERED;
        assertArrayEquals(new int[] {7, 0, 1}, GridPainter.outlines(flags, ST));
        assertEquals(5, GridPainter.outlineWidth(5, 60));
        assertEquals(2, GridPainter.outlineWidth(5, 10), "at most a fifth of a small cell");
    }

    @Test
    void aStepRepaintsOnlyTheCellsItChanged() {
        GridPicture before = frame(1, 1, 30);
        GridPicture after = frame(1, 2, 31);
        int[] changed = GridPainter.changedCells(before, after);
        // the window leaves column 1 and enters column 4 (3 cells each), and cell 30 is computed
        assertArrayEquals(new int[] {7, 10, 13, 16, 19, 22, 30}, changed);
        assertArrayEquals(new int[0], GridPainter.changedCells(after, frame(1, 2, 31)));
    }

    @Test
    void anotherShapeScaleOrManyChangesRedrawsEverything() {
        GridPicture p = frame(1, 1, 36);
        assertNull(GridPainter.changedCells(null, p));
        assertNull(GridPainter.changedCells(p, GridPicture.of(5, 5, new float[25])));
        GridPicture.Builder b = GridPicture.builder(6, 6);
        for (int i = 0; i < 36; i++) {
            b.value(i, i, NumberText.cell(i));
        }
        assertNull(GridPainter.changedCells(p, b.inner(1, 5, 1, 5).scale(9).build()), "every value changed");
        assertNull(GridPainter.changedCells(p, frame(1, 1, 20)), "16 of 36 cells changed");
        assertNotEquals(List.of(), List.of(GridPainter.changedCells(p, frame(1, 1, 30))));
    }
}
