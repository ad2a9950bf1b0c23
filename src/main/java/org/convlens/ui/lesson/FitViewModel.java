package org.convlens.ui.lesson;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.convlens.engine.KernelFit;
import org.convlens.lesson.FitDemo;

/**
 * The training demonstration of a lesson step: a {@link KernelFit} stepped by a timer, with the
 * loss of every iteration kept for the chart. Playing only advances the fit ({@link #tick()}); it
 * stops at the step's iteration count (more can still be stepped by hand). No JavaFX nodes.
 */
public final class FitViewModel {
    /** Iterations per timer tick while playing. */
    public static final int DEFAULT_PER_TICK = 2;

    // Properties
    private final ReadOnlyObjectWrapper<FitDemo> demo = new ReadOnlyObjectWrapper<>(this, "demo");
    private final ReadOnlyObjectWrapper<KernelFit.Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ObservableList<Double> losses = FXCollections.observableArrayList();
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final IntegerProperty perTick = new SimpleIntegerProperty(this, "perTick", DEFAULT_PER_TICK);
    private final ReadOnlyObjectWrapper<Boolean> alwaysDown = new ReadOnlyObjectWrapper<>(this, "alwaysDown", true);

    private KernelFit fit;

    public ReadOnlyObjectProperty<FitDemo> demoProperty() {
        return demo.getReadOnlyProperty();
    }

    /** The current weights and loss. */
    public ReadOnlyObjectProperty<KernelFit.Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public KernelFit.Snapshot getSnapshot() {
        return snapshot.get();
    }

    /** The loss after each iteration, the start first. */
    public ObservableList<Double> losses() {
        return FXCollections.unmodifiableObservableList(losses);
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public IntegerProperty perTickProperty() {
        return perTick;
    }

    /** True while every iteration so far lowered (or kept) the loss. */
    public ReadOnlyObjectProperty<Boolean> alwaysDownProperty() {
        return alwaysDown.getReadOnlyProperty();
    }

    // Commands

    /** Shows a demonstration from its random start, stopped ({@code null} clears it). */
    public void set(FitDemo d) {
        if (d == demo.get() && fit != null) {
            return;
        }
        demo.set(d);
        reset();
    }

    /** Back to the random start. */
    public void reset() {
        playing.set(false);
        losses.clear();
        FitDemo d = demo.get();
        if (d == null) {
            fit = null;
            snapshot.set(null);
            return;
        }
        fit = d.newFit();
        KernelFit.Snapshot s = fit.current();
        losses.add(s.loss());
        alwaysDown.set(true);
        snapshot.set(s);
    }

    /** One gradient step. */
    public void stepOnce() {
        if (fit == null) {
            return;
        }
        KernelFit.Snapshot s = fit.step();
        double previous = losses.get(losses.size() - 1);
        losses.add(s.loss());
        if (s.loss() > previous * (1 + 1e-9) + 1e-12) {
            alwaysDown.set(false);
        }
        snapshot.set(s);
    }

    /** Starts or stops playing; from the end it starts again. */
    public void togglePlay() {
        if (fit == null) {
            return;
        }
        if (!playing.get() && finished()) {
            reset();
        }
        playing.set(!playing.get());
    }

    /** Runs the remaining iterations at once. */
    public void toEnd() {
        playing.set(false);
        while (fit != null && !finished()) {
            stepOnce();
        }
    }

    /** What the view's timer calls: a few iterations while playing; stops at the step's count. */
    public void tick() {
        if (!playing.get() || fit == null) {
            return;
        }
        for (int i = 0; i < perTick.get() && !finished(); i++) {
            stepOnce();
        }
        if (finished()) {
            playing.set(false);
        }
    }

    /** The demonstration's iterations are done. */
    public boolean finished() {
        FitDemo d = demo.get();
        return d == null || snapshot.get() != null && snapshot.get().iteration() >= d.iterations();
    }
}
