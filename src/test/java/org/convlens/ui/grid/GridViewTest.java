package org.convlens.ui.grid;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.convlens.ui.Views;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grid control: what it draws after a change is what it draws fresh, pixel for pixel. */
@ExtendWith(ApplicationExtension.class)
class GridViewTest {
    private GridView stepped;
    private GridView fresh;

    @Start
    void start(Stage stage) {
        stepped = new GridView();
        fresh = new GridView();
        for (GridView g : new GridView[] {stepped, fresh}) {
            g.cellSizeProperty().set(28);
            g.setFocusTraversable(false);
        }
        HBox box = new HBox(20, stepped, fresh);
        box.getStylesheets().setAll(Views.css("theme-light"));
        stage.setScene(new Scene(box, 1100, 650));
        stage.show();
    }

    /** A 20 x 20 picture with a padding ring, a 5 x 5 window at (wy, wx), some uncovered and pending cells. */
    private static GridPicture picture(int wy, int wx, int pendingFrom, float changed) {
        Random r = new Random(5);
        GridPicture.Builder b = GridPicture.builder(20, 20);
        for (int i = 0; i < 400; i++) {
            float v = i == 45 ? changed : r.nextInt(19) - 9;
            b.value(i, v, NumberText.cell(v));
            int y = i / 20;
            int x = i % 20;
            if (y == 0 || x == 0 || y == 19 || x == 19) {
                b.kind(i, GridPicture.PADDING);
            }
            if (y >= wy && y < wy + 5 && x >= wx && x < wx + 5) {
                b.flag(i, CellFlags.IN_WINDOW);
            }
            if (y == wy + 2 && x == wx + 2) {
                b.flag(i, CellFlags.CURRENT);
            }
            if (x == 18) {
                b.flag(i, CellFlags.UNCOVERED);
            }
            if (i >= pendingFrom) {
                b.flag(i, CellFlags.PENDING);
            }
        }
        return b.inner(1, 19, 1, 19).scale(9).build();
    }

    private static int[] pixels(GridView g) {
        WritableImage img = g.snapshot(null, null);
        PixelReader pr = img.getPixelReader();
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] px = new int[w * h + 2];
        px[0] = w;
        px[1] = h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[2 + y * w + x] = pr.getArgb(x, y);
            }
        }
        return px;
    }

    @Test
    void drawingOnlyTheChangedCellsGivesTheSamePixelsAsDrawingAfresh(FxRobot robot) {
        robot.interact(() -> {
            stepped.setPicture(picture(3, 4, 300, 2));
            fresh.setPicture(picture(3, 4, 300, 2));
        });
        long before = stepped.incrementalDrawCount();
        // a step: the window moves one cell right, one more output is filled, a value is edited
        robot.interact(() -> stepped.setPicture(picture(3, 5, 301, -7)));
        robot.interact(() -> {
            fresh.setPicture(null);
            fresh.setPicture(picture(3, 5, 301, -7));
        });
        assertTrue(stepped.incrementalDrawCount() > before, "the step was drawn incrementally");
        int[][] px = new int[2][];
        robot.interact(() -> {
            px[0] = pixels(stepped);
            px[1] = pixels(fresh);
            if (System.getProperty("gridview.dump") != null) {
                try {
                    org.convlens.ui.export.ImageExport.png(stepped, java.nio.file.Path.of("/tmp/stepped.png"));
                    org.convlens.ui.export.ImageExport.png(fresh, java.nio.file.Path.of("/tmp/fresh.png"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        assertEquals(px[1][0], px[0][0]);
        assertEquals(px[1][1], px[0][1]);
        int differing = 0;
        StringBuilder where = new StringBuilder();
        for (int i = 2; i < px[0].length; i++) {
            if (px[0][i] != px[1][i]) {
                if (differing < 8) {
                    int k = i - 2;
                    where.append(String.format(" (%d, %d) %08x/%08x", k % px[0][0], k / px[0][0], px[0][i], px[1][i]));
                }
                differing++;
            }
        }
        assertEquals(0, differing, "pixels that differ, first at" + where);
    }

    @Test
    void cellCentresMapBackToTheirCells(FxRobot robot) {
        robot.interact(() -> stepped.setPicture(picture(0, 0, 400, 1)));
        robot.moveTo(stepped.cellCenterOnScreen(7, 11));
        assertEquals(7 * 20 + 11, stepped.hoveredCellProperty().get());
        robot.clickOn(stepped.cellCenterOnScreen(2, 3));
        assertEquals(2 * 20 + 3, stepped.clickedCellProperty().get());
    }
}
