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

    @Test
    void aClickNearACellBorderSelectsTheCellUnderTheMouse(FxRobot robot) {
        robot.interact(() -> stepped.setPicture(picture(0, 0, 400, 1)));
        javafx.geometry.Point2D centre = stepped.cellCenterOnScreen(2, 3);
        double half = stepped.cellSize() / 2;
        // one pixel inside the right and the bottom border of cell (2, 3), where the grid's
        // padding once shifted the click into the next cell
        for (javafx.geometry.Point2D at : new javafx.geometry.Point2D[] {centre.add(half - 1, 0),
            centre.add(0, half - 1), centre.add(-half + 0.5, 0)}) {
            robot.interact(stepped::clearClicked);
            robot.moveTo(at);
            assertEquals(2 * 20 + 3, stepped.hoveredCellProperty().get(), "hovered at " + at);
            robot.clickOn(at);
            assertEquals(2 * 20 + 3, stepped.clickedCellProperty().get(), "clicked at " + at);
        }
    }

    @Test
    void anEditIsDroppedWhenTheGridShrinksWhileTheEditorIsOpen(FxRobot robot) {
        java.util.List<String> commits = new java.util.ArrayList<>();
        robot.interact(() -> {
            stepped.setPicture(picture(0, 0, 400, 1));
            stepped.setCellEditor((r, c, t) -> {
                commits.add(r + "," + c + "=" + t);
                return null;
            });
            org.junit.jupiter.api.Assertions.assertTrue(stepped.startEdit(18, 17, "5"));
        });
        assertTrue(stepped.isEditing());
        assertTrue(stepped.editor().isVisible());
        // a setting changed by a key while the editor is open: the grid shrinks to 6 x 6
        robot.interact(() -> stepped.setPicture(GridPicture.of(6, 6, new float[36])));
        assertTrue(!stepped.isEditing() && !stepped.editor().isVisible(), "the editor closed");
        robot.interact(() -> assertTrue(stepped.commitEdit()));
        robot.type(javafx.scene.input.KeyCode.ENTER);
        assertEquals(java.util.List.of(), commits, "nothing committed to a cell that is gone");
        robot.interact(stepped::cancelEdit);
    }

    @Test
    void anEditIsDroppedWhenItsCellCanNoLongerBeEditedAndCommittedOtherwise(FxRobot robot) {
        java.util.List<String> commits = new java.util.ArrayList<>();
        boolean[] editable = {true};
        robot.interact(() -> {
            stepped.setPicture(picture(0, 0, 400, 1));
            stepped.setEditableCell((r, c) -> editable[0]);
            stepped.setCellEditor((r, c, t) -> {
                commits.add(r + "," + c + "=" + t);
                return null;
            });
            stepped.startEdit(4, 5, "7");
            editable[0] = false;
            assertTrue(stepped.commitEdit());
            assertTrue(!stepped.isEditing());
            editable[0] = true;
            stepped.startEdit(4, 5, "8");
            // a step: same shape, other flags; the edit stays open and lands on its cell
            stepped.setPicture(picture(0, 1, 400, 1));
            assertTrue(stepped.isEditing());
            assertTrue(stepped.commitEdit());
            stepped.setEditableCell((r, c) -> true);
        });
        assertEquals(java.util.List.of("4,5=8"), commits);
    }

    @Test
    void coloursWidthsAndSizesComeFromCssProperties(FxRobot robot) {
        robot.interact(() -> {
            stepped.setStyle("-cell-in-window-border-width: 7px; -cell-current-fill: #123456; -cell-pref-size: 3em;");
            stepped.applyCss();
        });
        GridStyle st = stepped.getGridStyle();
        assertEquals(7, st.state(0).borderWidth());
        assertEquals(javafx.scene.paint.Color.web("#123456"), st.state(1).fill());
        assertEquals(3 * javafx.scene.text.Font.getDefault().getSize(), st.prefCell(), 1e-9, "em follows the font");
        assertEquals(javafx.scene.paint.Color.web("#d55e00"), st.state(0).border(), "the light theme's -cl-window");
        assertEquals("DejaVu Sans", st.fontFamily());
        robot.interact(() -> stepped.setStyle(""));
    }

    @Test
    void tooltipsShowTheTrueMinusSign(FxRobot robot) {
        robot.interact(() -> {
            stepped.setPicture(picture(0, 0, 400, 1));
            stepped.cellTooltipProperty().set((r, c) -> "padding at row " + (r - 1) + ", column " + (c - 1) + ": -2");
        });
        robot.moveTo(stepped.cellCenterOnScreen(0, 1));
        String tip = ((GridViewSkin) stepped.getSkin()).tooltip().getText();
        assertEquals("padding at row \u22121, column 0: \u22122", tip);
        robot.interact(() -> stepped.cellTooltipProperty().set(null));
    }
}
