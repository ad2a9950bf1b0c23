package org.convlens.ui;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.util.Duration;
import org.convlens.ui.stepper.StepperView;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which the window's start reaches the screen: work run after the next frame, the
 * opening's holds ({@link UiContext#holdOpening}: a lesson asked for at start is open before
 * anything else follows), the stepper's settings column filled a section a frame once the
 * opening is on the screen, and what waits for all of that ({@link #whenOpened}: the window's
 * tools). Without {@link #paintFirst} (the UI tests) everything is there at once and
 * {@link #whenOpened} runs at once. JavaFX thread only.
 */
final class WindowOpening {
    /** How long after the first frame the window stops waiting for the opening's holds. */
    private static final ObjectProperty<Duration> OPENING_WAIT = new SimpleObjectProperty<>(Duration.seconds(3));

    /** Whether the first build leaves the settings column for after the first frame. */
    private boolean paintFirst;
    private Scene scene;
    /** Work asked for {@link #afterNextFrame} before the window had a scene. */
    private final List<Runnable> beforeShown = new ArrayList<>();
    /** Opening work not done yet ({@link #holdOpening}), and what waits for it. */
    private int openingHolds;
    private final List<Runnable> afterOpening = new ArrayList<>();
    /** While the settings column is being filled at the start, section by section; and what waits for it. */
    private boolean settingsPending;
    private final List<Runnable> afterSettings = new ArrayList<>();

    /** How long after its first frame the window stops waiting for the opening (3 s; tests make it longer). */
    static ObjectProperty<Duration> openingWaitProperty() {
        return OPENING_WAIT;
    }

    void paintFirst() {
        paintFirst = true;
    }

    /**
     * The window's first build: at the app's start ({@link #paintFirst}) the stepper's settings
     * column is left empty and filled once the opening is on the screen.
     */
    void firstBuild(StepperView stepperView) {
        if (paintFirst && scene == null) {
            settingsPending = true;
            stepperView.fillSettingsLater(this::afterOpening, this::afterNextFrame, () -> {
                settingsPending = false;
                afterNextFrameAll(afterSettings);
            });
        }
    }

    /** The window has its scene: what was asked for before runs after its first frame. */
    void shown(Scene scene) {
        this.scene = scene;
        beforeShown.forEach(this::afterNextFrame);
        beforeShown.clear();
    }

    /** Runs {@code r} once, after the next frame has been laid out (later in that pulse's turn). */
    void afterNextFrame(Runnable r) {
        if (scene == null) {
            beforeShown.add(r);
            return;
        }
        Runnable once = new Runnable() {
            private boolean ran;

            @Override
            public void run() {
                // Later, not here: the pulse is still going through its listeners.
                Platform.runLater(() -> {
                    scene.removePostLayoutPulseListener(this);
                    if (!ran) {
                        ran = true;
                        r.run();
                    }
                });
            }
        };
        scene.addPostLayoutPulseListener(once);
        Platform.requestNextPulse();
    }

    /** See {@link UiContext#holdOpening}. */
    Runnable holdOpening() {
        openingHolds++;
        boolean[] released = {false};
        return () -> {
            if (!released[0]) {
                released[0] = true;
                openingHolds--;
                runAfterOpening(false);
            }
        };
    }

    /**
     * Runs {@code r} once the window's opening is on the screen: at the app's start
     * ({@link #paintFirst}) after the settings column has been filled, at once otherwise.
     */
    void whenOpened(Runnable r) {
        if (paintFirst) {
            afterOpening(() -> {
                if (settingsPending) {
                    afterSettings.add(r);
                } else {
                    r.run();
                }
            });
        } else {
            r.run();
        }
    }

    /**
     * Runs {@code r} after the first frame once the opening's holds are released (the lesson asked
     * for is in the window), or {@link #OPENING_WAIT} after that frame, whichever comes first.
     */
    private void afterOpening(Runnable r) {
        afterNextFrame(() -> {
            afterOpening.add(r);
            runAfterOpening(false);
            if (!afterOpening.isEmpty()) {
                PauseTransition wait = new PauseTransition(OPENING_WAIT.get());
                wait.setOnFinished(e -> runAfterOpening(true));
                wait.play();
            }
        });
    }

    private void runAfterOpening(boolean anyway) {
        if (anyway || openingHolds == 0) {
            afterNextFrameAll(afterOpening);
        }
    }

    /** Takes everything {@code waiting} holds out of it and runs each after the next frame. */
    private void afterNextFrameAll(List<Runnable> waiting) {
        List<Runnable> due = List.copyOf(waiting);
        waiting.clear();
        due.forEach(this::afterNextFrame);
    }
}
