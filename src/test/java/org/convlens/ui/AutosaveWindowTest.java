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
        assertTrue(w[0].shell.status().contains("could not be read"), w[0].shell.status());
        assertEquals(6, w[0].shell.scenario().getComputation().input().height());
        assertTrue(Files.exists(home.resolve("autosave.json.bad")));
    }
}
