package org.convlens.ui;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar of controls that never hides one: they run left to right and wrap onto another row
 * when the bar is too narrow (a lesson panel beside it, a large zoom), as a FlowPane does; a
 * child marked {@link #setGrow grow} (the timeline) takes what is left of its row, as in an HBox.
 * Children are centred in their row's height.
 */
public class WrapBar extends Pane {
    private static final String GROW = "wrap-bar-grow";

    private final DoubleProperty hgap = new SimpleDoubleProperty(this, "hgap", 8);
    private final DoubleProperty vgap = new SimpleDoubleProperty(this, "vgap", 4);

    public WrapBar() {
        hgap.addListener(o -> requestLayout());
        vgap.addListener(o -> requestLayout());
    }

    /** Marks {@code n} to take the rest of its row (FXML: {@code WrapBar.grow="true"}). */
    public static void setGrow(Node n, boolean grow) {
        if (grow) {
            n.getProperties().put(GROW, Boolean.TRUE);
        } else {
            n.getProperties().remove(GROW);
        }
        if (n.getParent() != null) {
            n.getParent().requestLayout();
        }
    }

    public static boolean getGrow(Node n) {
        return Boolean.TRUE.equals(n.getProperties().get(GROW));
    }

    public DoubleProperty hgapProperty() {
        return hgap;
    }

    public double getHgap() {
        return hgap.get();
    }

    public void setHgap(double v) {
        hgap.set(v);
    }

    public DoubleProperty vgapProperty() {
        return vgap;
    }

    public double getVgap() {
        return vgap.get();
    }

    public void setVgap(double v) {
        vgap.set(v);
    }

    /** Its height depends on its width (the rows it wraps into). */
    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    private List<Node> shown() {
        return getManagedChildren().stream().filter(Node::isManaged).map(n -> (Node) n).toList();
    }

    /** The width a child asks for when rows are made: a growing child its minimum, others their preferred width. */
    private static double want(Node n) {
        return getGrow(n) ? Math.max(n.minWidth(-1), 1) : n.prefWidth(-1);
    }

    /** Children in rows for {@code width} of room. */
    private List<List<Node>> rows(double width) {
        List<List<Node>> rows = new ArrayList<>();
        List<Node> row = new ArrayList<>();
        double x = 0;
        for (Node n : shown()) {
            double w = want(n);
            if (!row.isEmpty() && x + hgap.get() + w > width) {
                rows.add(row);
                row = new ArrayList<>();
                x = 0;
            }
            x += (row.isEmpty() ? 0 : hgap.get()) + w;
            row.add(n);
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    private double rowHeight(List<Node> row) {
        double h = 0;
        for (Node n : row) {
            h = Math.max(h, n.prefHeight(-1));
        }
        return h;
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        double w = 0;
        for (Node n : shown()) {
            w += (w == 0 ? 0 : hgap.get()) + n.prefWidth(-1);
        }
        return w + in.getLeft() + in.getRight();
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        double w = 0;
        for (Node n : shown()) {
            w = Math.max(w, want(n));
        }
        return w + in.getLeft() + in.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double room = (width < 0 ? computePrefWidth(-1) : width) - in.getLeft() - in.getRight();
        List<List<Node>> rows = rows(room);
        double h = 0;
        for (List<Node> r : rows) {
            h += rowHeight(r);
        }
        return h + vgap.get() * Math.max(0, rows.size() - 1) + in.getTop() + in.getBottom();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double room = getWidth() - in.getLeft() - in.getRight();
        double y = in.getTop();
        for (List<Node> row : rows(room)) {
            double h = rowHeight(row);
            double used = 0;
            int growing = 0;
            for (Node n : row) {
                used += want(n);
                growing += getGrow(n) ? 1 : 0;
            }
            used += hgap.get() * (row.size() - 1);
            double extra = growing > 0 ? Math.max(0, room - used) / growing : 0;
            double x = in.getLeft();
            for (Node n : row) {
                double w = want(n) + (getGrow(n) ? extra : 0);
                double nh = Math.min(h, n.prefHeight(w));
                n.resizeRelocate(snapPositionX(x), snapPositionY(y + (h - nh) / 2), snapSizeX(w), snapSizeY(nh));
                x += w + hgap.get();
            }
            y += h + vgap.get();
        }
    }
}
