package org.convlens.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * View-models and what they compute from hold no JavaFX nodes (JabRef's rule, checked as its
 * CommonArchitectureTest does), and the UI computes no convolution itself: it only calls the engine.
 */
class UiArchitectureTest {
    /** Classes that must stay free of javafx.scene (properties and bindings are fine). */
    private static final List<String> NO_NODES = List.of("stepper/ScenarioViewModel.java",
            "stepper/StepperViewModel.java", "WindowViewModel.java", "stepper/FrameRenderer.java", "stepper/Frame.java",
            "stepper/Computation.java", "stepper/ShapeInfo.java", "stepper/Token.java", "stepper/Link.java",
            "settings/Setting.java", "settings/SettingError.java", "settings/SettingMessages.java",
            "settings/LayerSettingsViewModel.java", "LocalText.java", "StatusLine.java",
            "files/FileCommands.java", "files/ScenarioStore.java", "grid/GridPicture.java",
            "grid/CellFlags.java", "grid/NumberText.java", "grid/GridFit.java", "export/Exports.java");

    @Test
    void viewModelsImportNoNodes() throws IOException {
        Path ui = Path.of("src/main/java/org/convlens/ui");
        List<String> offenders = NO_NODES.stream().flatMap(f -> {
            try {
                return Files.readAllLines(ui.resolve(f)).stream().filter(l -> l.startsWith("import javafx.scene")
                        || l.startsWith("import javafx.stage") || l.startsWith("import javafx.fxml")
                        || l.startsWith("import java.awt")).map(l -> f + ": " + l);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
        assertEquals(List.of(), offenders);
    }

    @Test
    void theUiNeverRunsTheEnginesLoopsItself() throws IOException {
        // the UI may read a plan and call ConvEngine / StepTrace, but not the reference loops
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/convlens/ui"))) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.toString().contains("/photo/") && !p.toString().contains("/lesson/")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream()
                            .filter(l -> l.contains("Reference.") || l.contains("FastConvolution.")
                                    || l.contains("Pooling.pool("))
                            .map(l -> p.getFileName() + ": " + l.trim());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertEquals(List.of(), offenders);
        }
    }
}
