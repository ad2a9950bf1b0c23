package org.convlens.ui;

import javafx.stage.Stage;
import javafx.util.Duration;
import org.convlens.app.ConvLensApp;
import org.convlens.ui.files.FilePicker;
import org.convlens.ui.stepper.StepperView;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts the real window for a TestFX test: its own folder under target/test-home (the
 * {@code convlens.home} the tests run with), no animations, and file choosers that answer with
 * paths the test set.
 */
public final class WindowFixture {
    static final ExecutorService BACKGROUND = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-background");
        t.setDaemon(true);
        return t;
    });

    public Path home;
    public Path nextFile;
    public Shell shell;

    /** A file picker that answers with {@link #nextFile}. */
    public FilePicker picker() {
        return new FilePicker() {
            @Override
            public Path saveFile(String title, String description, String extension, String initial) {
                return nextFile;
            }

            @Override
            public Path openFile(String title, String description, String extension) {
                return nextFile;
            }

            @Override
            public Path folder(String title) {
                return nextFile;
            }
        };
    }

    /**
     * Opens the window on {@code stage} with {@code home} as the app's folder (created fresh unless
     * keep), in English whatever the machine's language (a saved choice in a kept folder wins).
     */
    public static WindowFixture start(Stage stage, String name, boolean keep) throws IOException {
        // No lesson at start: these tests check the window's own opening state.
        return start(stage, name, keep, BACKGROUND, List.of("--lesson=none"), Locale.ENGLISH);
    }

    /**
     * As {@link #start(Stage, String, boolean)}, with the window's arguments, background executor
     * and first language.
     */
    public static WindowFixture start(Stage stage, String name, boolean keep, Executor executor, List<String> args,
            Locale locale) throws IOException {
        return start(stage, name, keep, executor, args, locale, shell -> { });
    }

    /** As above; {@code beforeShow} gets the window's shell just before it is shown. */
    public static WindowFixture start(Stage stage, String name, boolean keep, Executor executor, List<String> args,
            Locale locale, java.util.function.Consumer<Shell> beforeShow) throws IOException {
        WindowFixture f = new WindowFixture();
        String base = System.getProperty("convlens.home", "target/test-home");
        f.home = Path.of(base, name);
        if (!keep && Files.exists(f.home)) {
            try (var files = Files.walk(f.home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(f.home);
        System.setProperty("convlens.home", f.home.toString());
        try {
            StepperView.flipDurationProperty().set(Duration.ZERO);
            f.shell = ConvLensApp.create(stage, executor, args);
            f.shell.windowModel().localeProperty().set(locale);
            f.shell.files().setPicker(f.picker());
            beforeShow.accept(f.shell);
            f.shell.show();
        } finally {
            System.setProperty("convlens.home", base);
        }
        return f;
    }
}
