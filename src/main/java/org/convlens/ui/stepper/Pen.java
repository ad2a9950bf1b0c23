package org.convlens.ui.stepper;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The teacher's pen over the stepper's grids: freehand lines, arrows and circles, kept by the
 * stepper's view-model so a language or theme switch (which rebuilds the view) keeps them.
 * Points are kept on the cells they were drawn on, not in screen pixels ({@link Point}): when the
 * grids grow or shrink (zoom, presentation mode, a narrower window) a mark stays on its cells.
 * Nothing here touches the scenario: a stroke is not part of what is saved or exported. No
 * JavaFX nodes.
 */
public final class Pen {
    /** Points closer than this (in cells) to the last one are not added: a slow drag stays light. */
    static final double MIN_STEP = 0.04;
    /** A stroke stops growing at this many points (a pen left down on a moving mouse). */
    static final int MAX_POINTS = 20_000;

    /** What a drag draws. */
    public enum Shape {
        /** Freehand, through every point the mouse passes. */
        LINE,
        /** A straight arrow from where the drag starts to where it ends. */
        ARROW,
        /** A circle centred where the drag starts, through where it ends. */
        CIRCLE;

        /** The shape after this one, for the key that changes the pen's shape. */
        public Shape next() {
            return values()[(ordinal() + 1) % values().length];
        }
    }

    /**
     * A point held by what it was drawn on: {@code anchor} names a grid (its id) and (u, v) are
     * its column and row in cells from the grid's top-left cell corner (fractions, and outside the
     * grid too); or the anchor is {@link #STAGE} and (u, v) are in font heights from the stage's corner.
     */
    public record Point(String anchor, double u, double v) {
    }

    /** The anchor of points drawn away from every grid. */
    public static final String STAGE = "stage";

    /** One mark: its shape and its points (a line's every point; an arrow's or circle's two). */
    public record Stroke(Shape shape, ObservableList<Point> points) {
    }

    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final ObjectProperty<Shape> tool = new SimpleObjectProperty<>(this, "tool", Shape.LINE);
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

    /** What a plain drag draws (Shift draws an arrow and Alt a circle whatever it is). */
    public ObjectProperty<Shape> toolProperty() {
        return tool;
    }

    /** The next shape (line, arrow, circle, line...); takes the pen in hand. */
    public void nextTool() {
        tool.set(tool.get().next());
        active.set(true);
    }

    public ObservableList<Stroke> strokes() {
        return readOnly;
    }

    /** Starts a mark of {@code shape} at {@code p} if the pen is active. */
    public void begin(Shape shape, Point p) {
        if (active.get()) {
            ObservableList<Point> points = FXCollections.observableArrayList(p);
            if (shape != Shape.LINE) {
                points.add(p);
            }
            strokes.add(new Stroke(shape, points));
        }
    }

    /** Carries the current mark on to {@code p}: a line through it, an arrow or circle's end moved to it. */
    public void extend(Point p) {
        if (!active.get() || strokes.isEmpty()) {
            return;
        }
        Stroke s = strokes.get(strokes.size() - 1);
        ObservableList<Point> points = s.points();
        int n = points.size();
        if (s.shape() != Shape.LINE) {
            points.set(n - 1, p);
            return;
        }
        Point last = points.get(n - 1);
        if (n >= MAX_POINTS || last.anchor().equals(p.anchor()) && Math.hypot(p.u() - last.u(), p.v() - last.v()) < MIN_STEP) {
            return;
        }
        points.add(p);
    }

    /** Takes every stroke away (the pen stays as it was). */
    public void clear() {
        strokes.clear();
    }
}
