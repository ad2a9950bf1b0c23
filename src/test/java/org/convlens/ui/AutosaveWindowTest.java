package org.convlens.ui;

import javafx.stage.Stage;
import org.convlens.spec.SpecReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenario comes back after a restart; a corrupt autosave gets a message and the worked example. */
@ExtendWith(ApplicationExtension.class)
class AutosaveWindowTest {
    private Stage stage;

    @Start
    void start(Stage s) {
        this.stage = s;
    }

    @Test
    void anEditComesBackAfterARestart(FxRobot robot) throws Exception {
        WindowFixture[] first = new WindowFixture[1];
        robot.interact(() -> {
            try {
                first[0] = WindowFixture.start(stage, "autosave-restart", false);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        robot.interact(() -> {
            first[0].shell.scenario().setInputCell(0, 2, 3, "42");
            first[0].shell.scenario().layer().paddingRuleProperty().set(org.convlens.engine.Padding.Rule.SAME);
        });
        // the debounced autosave writes within half a second
        Path file = first[0].home.resolve("autosave.json");
        org.testfx.util.WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> Files.exists(file) && Files.readString(file).contains("42"));
        assertEquals("same", SpecReader.read(file).spec().padding().rule().id());

        WindowFixture[] second = new WindowFixture[1];
        robot.interact(() -> {
            try {
                second[0] = WindowFixture.start(stage, "autosave-restart", true);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        waitUntilRestored(robot, second[0]);
        assertEquals(42f, second[0].shell.scenario().getComputation().input().get(0, 2, 3));
        assertEquals(8, second[0].shell.stepper().getFrame().input().rows(), "same padding is back too");
    }

    @Test
    void aCorruptAutosaveGetsAMessageAndTheWorkedExample(FxRobot robot) throws Exception {
        Path home = Path.of(System.getProperty("convlens.home", "target/test-home"), "autosave-corrupt");
        Files.createDirectories(home);
        Files.writeString(home.resolve("autosave.json"), "{\"input\": [[1, 2], [3, 4]], \"kernel\": ");
        WindowFixture[] w = new WindowFixture[1];
        robot.interact(() -> {
            try {
                w[0] = WindowFixture.start(stage, "autosave-corrupt", true);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        waitUntilRestored(robot, w[0]);
        assertTrue(w[0].shell.status().contains("could not be used"), w[0].shell.status());
        assertTrue(w[0].shell.status().contains("autosave.json.bad"), w[0].shell.status());
        assertEquals(6, w[0].shell.scenario().getComputation().input().height());
        assertTrue(Files.exists(home.resolve("autosave.json.bad")));
    }

    @Test
    void everyRescuedCopyIsKeptAndAGiganticPlanIsMovedAsideNotRun(FxRobot robot) throws Exception {
        Path home = Path.of(System.getProperty("convlens.home", "target/test-home"), "autosave-rescued");
        if (Files.exists(home)) {
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        Files.createDirectories(home);
        Files.writeString(home.resolve("autosave.json.bad"), "an older rescued copy");
        // A few bytes that ask for a 1 x 5 output through a kernel reaching 2^20 * 1024 cells.
        Files.writeString(home.resolve("autosave.json"), "{\"input\": [[1, 2, 3, 4, 5]], \"kernel\": [["
                + "1" + ", 0".repeat(1024) + "]], \"padding\": \"same\", \"dilation\": [1, 1048576]}");
        WindowFixture[] w = new WindowFixture[1];
        robot.interact(() -> {
            try {
                w[0] = WindowFixture.start(stage, "autosave-rescued", true);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        waitUntilRestored(robot, w[0]);
        assertEquals("an older rescued copy", Files.readString(home.resolve("autosave.json.bad")));
        assertTrue(Files.readString(home.resolve("autosave.json.bad.2")).contains("1048576"));
        assertTrue(w[0].shell.status().contains("autosave.json.bad.2"), w[0].shell.status());
        assertEquals(6, w[0].shell.scenario().getComputation().input().height(), "the worked example is shown");
    }

    /** Waits for the start to finish bringing the last scenario back (it runs in the background). */
    static void waitUntilRestored(FxRobot robot, WindowFixture w) throws Exception {
        boolean[] done = new boolean[1];
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> {
            robot.interact(() -> w.shell.whenScenarioRestored(kept -> done[0] = true));
            return done[0];
        });
    }
}
