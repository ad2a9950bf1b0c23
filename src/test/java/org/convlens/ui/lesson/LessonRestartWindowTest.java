package org.convlens.ui.lesson;

import javafx.stage.Stage;
import org.convlens.spec.SpecReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, data loss 1: start (lesson 1 opens), edit a cell, the process dies, start again: the
 * edit is back in the stepper, the lesson's state one click away, and the autosave not rewritten.
 */
@ExtendWith(ApplicationExtension.class)
class LessonRestartWindowTest {
    static {
        LessonWindow.screen();
    }

    private Stage stage;

    @Start
    void start(Stage s) {
        this.stage = s;
    }

    private LessonWindow open(FxRobot robot, boolean keep) {
        LessonWindow[] w = new LessonWindow[1];
        robot.interact(() -> {
            try {
                w[0] = LessonWindow.start(stage, "restart", List.of(), keep);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        return w[0];
    }

    @Test
    void anEditSurvivesARestartWithTheLessonOneClickAway(FxRobot robot) throws Exception {
        LessonWindow first = open(robot, false);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> first.player().getLesson() != null);
        robot.interact(() -> first.shell.scenario().setInputCell(0, 1, 1, "42"));
        Path autosave = first.home.resolve("autosave.json");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> Files.exists(autosave) && SpecReader.read(autosave).input().get(0, 1, 1) == 42f);
        String saved = Files.readString(autosave);

        // The process dies here (nothing more is written), and the app starts again.
        LessonWindow second = open(robot, true);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> second.player().getLesson() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(42f, second.shell.scenario().getComputation().input().get(0, 1, 1), "the edit is back");
        assertTrue(second.player().divergedProperty().get(), "the panel offers the step's own state");
        assertTrue(second.shell.status().contains("one click away"), second.shell.status());
        Thread.sleep(600);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(saved, Files.readString(autosave), "nothing rewrote the autosave");

        robot.interact(() -> second.player().restoreStep());
        assertNotNull(second.shell.scenario().getComputation());
        assertTrue(!second.player().divergedProperty().get());
        assertTrue(second.shell.scenario().getComputation().input().get(0, 1, 1) != 42f, "the lesson's state, on request");
    }
}
