package org.convlens.ui.stepper;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The teacher's pen over the stepper's grids: freehand strokes in the overlay's own pixels,
 * kept by the stepper's view-model so a language or theme switch (which rebuilds the view) keeps
 * them. Nothing here touches the scenario: a stroke is not part of what is saved or exported.
 * No JavaFX nodes.
 */
public final class Pen {
    /** Points closer than this (in pixels) to the last one are not added: a slow drag stays light. */
    static final double MIN_STEP = 2;
    /** A stroke stops growing at this many points (a pen left down on a moving mouse). */
    static final int MAX_POINTS = 20_000;

    /** One stroke: x, y, x, y... */
    public record Stroke(ObservableList<Double> points) {
    }

    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final ObservableList<Stroke> strokes = FXCollections.observableArrayList();
    /** One view for every reader: a listener on a view made per call would be lost with the view. */
    private final ObservableList<Stroke> readOnly = FXCollections.unmodifiableObservableList(strokes);

    /** Whether the mouse draws (else it reaches the grids as always). */
    public BooleanProperty activeProperty() {
        return active;
    }

    public void toggle() {
        active.set(!active.get());
    }

    public ObservableList<Stroke> strokes() {
        return readOnly;
    }

    /** Starts a stroke at (x, y) if the pen is active. */
    public void begin(double x, double y) {
        if (active.get()) {
            strokes.add(new Stroke(FXCollections.observableArrayList(x, y)));
        }
    }

    /** Carries the current stroke on to (x, y). */
    public void extend(double x, double y) {
        if (!active.get() || strokes.isEmpty()) {
            return;
        }
        ObservableList<Double> p = strokes.get(strokes.size() - 1).points();
        int n = p.size();
        if (n >= 2 * MAX_POINTS || Math.hypot(x - p.get(n - 2), y - p.get(n - 1)) < MIN_STEP) {
            return;
        }
        p.addAll(x, y);
    }

    /** Takes every stroke away (the pen stays as it was). */
    public void clear() {
        strokes.clear();
    }
}
