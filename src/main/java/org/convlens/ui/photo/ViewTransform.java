package org.convlens.ui.photo;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import org.convlens.image.MapRenderer;

/**
 * Zoom and pan shared by the input and the result panes, so they stay in step: the input point
 * at the top-left corner of the view ({@link #x0}, {@link #y0}) and input pixels per screen pixel
 * ({@link #step}). Every change goes through one {@link #set} so listeners see one update.
 */
public final class ViewTransform {
    /** Most zoomed in: one input pixel 64 screen pixels wide. */
    public static final double MIN_STEP = 1.0 / 64;
    /** Most zoomed out: 256 input pixels per screen pixel. */
    public static final double MAX_STEP = 256;

    private final ReadOnlyDoubleWrapper x0 = new ReadOnlyDoubleWrapper(this, "x0", 0);
    private final ReadOnlyDoubleWrapper y0 = new ReadOnlyDoubleWrapper(this, "y0", 0);
    private final ReadOnlyDoubleWrapper step = new ReadOnlyDoubleWrapper(this, "step", 1);
    private final ReadOnlyDoubleWrapper revision = new ReadOnlyDoubleWrapper(this, "revision", 0);

    public ReadOnlyDoubleProperty x0Property() {
        return x0.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty y0Property() {
        return y0.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** Changes once per {@link #set}: listen to this one to redraw. */
    public ReadOnlyDoubleProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public double x0() {
        return x0.get();
    }

    public double y0() {
        return y0.get();
    }

    public double step() {
        return step.get();
    }

    public void set(double nx, double ny, double nstep) {
        x0.set(nx);
        y0.set(ny);
        step.set(Math.max(MIN_STEP, Math.min(MAX_STEP, nstep)));
        revision.set(revision.get() + 1);
    }

    /** Shows a {@code w x h} image whole and centred in a {@code vw x vh} view. */
    public void fit(int w, int h, double vw, double vh) {
        if (vw < 1 || vh < 1) {
            return;
        }
        double s = Math.max(w / vw, h / vh);
        set((w - vw * s) / 2, (h - vh * s) / 2, s);
    }

    /** One input pixel per screen pixel, keeping the centre of a {@code vw x vh} view where it is. */
    public void actualSize(double vw, double vh) {
        zoomAt(step() / 1.0, vw / 2, vh / 2);
    }

    /** Zooms by {@code factor} (above 1 zooms in) keeping the input point under screen point {@code (sx, sy)} fixed. */
    public void zoomAt(double factor, double sx, double sy) {
        double ns = Math.max(MIN_STEP, Math.min(MAX_STEP, step() / factor));
        double px = x0() + sx * step();
        double py = y0() + sy * step();
        set(px - sx * ns, py - sy * ns, ns);
    }

    /** Moves the view by {@code (dx, dy)} screen pixels (dragging the picture right moves the view left). */
    public void panBy(double dx, double dy) {
        set(x0() - dx * step(), y0() - dy * step(), step());
    }

    /** The input point under screen point {@code (sx, sy)}. */
    public double inputX(double sx) {
        return x0() + sx * step();
    }

    public double inputY(double sy) {
        return y0() + sy * step();
    }

    /** The screen point of input point {@code x}. */
    public double screenX(double x) {
        return (x - x0()) / step();
    }

    public double screenY(double y) {
        return (y - y0()) / step();
    }

    /** The renderer's window for a {@code w x h} view. */
    public MapRenderer.Window window(int w, int h) {
        return new MapRenderer.Window(x0(), y0(), step(), Math.max(1, w), Math.max(1, h));
    }
}
