package org.convlens.ui;

import javafx.stage.Stage;
import org.convlens.ui.export.AnimationExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exports that are pictures of the real window write files that open (the text exports: FileCommandsTest). */
@ExtendWith(ApplicationExtension.class)
class ExportWindowTest {
    private WindowFixture app;

    @Start
    void start(Stage stage) throws Exception {
        app = WindowFixture.start(stage, "export-window", false);
    }

    @Test
    void exportsAPngOfTheCurrentFrame(FxRobot robot) throws Exception {
        Path f = app.home.resolve("frame.png");
        app.nextFile = f;
        robot.interact(() -> app.shell.exportPng());
        BufferedImage img = ImageIO.read(f.toFile());
        assertNotNull(img);
        assertTrue(img.getWidth() > 300 && img.getHeight() > 200, img.getWidth() + "x" + img.getHeight());
        assertTrue(app.shell.status().contains("frame.png"), app.shell.status());
    }

    @Test
    void exportsTheWholeAnimationAsAGifWithOneFramePerStep(FxRobot robot) throws Exception {
        robot.interact(() -> app.shell.stepper().jumpTo(5));
        Path f = app.home.resolve("anim.gif");
        AnimationExport[] job = new AnimationExport[1];
        robot.interact(() -> job[0] = app.shell.exportGif(f));
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.shell.status().startsWith("Wrote"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("status: " + app.shell.status(), e);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
            r.setInput(in);
            assertEquals(16, r.getNumImages(true));
            BufferedImage first = r.read(0);
            assertTrue(first.getWidth() > 300);
        }
        assertEquals(5, app.shell.stepper().getStep(), "the stepper goes back to where it was");
        assertEquals(16, AnimationExport.steps(16).length);
        assertEquals(AnimationExport.MAX_FRAMES, AnimationExport.steps(1000).length);
        assertEquals(999, AnimationExport.steps(1000)[AnimationExport.MAX_FRAMES - 1]);
    }

    @Test
    void aFileThatCannotBeWrittenGetsAMessage(FxRobot robot) throws Exception {
        Path blocker = app.home.resolve("not-a-folder");
        Files.writeString(blocker, "x");
        app.nextFile = blocker.resolve("frame.png");
        robot.interact(() -> app.shell.exportPng());
        assertTrue(app.shell.status().startsWith("Could not write"), app.shell.status());
    }
}
