package org.convlens.ui.lesson;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.convlens.ui.grid.GridView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What issue 12's projection rules look at in the real window: the one cell size of the grids
 * on screen, and whether every playback control is in view. Shared by the tests at each screen
 * size (each runs in a JVM of its own: a headless screen keeps its first size).
 */
final class ProjectionChecks {
    /** The playback controls that must stay in view. */
    static final List<String> PLAYBACK = List.of("firstButton", "backButton", "playButton", "forwardButton",
            "lastButton", "stepLabel", "jumpField", "timeline", "speedSlider", "termPaceToggle", "settingsToggle");

    private ProjectionChecks() {
    }

    /** Lets the window settle: the fit runs after the layout pass that asked for it. */
    static void settle() {
        for (int i = 0; i < 4; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    static boolean shown(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void grids(Node n, List<GridView> out) {
        if (n instanceof GridView g && shown(g) && g.getPicture() != null) {
            out.add(g);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                grids(c, out);
            }
        }
    }

    /** The cell side every grid on the stepper shows; fails unless they share one. */
    static double cellSize(Scene scene) {
        settle();
        List<GridView> all = new ArrayList<>();
        grids(scene.lookup("#stage"), all);
        assertFalse(all.isEmpty(), "grids on screen");
        TreeSet<Double> sizes = new TreeSet<>();
        for (GridView g : all) {
            sizes.add(g.getCellSize());
        }
        assertEquals(1, sizes.size(), "all visible grids share one cell size: " + sizes);
        return sizes.first();
    }

    /** Every playback control is shown, inside the window and not under another panel. */
    static void assertPlaybackInView(FxRobot r, Scene scene, String when) {
        settle();
        Node side = scene.lookup("#lessonSide");
        Bounds panel = side != null && shown(side) ? side.localToScene(side.getLayoutBounds()) : null;
        for (String id : PLAYBACK) {
            Node n = scene.lookup("#" + id);
            Node card = scene.lookup("#cover-" + id);
            if (card != null && shown(card)) {
                // covered by an open question: its card is what is in view
                n = card;
            }
            assertTrue(n != null && shown(n), when + ": " + id + " shown");
            Bounds b = n.localToScene(n.getLayoutBounds());
            assertTrue(b.getWidth() > 0 && b.getMinX() >= -0.5 && b.getMinY() >= -0.5
                    && b.getMaxX() <= scene.getWidth() + 0.5 && b.getMaxY() <= scene.getHeight() + 0.5,
                    when + ": " + id + " inside the window: " + b);
            // not clipped by its bar
            Node bar = scene.lookup("#playbackBar");
            Bounds bb = bar.localToScene(bar.getLayoutBounds());
            assertTrue(b.getMaxX() <= bb.getMaxX() + 0.5 && b.getMaxY() <= bb.getMaxY() + 0.5,
                    when + ": " + id + " inside the playback bar: " + b + " in " + bb);
            if (panel != null && !side.isManaged()) {
                assertFalse(b.intersects(panel), when + ": " + id + " not under the lesson panel");
            }
        }
    }
}
