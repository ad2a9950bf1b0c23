package org.convlens.ui.grid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text that grows with the cell and never gets unreadably small (default style: 21 px at 69.3 px cells, 9 px least). */
class TextFitTest {
    /** A bold DejaVu Sans digit is about 0.7 em wide. */
    private static final double DIGIT = 0.7;
    private static final GridStyle ST = GridStyle.DEFAULT;

    private static TextFit.Fit fit(float v, double side) {
        return TextFit.number(NumberText.cell(v), v, side, ST, DIGIT);
    }

    @Test
    void atThePreferredCellTheNumbersHaveTheStylesSize() {
        assertEquals(21, fit(5, 69.3).size());
        assertEquals(21, fit(5, 50).size());
    }

    @Test
    void largeCellsGetLargeNumbersForTheBackOfTheRoom() {
        assertEquals(36, fit(5, 120).size());
        assertEquals(60, fit(5, 200).size());
        assertTrue(fit(-12, 120).size() >= 36);
    }

    @Test
    void smallCellsGetNearlyHalfTheirSide() {
        assertEquals(13, fit(5, 30).size());
    }

    @ParameterizedTest
    @ValueSource(doubles = {6, 10, 13, 16, 20, 26, 34, 45})
    void noNumberIsDrawnBelowTheMinimum(double side) {
        for (float v : new float[] {0, 7, -7, 123, -0.333333f, 0.004f, 1234.5678f}) {
            TextFit.Fit f = fit(v, side);
            if (f != null) {
                assertTrue(f.size() >= ST.minFontSize(), v + " at " + side + ": " + f);
                assertTrue(f.text().length() * DIGIT * f.size() <= 0.9 * side + 1e-9, v + " fits " + side + ": " + f);
            }
        }
    }

    @Test
    void aLongNumberLosesDecimalsBeforeItDisappears() {
        assertEquals("\u22120.33", fit(-0.333333f, 36).text());
        assertEquals("\u22120.3", fit(-0.333333f, 30).text());
        assertEquals("\u22120.333", fit(-0.333333f, 80).text());
    }

    @Test
    void aSmallNonZeroValueNeverReadsAsZero() {
        TextFit.Fit f = fit(0.004f, 30);
        assertTrue(f == null || !f.text().equals("0"), String.valueOf(f));
        assertEquals("0", fit(0f, 30).text());
    }

    @Test
    void tinyCellsShowOnlyTheirColour() {
        assertNull(fit(123, 10));
        assertNotNull(fit(7, 14), "a one-digit number at the minimum size still fits a 14 px cell");
    }

    @Test
    void theHeaderBandGrowsWithTheCells() {
        assertEquals(Math.max(Math.min(0.7 * 69.3, 2.2 * 11.9), 13.5), TextFit.headerExtent(69.3, ST), 1e-9);
        assertTrue(TextFit.headerExtent(240, ST) > 2 * TextFit.headerExtent(69.3, ST));
        assertTrue(TextFit.headerSize(240, TextFit.headerExtent(240, ST), ST) >= 40);
        assertEquals(13.5, TextFit.headerExtent(8, ST), 1e-9);
    }

    @Test
    void crowdedCoordinatesAreWrittenEveryFewColumns() {
        GridPicture p = GridPicture.of(1, 36, new float[36]);
        assertEquals(1, TextFit.headerStride(p, 12, 40));
        assertEquals(2, TextFit.headerStride(p, 9, 13));
        assertEquals(5, TextFit.headerStride(p, 9, 6));
    }

    @Test
    void theSmallestFullCellShowsEveryNumberWholeAndOneLessDoesNot() {
        GridPicture p = GridPicture.of(1, 3, new float[] {1, -12.5f, 0.25f});
        double s = TextFit.smallestFullCell(p, ST, DIGIT);
        for (int c = 0; c < 3; c++) {
            TextFit.Fit f = TextFit.number(p.text(0, c), p.value(0, c), s, ST, DIGIT);
            assertEquals(p.text(0, c), f.text());
        }
        TextFit.Fit smaller = TextFit.number("\u221212.5", -12.5f, s - 1, ST, DIGIT);
        assertTrue(smaller == null || !smaller.text().equals("\u221212.5"), String.valueOf(smaller));
        assertEquals(12, TextFit.smallestFullCell(GridPicture.of(1, 1, new float[] {3}), ST, DIGIT));
    }
}
