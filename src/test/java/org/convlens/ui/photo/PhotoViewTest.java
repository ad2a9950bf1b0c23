package org.convlens.ui.photo;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.convlens.image.MapRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class PhotoViewTest {
    private PhotoView view;
    private PhotoViewModel vm;
    private Scene scene;

    @Start
    void start(Stage stage) {
        vm = new PhotoViewModel(Runnable::run, Runnable::run);
        view = PhotoView.load(vm, Locale.ENGLISH).withTheme("dark");
        scene = new Scene(view.root(), 1280, 800);
        stage.setScene(scene);
        stage.show();
    }

    static void snapshot(Scene scene, String name) {
        WritableImage img = scene.snapshot(null);
        try {
            new File("target/screenshots").mkdirs();
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", new File("target/screenshots/" + name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void sampleIsShownWithItsResultAndTypingAKernelValueUpdatesIt(FxRobot robot) {
        robot.interact(() -> vm.openSample("astronaut.png"));
        assertNotNull(vm.displayProperty().get());
        assertEquals(MapRenderer.RGB, vm.displayProperty().get().channel());
        int shown = vm.shownCountProperty().get();
        assertTrue(shown > 0);
        robot.interact(() -> snapshot(scene, "photo-view.png"));
        TextField cell = robot.lookup("#photo-k1_1").queryAs(TextField.class);
        PhotoResult before = vm.resultProperty().get();
        robot.interact(() -> cell.setText("4"));
        assertTrue(vm.resultProperty().get() != before, "a new result after the edit");
        assertEquals(4f, vm.resultProperty().get().plan().spec().kernel().get(0, 0, 1, 1));
        assertTrue(vm.shownCountProperty().get() > shown);
        // the figure is taken at the pulse that puts the new result on screen
        assertDoesNotThrow(() -> org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> vm.timingProperty().get().startsWith("engine")));
        assertTrue(vm.timingProperty().get().startsWith("engine"), vm.timingProperty().get());
    }

    @Test
    void zoomedInBothPanesShowTheSamePlaceAndAClickMarksThePatch(FxRobot robot) {
        robot.interact(() -> {
            vm.openSample("camera.png");
            vm.layer().applyPreset("laplacian");
            vm.scalingProperty().set(org.convlens.image.Scaling.RAW);
        });
        robot.interact(() -> view.transform().set(180, 60, 1.0 / 12));
        MapPane input = robot.lookup("#photo-inputPane").queryAs(MapPane.class);
        robot.interact(() -> {
            javafx.geometry.Point2D at = input.localToScene(120, 96);
            for (var type : java.util.List.of(javafx.scene.input.MouseEvent.MOUSE_PRESSED,
                    javafx.scene.input.MouseEvent.MOUSE_RELEASED)) {
                input.fireEvent(new javafx.scene.input.MouseEvent(type, at.getX(), at.getY(), 0, 0,
                        javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true,
                        false, false, null));
            }
        });
        robot.interact(() -> snapshot(scene, "photo-zoomed.png"));
        var marker = input.getChildrenUnmodifiable().get(1);
        assertTrue(marker.isVisible(), "the patch is marked");
        // Screen (120, 96) at 12 screen pixels per photo pixel from (180, 60) is photo pixel (190, 68);
        // the 8 x 8 patch is centred there.
        robot.interact(() -> robot.lookup("#photo-patchButton").queryButton().fire());
        assertArrayEquals(new int[] {1, 8, 8}, vm.patchProperty().get().input().shape());
        assertEquals(vm.photoProperty().get().tensor().get(0, 64, 186), vm.patchProperty().get().input().get(0, 0, 0));
        var d = vm.displayProperty().get();
        // Same transform on both panes: the result pane's window starts where the input's does.
        var win = d.geometry().outputWindow(view.transform().window(100, 100));
        assertEquals(180.0, win.x0(), 1e-9);
        assertEquals(1.0 / 12, win.step(), 1e-12);
        robot.interact(() -> view.transform().zoomAt(2, 0, 0));
        assertEquals(1.0 / 24, view.transform().step(), 1e-12);
        assertEquals(180.0, view.transform().x0(), 1e-9);
    }
}
