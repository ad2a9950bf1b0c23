package org.convlens.ui.files;

import javafx.animation.PauseTransition;
import javafx.util.Duration;
import org.convlens.engine.SpecException;
import org.convlens.io.AtomicFiles;
import org.convlens.spec.Problem;
import org.convlens.spec.SpecReader;
import org.convlens.spec.SpecWriter;
import org.convlens.ui.StatusLine;
import org.convlens.ui.UiText;
import org.convlens.ui.export.Exports;
import org.convlens.ui.stepper.Computation;
import org.convlens.ui.stepper.ScenarioViewModel;
import org.convlens.ui.stepper.StepperViewModel;
import org.convlens.ui.stepper.WorkedExample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The File menu's work without a window (JabRef's file actions behind their view-model): open,
 * save and reset the scenario, the exports that are text, and the autosave with its restore at
 * start. Files are asked for through an injected {@link FilePicker}, so tests need no dialog;
 * every write goes through {@link AtomicFiles}; what happened is said on the {@link StatusLine}.
 * No JavaFX nodes.
 */
public final class FileCommands {
    /** How long after the last change the autosave waits. */
    static final Duration AUTOSAVE_DELAY = Duration.millis(250);

    private final ScenarioViewModel scenario;
    private final StepperViewModel stepper;
    private final ScenarioStore store;
    private final Executor executor;
    private final StatusLine status;
    private final Consumer<Runnable> fx;
    private PauseTransition autosave;
    private FilePicker picker;
    /** Who waits for the last scenario to be back; null once it is (or there was none). */
    private List<Consumer<Boolean>> restoring;
    private boolean restored;

    /**
     * @param home the folder the autosave lives in
     * @param executor where the restore at start runs (tests pass one that runs at once)
     * @param fx runs a step on the JavaFX thread ({@code Platform::runLater}; tests may pass {@code Runnable::run})
     */
    public FileCommands(ScenarioViewModel scenario, StepperViewModel stepper, Path home, Executor executor,
                        Consumer<Runnable> fx, StatusLine status, FilePicker picker) {
        this.scenario = scenario;
        this.stepper = stepper;
        this.store = new ScenarioStore(home);
        this.executor = executor;
        this.fx = fx;
        this.status = status;
        this.picker = picker;
    }

    /** From now on every change is saved {@link #AUTOSAVE_DELAY} after the last one (the window calls this). */
    public void startAutosave() {
        if (autosave == null) {
            autosave = new PauseTransition(AUTOSAVE_DELAY);
            autosave.setOnFinished(e -> autosaveNow());
            scenario.latestProblemProperty().addListener(o -> autosave.playFromStart());
        }
    }

    /** Replaces the file choosers (tests). */
    public void setPicker(FilePicker p) {
        this.picker = p;
    }

    public FilePicker picker() {
        return picker;
    }

    public ScenarioStore store() {
        return store;
    }

    private String text(String key, Object... args) {
        return UiText.get(scenario.localeProperty().get(), key, args);
    }

    // The autosave

    /**
     * Brings the last scenario back in the background (the file is checked and planned there, so a
     * gigantic or broken autosave can neither stall nor kill the start). Until it is back, nothing
     * is autosaved, so an autosave the user has not seen restored is never written over.
     */
    public void restore() {
        restoring = new ArrayList<>();
        executor.execute(() -> {
            ScenarioStore.Restored r;
            try {
                r = store.restore(ScenarioViewModel.MAX_SHOWN);
            } catch (RuntimeException | OutOfMemoryError e) {
                Path moved = store.quarantine();
                String m = String.valueOf(e.getMessage());
                r = new ScenarioStore.Restored(null, moved, l -> m);
            }
            ScenarioStore.Restored done = r;
            fx.accept(() -> restored(done));
        });
    }

    private void restored(ScenarioStore.Restored r) {
        if (r.problem() != null) {
            scenario.load(r.problem());
            restored = true;
        } else if (r.failed()) {
            Path moved = r.movedTo();
            Path file = store.file();
            status.say(l -> UiText.get(l, "status.autosave.corrupt", file, r.why().apply(l),
                    moved == null ? "-" : moved.getFileName()), true);
        }
        List<Consumer<Boolean>> waiting = restoring;
        restoring = null;
        for (Consumer<Boolean> w : waiting) {
            w.accept(restored);
        }
    }

    /**
     * Calls {@code then} once the restore at start is done (at once if it is), with true if the
     * user's own scenario is back in the stepper.
     */
    public void whenRestored(Consumer<Boolean> then) {
        if (restoring == null) {
            then.accept(restored);
        } else {
            restoring.add(then);
        }
    }

    /** Writes the current scenario to the autosave file now (not while the last one is still coming back). */
    public void autosaveNow() {
        if (autosave != null) {
            autosave.stop();
        }
        Problem p = scenario.latestProblemProperty().get();
        if (p == null || restoring != null) {
            return;
        }
        try {
            store.save(p);
        } catch (IOException e) {
            Path file = store.file();
            String why = String.valueOf(e.getMessage());
            status.say(l -> UiText.get(l, "status.autosave.failed", file, why), true);
        }
    }

    // The scenario

    public void open() {
        Path f = picker.openFile(text("dialog.open"), text("dialog.filter.json"), "json");
        if (f != null) {
            open(f);
        }
    }

    /** Loads a spec file into the stepper; a bad file gets a message, the current scenario stays. */
    public void open(Path f) {
        try {
            Problem p = SpecReader.read(f);
            scenario.load(p);
            stepper.first();
            status.say(l -> UiText.get(l, "status.opened", f), false);
        } catch (SpecException e) {
            status.say(l -> UiText.get(l, "status.open.failed", f, e.field() + ": " + e.message(l)), true);
        } catch (IOException e) {
            String why = String.valueOf(e.getMessage());
            status.say(l -> UiText.get(l, "status.open.failed", f, why), true);
        }
    }

    public void save() {
        Path f = picker.saveFile(text("dialog.save"), text("dialog.filter.json"), "json", "scenario.json");
        if (f != null) {
            write(f, () -> SpecWriter.toJson(current().problem()));
        }
    }

    public void reset() {
        scenario.load(WorkedExample.problem());
        stepper.first();
        status.say(l -> UiText.get(l, "status.reset"), false);
    }

    private Computation current() {
        return scenario.getComputation();
    }

    // Exports

    /** Every grid as CSV, named after the file chosen ({@code grids.csv}: {@code grids_input.csv}, ...). */
    public void exportCsv() {
        Path f = picker.saveFile(text("dialog.export.csv"), text("dialog.filter.csv"), "csv", "grids.csv");
        if (f == null) {
            return;
        }
        try {
            List<Path> written = Exports.writeCsv(current(), f);
            Path dir = f.toAbsolutePath().getParent();
            status.say(l -> UiText.get(l, "status.written.many", written.size(), dir), false);
        } catch (IOException | RuntimeException e) {
            failed(f, e);
        }
    }

    public void exportJson() {
        Path f = picker.saveFile(text("dialog.export.json"), text("dialog.filter.json"), "json", "convlens-grids.json");
        if (f != null) {
            write(f, () -> Exports.json(current()));
        }
    }

    public void exportLatex() {
        Path f = picker.saveFile(text("dialog.export.latex"), text("dialog.filter.latex"), "tex", "convlens-step.tex");
        if (f != null) {
            write(f, () -> Exports.latex(current(), stepper.getFrame()));
        }
    }

    public void exportPytorch() {
        Path f = picker.saveFile(text("dialog.export.pytorch"), text("dialog.filter.python"), "py",
                "convlens_layer.py");
        if (f != null) {
            write(f, () -> Exports.pytorch(current()));
        }
    }

    /** Something that writes a file (a picture of the window, made by the view). */
    public interface Writer {
        void write(Path f) throws IOException;
    }

    /**
     * Asks for a file and has {@code w} write it, saying how it went.
     *
     * @param what the dialog's bundle keys are {@code dialog.export.WHAT} and {@code dialog.filter.WHAT}
     */
    public void export(String what, String extension, String initialName, Writer w) {
        Path f = picker.saveFile(text("dialog.export." + what), text("dialog.filter." + what), extension, initialName);
        if (f == null) {
            return;
        }
        try {
            w.write(f);
            written(f);
        } catch (IOException | RuntimeException e) {
            failed(f, e);
        }
    }

    /** Says that {@code f} was written. */
    public void written(Path f) {
        status.say(l -> UiText.get(l, "status.written", f), false);
    }

    private void failed(Path f, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        status.say(l -> UiText.get(l, "status.write.failed", f, why), true);
    }

    private interface Text {
        String make() throws IOException;
    }

    private void write(Path f, Text text) {
        try {
            AtomicFiles.write(f, text.make());
            written(f);
        } catch (IOException | RuntimeException e) {
            failed(f, e);
        }
    }
}
