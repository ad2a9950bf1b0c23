package org.convlens.ui.grid;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridFitTest {
    private static double header(double s) {
        return 0.5 * s;
    }

    @Test
    void smallGridsGetThePreferredSize() {
        List<GridFit.Column> cols = List.of(new GridFit.Column(6, 6, 0, 1), new GridFit.Column(3, 3, 100, 1),
                new GridFit.Column(4, 4, 0, 1));
        assertEquals(46, GridFit.cellSize(cols, 2000, 1000, 10, 4, 46, GridFitTest::header));
    }

    @Test
    void wideGridsShareOneSmallerSizeThatFitsTheWidth() {
        List<GridFit.Column> cols = List.of(new GridFit.Column(36, 36, 0, 1), new GridFit.Column(5, 5, 120, 1),
                new GridFit.Column(32, 32, 0, 1));
        double s = GridFit.cellSize(cols, 1000, 900, 14, 8, 46, GridFitTest::header);
        assertTrue(GridFit.fits(cols, s, 1000, 900, 14, 8, GridFitTest::header));
        assertTrue(!GridFit.fits(cols, s + 1, 1000, 900, 14, 8, GridFitTest::header), "the largest that fits: " + s);
        assertTrue(s > 10 && s < 14, "about 1000 / 75: " + s);
    }

    @Test
    void tallGridsFitTheHeight() {
        List<GridFit.Column> cols = List.of(new GridFit.Column(4, 40, 0, 1));
        double s = GridFit.cellSize(cols, 2000, 420, 0, 0, 46, GridFitTest::header);
        assertEquals(10, s);
    }

    @Test
    void nothingFitsGivesTheSmallestCell() {
        assertEquals(GridFit.MIN_CELL, GridFit.cellSize(List.of(new GridFit.Column(500, 500, 0, 1)), 100, 100, 0, 0,
                46, GridFitTest::header));
    }
}
