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
        assertTrue(vm.timingProperty().get().startsWith("engine"), vm.timingProperty().get());
    }
}
