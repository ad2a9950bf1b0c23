package org.convlens.ui;

import javafx.stage.Window;
import org.convlens.ui.stepper.ScenarioViewModel;
import org.convlens.ui.stepper.StepperViewModel;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;

/** What the main window offers the tabs it hosts. */
public interface UiContext {
    /** The window's language; tabs take their texts in it. */
    Locale locale();

    /** The window's own texts (tabs usually have their own bundle too). */
    ResourceBundle bundle();

    /** The window, as owner of dialogs and file choosers. */
    Window window();

    /** The stepper, e.g. to show a scenario there: {@code scenario().load(problem)} then {@code selectTab("stepper")}. */
    StepperViewModel stepper();

    ScenarioViewModel scenario();

    /** Runs long work off the JavaFX thread (tests may run it on the calling thread). */
    Executor executor();

    /** The command-line arguments the app started with (e.g. {@code --lesson FILE}). */
    List<String> parameters();

    void selectTab(String id);

    /** Asks the user for files and folders (the platform's choosers; tests put in their own). */
    org.convlens.ui.files.FilePicker picker();

    /**
     * Selects the tab {@code id} and hands it {@code what} to show (a lesson's network for the
     * Network tab): how one tab asks another to show something without knowing its classes.
     *
     * @return false if there is no such tab or it does not show that kind of thing
     */
    default boolean show(String id, Object what) {
        return false;
    }

    /**
     * Calls {@code then} on the JavaFX thread once the start has finished bringing back the last
     * scenario (at once if it has), with true if the user's own scenario is now in the stepper:
     * a tab that would replace the scenario at start (a lesson) should then leave it and offer its own.
     */
    void whenScenarioRestored(java.util.function.Consumer<Boolean> then);

    /**
     * Runs {@code r} on the JavaFX thread once the window has laid out its next frame: work that
     * can wait (loading every lesson, say) then does not hold up what is about to be painted, on a
     * machine with few cores. At once (later on the JavaFX thread) if there is no window.
     */
    default void afterNextFrame(Runnable r) {
        javafx.application.Platform.runLater(r);
    }

    /**
     * Holds back what the window leaves for after its opening (its settings column) until the
     * returned task runs: a tab that shows something at start (the lesson asked for) takes one, so
     * that what the user asked for is painted first. Run it once, whatever happens (more runs do
     * nothing); the window stops waiting a few seconds after its first frame in any case.
     */
    default Runnable holdOpening() {
        return () -> { };
    }

    /** A short message in the status bar. */
    void showStatus(String message);

    /**
     * The window's commands ({@link org.convlens.ui.actions.Command}, the one table of actions and
     * keys): a tab registers what its commands do here, and the keys, menus and help follow.
     */
    org.convlens.ui.actions.Actions actions();

    /** Presentation mode (F5): the class looks at the grids, so a tab gives them the room. */
    default javafx.beans.value.ObservableBooleanValue presentation() {
        return new javafx.beans.property.SimpleBooleanProperty(false);
    }

    /**
     * The window's zoom over its mode's own (1 at the mode's zoom), for grids that fill the room
     * and grow with the zoom ({@link org.convlens.ui.stepper.StageFit}).
     */
    default javafx.beans.value.ObservableDoubleValue zoomRatio() {
        return new javafx.beans.property.SimpleDoubleProperty(1);
    }
}
