package org.convlens.ui.compare;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.convlens.ui.WindowFixture;
import org.convlens.ui.grid.GridView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Compare tab on a 1920 x 1080 screen (the surefire execution {@code screen-1920x1080}): both
 * panes share one cell size; F5 and zoom make it larger, never smaller. Prints the sizes and
 * writes the window to target/screens/ to look at.
 */
@EnabledIfSystemProperty(named = "headless.geometry", matches = "1920x1080.*")
@ExtendWith(ApplicationExtension.class)
class CompareFullHdScreenTest {
    private WindowFixture app;

    @Start
    void start(Stage stage) throws Exception {
        app = WindowFixture.start(stage, "compare-fullhd", false);
    }

    private double cells() {
        for (int i = 0; i < 4; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        List<GridView> all = new ArrayList<>();
        grids(app.shell.stage().getScene().lookup("#compare-stage"), all);
        TreeSet<Double> sizes = new TreeSet<>();
        for (GridView g : all) {
            sizes.add(g.getCellSize());
        }
        assertEquals(4, all.size(), "input and output of A and B");
        assertEquals(1, sizes.size(), "one cell size for both panes: " + sizes);
        return sizes.first();
    }

    private static void grids(Node n, List<GridView> out) {
        if (n instanceof GridView g && g.isVisible() && g.getParent().isVisible() && g.getPicture() != null) {
            out.add(g);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                grids(c, out);
            }
        }
    }

    private void snapshot(String name) {
        Path file = Path.of("target/screens", name + ".png");
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(app.shell.stage().getScene().snapshot(null), null), "png",
                    file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void presentingAndZoomMakeTheCellsOfBothPanesLarger(FxRobot r) {
        r.interact(() -> app.shell.selectTab("compare"));
        double window = cells();
        System.err.printf("compare cell size, 1920 x 1080, window: %.0f px%n", window);
        r.interact(() -> snapshot("compare-1920x1080"));
        r.interact(() -> app.shell.windowModel().togglePresentation());
        double f5 = cells();
        System.err.printf("compare cell size, 1920 x 1080, F5: %.0f px%n", f5);
        assertTrue(f5 > window, "F5 makes cells larger: " + window + " -> " + f5);
        r.interact(() -> snapshot("compare-f5-1920x1080"));
        double before = f5;
        for (int i = 0; i < 2; i++) {
            r.interact(() -> app.shell.windowModel().zoomIn());
            double now = cells();
            assertTrue(now > before, "zoom: " + before + " -> " + now);
            before = now;
        }
        r.interact(() -> {
            app.shell.windowModel().zoomReset();
            app.shell.windowModel().setPresentation(false);
        });
    }
}
