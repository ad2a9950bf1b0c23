package org.convlens.ui.lesson;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.convlens.engine.KernelFit;
import org.convlens.engine.SpecException;
import org.convlens.engine.Tensor;
import org.convlens.lesson.FitDemo;

import java.util.List;

/**
 * The training demonstration of a lesson step: a {@link KernelFit} stepped by a timer, with the
 * loss of every iteration kept for the chart. Playing only advances the fit ({@link #tick()}); it
 * stops at the step's iteration count (more can still be stepped by hand). The student may scale
 * the step's learning rate ({@link #rateFactorProperty()}: a change starts again from the same
 * random start); a rate too large makes the loss blow up, which stops the fit
 * ({@link #blownUpProperty()}). No JavaFX nodes.
 */
public final class FitViewModel {
    /** Iterations per timer tick while playing. */
    public static final int DEFAULT_PER_TICK = 2;
    /**
     * The multiples of the step's learning rate on offer. The step's rate is at most {@code 1 / lambda_max}
     * of the loss's Hessian (see {@link KernelFit#suggestedLearningRate}); the loss blows up past
     * {@code 2 / lambda_max}, which for a 3 x 3 kernel and bias is at most 20 times the trace rate.
     */
    public static final List<Double> RATE_FACTORS = List.of(0.25, 1.0, 4.0, 12.0, 20.0);
    /** How many times its starting value the loss must grow to count as blown up (the fit then stops). */
    public static final double BLOW_UP = 1e6;

    // Properties
    private final ReadOnlyObjectWrapper<FitDemo> demo = new ReadOnlyObjectWrapper<>(this, "demo");
    private final ReadOnlyObjectWrapper<KernelFit.Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ObservableList<Double> losses = FXCollections.observableArrayList();
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final IntegerProperty perTick = new SimpleIntegerProperty(this, "perTick", DEFAULT_PER_TICK);
    private final ReadOnlyObjectWrapper<Boolean> alwaysDown = new ReadOnlyObjectWrapper<>(this, "alwaysDown", true);
    private final DoubleProperty rateFactor = new SimpleDoubleProperty(this, "rateFactor", 1);
    private final ReadOnlyBooleanWrapper blownUp = new ReadOnlyBooleanWrapper(this, "blownUp");
    private final ReadOnlyObjectWrapper<Tensor> map = new ReadOnlyObjectWrapper<>(this, "map");

    private KernelFit fit;
    private boolean settingDemo;

    public FitViewModel() {
        rateFactor.addListener((o, was, now) -> {
            if (!settingDemo) {
                reset();
            }
        });
    }

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

    /** The learning rate as a multiple of the step's; a change starts again from the random start. */
    public DoubleProperty rateFactorProperty() {
        return rateFactor;
    }

    /** The learning rate the fit runs with now. */
    public double learningRate() {
        FitDemo d = demo.get();
        return d == null ? 0 : d.learningRate() * rateFactor.get();
    }

    /** True once the loss grew past {@link #BLOW_UP} times its start or out of range: the fit stopped. */
    public ReadOnlyBooleanProperty blownUpProperty() {
        return blownUp.getReadOnlyProperty();
    }

    /** The feature map of the current weights (null with no demonstration or once blown up). */
    public ReadOnlyObjectProperty<Tensor> mapProperty() {
        return map.getReadOnlyProperty();
    }

    // Commands

    /** Shows a demonstration from its random start, stopped ({@code null} clears it). */
    public void set(FitDemo d) {
        if (d == demo.get() && fit != null) {
            return;
        }
        demo.set(d);
        settingDemo = true;
        rateFactor.set(1);
        settingDemo = false;
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
        fit = d.newFit(d.learningRate() * rateFactor.get());
        KernelFit.Snapshot s = fit.current();
        losses.add(s.loss());
        alwaysDown.set(true);
        blownUp.set(false);
        map.set(fit.output());
        snapshot.set(s);
    }

    /** One gradient step. */
    public void stepOnce() {
        if (fit == null || blownUp.get()) {
            return;
        }
        KernelFit.Snapshot s;
        try {
            s = fit.step();
        } catch (SpecException e) {
            // The weights left the range of a float: the engine refuses them.
            blowUp();
            return;
        }
        double previous = losses.get(losses.size() - 1);
        if (!Double.isFinite(s.loss()) || s.loss() > losses.get(0) * BLOW_UP + 1e-12) {
            blowUp();
            return;
        }
        losses.add(s.loss());
        if (s.loss() > previous * (1 + 1e-9) + 1e-12) {
            alwaysDown.set(false);
        }
        map.set(fit.output());
        snapshot.set(s);
    }

    private void blowUp() {
        playing.set(false);
        alwaysDown.set(false);
        map.set(null);
        blownUp.set(true);
    }

    /** Starts or stops playing; from the end it starts again. */
    public void togglePlay() {
        if (fit == null) {
            return;
        }
        if (!playing.get() && (finished() || blownUp.get())) {
            reset();
        }
        playing.set(!playing.get());
    }

    /** Runs the remaining iterations at once. */
    public void toEnd() {
        playing.set(false);
        while (fit != null && !finished() && !blownUp.get()) {
            stepOnce();
        }
    }

    /** What the view's timer calls: a few iterations while playing; stops at the step's count. */
    public void tick() {
        if (!playing.get() || fit == null) {
            return;
        }
        for (int i = 0; i < perTick.get() && !finished() && !blownUp.get(); i++) {
            stepOnce();
        }
        if (finished() || blownUp.get()) {
            playing.set(false);
        }
    }

    /** The demonstration's iterations are done. */
    public boolean finished() {
        FitDemo d = demo.get();
        return d == null || snapshot.get() != null && snapshot.get().iteration() >= d.iterations();
    }
}
