package org.convlens.ui.stepper;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StageFitTest {
    private static final StageFit.Around NOTHING_AROUND = new StageFit.Around(0, 0);

    private static double header(double s) {
        return 0.5 * s;
    }

    private static List<StageFit.Block> workedExample() {
        return List.of(StageFit.Block.of(6, 6, 0, 30), StageFit.Block.of(3, 3, 100, 60),
                StageFit.Block.of(4, 4, 0, 30));
    }

    @Test
    void smallGridsFillTheRoomWithNoCap() {
        double s = StageFit.fit(workedExample(), new StageFit.Room(3000, 1000, 10, 4, 0), StageFitTest::header);
        // the input is the tallest: 30 + 6 s + s / 2 + 4 <= 1000
        assertEquals(148, s);
    }

    @Test
    void wideGridsShareOneSmallerSizeThatFitsTheWidth() {
        List<StageFit.Block> cols = List.of(StageFit.Block.of(36, 36, 0, 0), StageFit.Block.of(5, 5, 120, 0),
                StageFit.Block.of(32, 32, 0, 0));
        StageFit.Room room = new StageFit.Room(1000, 900, 14, 8, 0);
        double s = StageFit.fit(cols, room, StageFitTest::header);
        assertTrue(StageFit.fits(cols, s, room, StageFitTest::header));
        assertFalse(StageFit.fits(cols, s + 1, room, StageFitTest::header), "the largest that fits: " + s);
        assertTrue(s > 10 && s < 14, "about 1000 / 75: " + s);
    }

    @Test
    void tallGridsFitTheHeight() {
        double s = StageFit.fit(List.of(StageFit.Block.of(4, 40, 0, 0)), new StageFit.Room(2000, 420, 0, 0, 0),
                StageFitTest::header);
        assertEquals(10, s);
    }

    @Test
    void gridsSideBySideInABoxShareTheWidth() {
        StageFit.Room room = new StageFit.Room(1000, 2000, 0, 0, 10);
        double one = StageFit.fit(List.of(StageFit.Block.of(4, 4, 0, 0)), room, x -> 0);
        double two = StageFit.fit(List.of(new StageFit.Block(4, 4, 2, 1, 0, 0, 0)), room, x -> 0);
        assertEquals(250, one);
        assertEquals(123, two, "two grids of 4 with 10 between: (1000 - 10) / 8");
        double rows = StageFit.fit(List.of(new StageFit.Block(4, 4, 1, 3, 0, 0, 20)),
                new StageFit.Room(2000, 600, 0, 0, 10), x -> 0);
        assertEquals(43, rows, "three rows of 4 with a 20 px subtitle each and 10 between: (600 - 80) / 12");
    }

    @Test
    void nothingFitsGivesTheSmallestCell() {
        assertEquals(StageFit.MIN_CELL, StageFit.fit(List.of(StageFit.Block.of(500, 500, 0, 0)),
                new StageFit.Room(100, 100, 0, 0, 0), StageFitTest::header));
    }

    @Test
    void aLowRoomGivesTheReadableFloorAndTheStageScrollsDown() {
        List<StageFit.Block> wide = List.of(StageFit.Block.of(12, 36, 0, 0));
        StageFit.Room room = new StageFit.Room(600, 600, 0, 0, 0);
        assertEquals(16, StageFit.fit(wide, room, StageFitTest::header));
        assertEquals(31, StageFit.cellSize(wide, room, NOTHING_AROUND, 1, 30.2, StageFitTest::header));
    }

    @Test
    void aRowWiderThanTheRoomAtAnySizeKeepsItsCellsAsLargeAsItsTitlesAllow() {
        // presentation beside the settings and a lesson: three titles of 200 px in 400 px of room
        List<StageFit.Block> titled = List.of(StageFit.Block.of(6, 6, 200, 0), StageFit.Block.of(3, 3, 200, 0),
                StageFit.Block.of(4, 4, 200, 0));
        StageFit.Room room = new StageFit.Room(400, 800, 0, 0, 0);
        assertEquals(StageFit.MIN_CELL, StageFit.fit(titled, room, StageFitTest::header), "nothing fits");
        double s = StageFit.cellSize(titled, room, NOTHING_AROUND, 1, 30.2, StageFitTest::header);
        assertEquals(30, s, "the input's grid as wide as its title: 6.5 s <= 200");
        assertEquals(StageFit.rowWidth(titled, StageFit.MIN_CELL, room, StageFitTest::header),
                StageFit.rowWidth(titled, s, room, StageFitTest::header), "no wider than the smallest cells made it");
        assertEquals(31, StageFit.cellSize(titled, room, NOTHING_AROUND, 1, 30.2, x -> 0), "the floor, if within");
    }

    @Test
    void theFloorNeverPushesTheRowPastTheWidth() {
        List<StageFit.Block> big = List.of(StageFit.Block.of(36, 36, 0, 0));
        StageFit.Room room = new StageFit.Room(600, 300, 0, 0, 0);
        assertEquals(16, StageFit.cellSize(big, room, NOTHING_AROUND, 1, 30.2, StageFitTest::header),
                "the width's fit: 36 x 16 + 8 <= 600");
    }

    @Test
    void zoomNeverMakesCellsSmaller() {
        // A window 1440 wide: 400 px of side panels at zoom 1 leave 1040 for the grids; at zoom z
        // the panels take 400 z and the titles grow with them.
        double previous = 0;
        for (int step = 0; step <= 13; step++) {
            double z = 1 + 0.15 * step;
            double side = 400 * z;
            List<StageFit.Block> blocks = workedExample().stream().map(b -> b.scaled(z)).toList();
            StageFit.Room room = new StageFit.Room(1440 - side, 900 - 200 * z, 14 * z, 8 * z, 0);
            double zz = z;
            double s = StageFit.cellSize(blocks, room, new StageFit.Around(side, 200 * z), z, 0,
                    x -> zz * header(x / zz));
            assertTrue(s >= previous, "zoom " + z + ": " + s + " after " + previous);
            previous = s;
        }
        assertTrue(previous > 2.5 * StageFit.fit(workedExample(), new StageFit.Room(1040, 700, 14, 8, 0),
                StageFitTest::header), "at zoom 3, about three times the cells of zoom 1");
    }
}
