package org.convlens.ui.grid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where cells are: no window needed. */
class GridGeometryTest {
    private static GridGeometry layout(int rows, int cols, double w, double h, double requested) {
        return GridGeometry.layout(rows, cols, w, h, requested, s -> 0.5 * s, 1);
    }

    @Test
    void withNoSizeSetCellsFillTheSpaceWithNoUpperLimit() {
        GridGeometry g = layout(3, 3, 1000, 1000, Double.NaN);
        // the band for a first guess of 1000 / 3, then the cells in what is left
        assertEquals(Math.ceil(0.5 * 1000 / 3), g.header());
        assertEquals(Math.floor((1000 - g.header()) / 3), g.cell());
        assertTrue(g.cell() > 3 * GridStyle.DEFAULT.prefCell(), "no cap at the preferred side");
    }

    @Test
    void theCallersSizeIsKeptWhenItFitsAndShrunkWhenItDoesNot() {
        assertEquals(40, layout(5, 5, 1000, 1000, 40).cell());
        GridGeometry small = layout(5, 5, 200, 200, 120);
        assertTrue(small.cell() < 120 && small.cell() * 5 + small.header() <= 200, small.toString());
    }

    @Test
    void cellsAreCentredAcrossOnWholePixels() {
        GridGeometry g = layout(2, 4, 501, 300, 50);
        assertEquals(g.header() + Math.floor((501 - g.header() - 200) / 2), g.originX());
        assertEquals(g.header(), g.originY());
        assertEquals(Math.floor(g.originX()), g.originX());
    }

    /** Columns 0..4 of 20 px from x = 30: each cell owns its left line; the outer edge is the last cell's. */
    @ParameterizedTest
    @CsvSource({"30, 0", "49.9, 0", "50, 1", "51, 1", "69.5, 1", "70, 2", "129.9, 4", "130, 4", "131, -1", "29.9, -1"})
    void aPointOnAGridLineBelongsToOneCell(double x, int col) {
        GridGeometry g = new GridGeometry(3, 5, 20, 0, 30, 10, 7, 1);
        assertEquals(col < 0 ? -1 : 2 * 5 + col, g.cellAt(x, 55));
    }

    @Test
    void tilesAreAbout150PixelsAndCoverEveryCellOnce() {
        GridGeometry g = layout(36, 36, 1400, 900, 14);
        assertEquals(11, g.tileCells());
        assertEquals(16, g.tileCount());
        int[] cover = new int[g.tileCount()];
        for (int r = 0; r < 36; r++) {
            for (int c = 0; c < 36; c++) {
                int t = g.tileOf(r, c);
                cover[t]++;
                assertTrue(g.cellX(c) >= g.tileX(t) && g.cellX(c) + 14 <= g.tileX(t) + g.tileWidth(t));
                assertTrue(g.cellY(r) >= g.tileY(t) && g.cellY(r) + 14 <= g.tileY(t) + g.tileHeight(t));
            }
        }
        assertEquals(11 * 11, cover[0]);
        assertEquals(3 * 3, cover[15]);
        // the last tiles also hold the outer edge line
        assertEquals(3 * 14 + 1, g.tileWidth(15));
        assertEquals(11 * 14, g.tileWidth(0));
    }
}
