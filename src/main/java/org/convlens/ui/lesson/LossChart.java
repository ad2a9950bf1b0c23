package org.convlens.ui.lesson;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The loss against the iteration on a log scale, drawn with shapes (styled by CSS:
 * {@code .loss-line}, {@code .loss-axis}, {@code .loss-label}) and laid out afresh whenever the
 * losses or the size change.
 */
final class LossChart extends Pane {
    private static final double FLOOR = 1e-6;
    private final ObservableList<Double> losses;
    private final IntSupplier iterations;
    private final Polyline line = new Polyline();
    private final Line xAxis = new Line();
    private final Line yAxis = new Line();
    private final List<Text> labels = new ArrayList<>();

    LossChart(ObservableList<Double> losses, IntSupplier iterations) {
        this.losses = losses;
        this.iterations = iterations;
        getStyleClass().add("loss-chart");
        line.getStyleClass().add("loss-line");
        xAxis.getStyleClass().add("loss-axis");
        yAxis.getStyleClass().add("loss-axis");
        getChildren().addAll(xAxis, yAxis, line);
        setPrefSize(300, 140);
        setMinSize(120, 80);
        losses.addListener((ListChangeListener<Double>) c -> requestLayout());
    }

    /** The points, for tests: x, y pairs in this pane. */
    List<Double> points() {
        return List.copyOf(line.getPoints());
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double left = 34;
        double bottom = h - 16;
        double top = 6;
        double right = w - 6;
        getChildren().removeAll(labels);
        labels.clear();
        xAxis.setStartX(left);
        xAxis.setStartY(bottom);
        xAxis.setEndX(right);
        xAxis.setEndY(bottom);
        yAxis.setStartX(left);
        yAxis.setStartY(top);
        yAxis.setEndX(left);
        yAxis.setEndY(bottom);
        double lo = Math.log10(FLOOR);
        double hi = Math.log10(1e-5);
        for (double v : losses) {
            hi = Math.max(hi, Math.log10(Math.max(v, FLOOR)));
        }
        hi = Math.ceil(hi);
        long every = Math.max(1, Math.round((hi - lo) / 4));
        for (double e = lo; e <= hi; e += every) {
            double y = bottom - (e - lo) / (hi - lo) * (bottom - top);
            label("1e" + (int) e, 2, y + 4);
        }
        int n = Math.max(1, Math.max(iterations.getAsInt(), losses.size() - 1));
        label("0", left - 3, h - 2);
        label(Integer.toString(n), right - 20, h - 2);
        List<Double> pts = new ArrayList<>(losses.size() * 2);
        for (int i = 0; i < losses.size(); i++) {
            pts.add(left + (right - left) * i / n);
            pts.add(bottom - (Math.log10(Math.max(losses.get(i), FLOOR)) - lo) / (hi - lo) * (bottom - top));
        }
        line.getPoints().setAll(pts);
    }

    private void label(String s, double x, double y) {
        Text t = new Text(x, y, s);
        t.getStyleClass().add("loss-label");
        labels.add(t);
        getChildren().add(t);
    }
}
