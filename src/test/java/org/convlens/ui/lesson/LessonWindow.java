package org.convlens.ui.lesson;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.convlens.app.ConvLensApp;
import org.convlens.ui.Shell;
import org.convlens.ui.stepper.StepperView;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The real main window for lesson tests: a fresh per-user folder under the tests' convlens.home
 * (so progress starts empty), background work run on the calling thread, no animations.
 */
final class LessonWindow {
    /**
     * The window opens at 1440 x 900; the headless screen must hold it. Call from a test class's
     * static initialiser, before the toolkit starts (a screen already started keeps its size).
     */
    static void screen() {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    final Path home;
    final Shell shell;

    private LessonWindow(Path home, Shell shell) {
        this.home = home;
        this.shell = shell;
    }

    /** Opens the window on {@code stage} with an empty folder {@code name} as the app's home. */
    static LessonWindow start(Stage stage, String name, List<String> args) throws IOException {
        return start(stage, name, args, false);
    }

    /** As {@link #start(Stage, String, List)}; {@code keep}: the folder as the last run left it (a restart). */
    static LessonWindow start(Stage stage, String name, List<String> args, boolean keep) throws IOException {
        return start(stage, name, args, keep, Runnable::run);
    }

    /**
     * As {@link #start(Stage, String, List, boolean)} with background work on {@code executor}
     * (a training run must not run on the JavaFX thread).
     */
    static LessonWindow start(Stage stage, String name, List<String> args, boolean keep,
                              java.util.concurrent.Executor executor) throws IOException {
        String base = System.getProperty("convlens.home", "target/test-home");
        Path home = Path.of(base, "lessons-" + name);
        if (!keep && Files.exists(home)) {
            try (var files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(home);
        System.setProperty("convlens.home", home.toString());
        try {
            StepperView.flipDurationProperty().set(Duration.ZERO);
            FitPanel.tickProperty().set(Duration.ZERO);
            Shell shell = ConvLensApp.create(stage, executor, args);
            // In English whatever the machine's language.
            shell.windowModel().localeProperty().set(java.util.Locale.ENGLISH);
            shell.show();
            return new LessonWindow(home, shell);
        } finally {
            System.setProperty("convlens.home", base);
        }
    }

    /** The player behind the lesson panel. */
    LessonPlayerViewModel player() {
        Node panel = shell.stage().getScene().lookup("#lessonPanel");
        return (LessonPlayerViewModel) panel.getProperties().get(LessonPlayerViewModel.class);
    }

    /** Writes the whole window to a PNG (call on the JavaFX thread). */
    void snapshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(shell.stage().getScene().snapshot(null), null), "png",
                    file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
