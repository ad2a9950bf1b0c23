package org.convlens.ui.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import javafx.beans.property.SimpleObjectProperty;
import org.convlens.spec.SpecReader;
import org.convlens.ui.StatusLine;
import org.convlens.ui.stepper.ScenarioViewModel;
import org.convlens.ui.stepper.StepperViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The File menu's work, without a window: a picker that answers with a path, and the status line. */
class FileCommandsTest {
    @TempDir
    Path home;

    private final SimpleObjectProperty<Locale> locale = new SimpleObjectProperty<>(Locale.ENGLISH);
    private ScenarioViewModel scenario;
    private StepperViewModel stepper;
    private StatusLine status;
    private FileCommands files;
    private Path next;

    @BeforeEach
    void setUp() {
        scenario = new ScenarioViewModel(new Random(1));
        scenario.localeProperty().bind(locale);
        stepper = new StepperViewModel(scenario);
        status = new StatusLine(locale);
        files = new FileCommands(scenario, stepper, home, Runnable::run, Runnable::run, status, new FilePicker() {
            @Override
            public Path saveFile(String title, String description, String extension, String initialName) {
                return next;
            }

            @Override
            public Path openFile(String title, String description, String extension) {
                return next;
            }

            @Override
            public Path folder(String title) {
                return next;
            }
        });
    }

    @Test
    void exportsCsvJsonLatexAndPython() throws Exception {
        next = home.resolve("grids.csv");
        files.exportCsv();
        assertFalse(Files.isDirectory(next), "a file name typed for CSV never becomes a folder");
        assertEquals("-5,-4,0,8", Files.readAllLines(home.resolve("grids_output.csv")).get(0));
        assertEquals(List.of("grids_input.csv", "grids_kernel.csv", "grids_output.csv"),
                Files.list(home).map(f -> f.getFileName().toString()).sorted().toList());
        assertTrue(status.get().startsWith("Wrote 3 files"), status.get());

        next = home.resolve("grids.json");
        files.exportJson();
        assertEquals(4, new ObjectMapper().readTree(next.toFile()).get("feature_map").get(0).size());

        next = home.resolve("step.tex");
        stepper.jumpTo(1);
        files.exportLatex();
        assertTrue(Files.readString(next).contains("y_{0,0,1} &= -4"), Files.readString(next));

        next = home.resolve("layer.py");
        files.exportPytorch();
        assertTrue(Files.readString(next).contains("F.conv2d("));
    }

    @Test
    void savesAScenarioTheCommandLineCanReadAndOpensItAgain() throws Exception {
        scenario.layer().strideXProperty().set(2);
        next = home.resolve("saved.json");
        files.save();
        assertEquals(2, SpecReader.read(next).spec().strideX());
        files.reset();
        assertEquals(1, scenario.layer().strideXProperty().get());
        files.open();
        assertEquals(2, scenario.layer().strideXProperty().get());
        assertTrue(status.get().contains("saved.json"), status.get());
    }

    @Test
    void aBadFileSaysWhereAndWhyInTheWindowsLanguageAndTheScenarioStays() throws Exception {
        next = home.resolve("bad.json");
        Files.writeString(next, "{\"input\": [[1, 2]], \"kernel\": [[1]], \"stride\": 0}");
        files.open();
        assertTrue(status.errorProperty().get());
        assertTrue(status.get().contains("$.stride"), status.get());
        assertEquals(6, scenario.getComputation().input().height());
        locale.set(Locale.SIMPLIFIED_CHINESE);
        assertTrue(status.get().contains("$.stride") && !status.get().contains("Could not"), status.get());
    }

    @Test
    void aFileThatCannotBeWrittenSaysSo() throws Exception {
        Path blocker = home.resolve("not-a-folder");
        Files.writeString(blocker, "x");
        next = blocker.resolve("grids.json");
        files.exportJson();
        assertTrue(status.errorProperty().get());
        assertTrue(status.get().startsWith("Could not write"), status.get());
    }

    @Test
    void nothingIsAutosavedBeforeTheLastScenarioIsBack() throws Exception {
        Files.writeString(home.resolve("autosave.json"), "{\"input\": [[1, 2], [3, 4]], \"kernel\": [[1]]}");
        StatusLine quiet = new StatusLine(locale);
        Runnable[] later = new Runnable[1];
        FileCommands f = new FileCommands(scenario, stepper, home, Runnable::run, r -> later[0] = r, quiet, null);
        f.restore();
        scenario.layer().strideXProperty().set(2);
        f.autosaveNow();
        assertTrue(Files.readString(home.resolve("autosave.json")).contains("[[1, 2], [3, 4]]") || Files
                .readString(home.resolve("autosave.json")).contains("[[1,2],[3,4]]"), "untouched while restoring");
        boolean[] kept = new boolean[1];
        f.whenRestored(k -> kept[0] = k);
        later[0].run();
        assertTrue(kept[0]);
        assertEquals(2, scenario.getComputation().input().height());
    }
}
