package org.convlens.ui.network;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.convlens.network.MapInfo;
import org.convlens.network.NetworkPlan;
import org.convlens.network.Shape;

/**
 * The maps of a network drawn as blocks to scale: a block's face is {@code H x W} (one scale for
 * all), its depth grows with the channels (one pixel each, then more slowly past 32, so 512
 * channels still fit), labelled {@code C x H x W}; a vector is a thin bar as long as its entries.
 * The map a click is in is outlined.
 */
public final class BlocksView extends Region {
    private static final double HEIGHT = 170;
    private final Canvas canvas = new Canvas();
    private NetworkPlan plan;
    private int selectedMap = -1;
    private boolean labels = true;
    private Color line = Color.web("#444444");
    private Color face = Color.web("#E69F00");
    private Color side = Color.web("#B07A00");
    private Color text = Color.web("#222222");

    public BlocksView() {
        getStyleClass().add("blocks-view");
        getChildren().add(canvas);
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
    }

    public void setPlan(NetworkPlan p) {
        plan = p;
        requestLayout();
    }

    /** Whether each block is labelled with its shape (not while a lesson asks for it). */
    public void setLabelsShown(boolean shown) {
        labels = shown;
        draw();
    }

    /** Outlines map {@code m} (-1: none). */
    public void setSelectedMap(int m) {
        selectedMap = m;
        draw();
    }

    /** Colours from the theme: outline, front face, side face, labels. */
    public void setColors(Color line, Color face, Color side, Color text) {
        this.line = line;
        this.face = face;
        this.side = side;
        this.text = text;
        draw();
    }

    private static double depth(int channels) {
        return channels <= 32 ? channels : 32 + 8 * Math.log(channels / 32.0) / Math.log(2);
    }

    @Override
    protected double computePrefWidth(double height) {
        return plan == null ? 200 : plan.maps().size() * 110;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.max(1, getWidth()));
        canvas.setHeight(Math.max(1, getHeight()));
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (plan == null) {
            return;
        }
        int n = plan.maps().size();
        double slot = Math.max(70, canvas.getWidth() / n);
        long biggest = 1;
        for (MapInfo m : plan.maps()) {
            biggest = Math.max(biggest, Math.max(m.shape().height(), m.shape().width()));
        }
        double scale = (HEIGHT - 60) / biggest;
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (MapInfo m : plan.maps()) {
            Shape s = m.shape();
            double cx = slot * (m.index() + 0.5);
            double base = HEIGHT - 30;
            if (s.flat()) {
                double len = Math.min(HEIGHT - 60, 8 + 4 * Math.log(1 + s.channels()) / Math.log(2) * 4);
                g.setFill(face);
                g.fillRect(cx - 4, base - len, 8, len);
                g.setStroke(m.index() == selectedMap ? Color.web("#0072B2") : line);
                g.setLineWidth(m.index() == selectedMap ? 3 : 1);
                g.strokeRect(cx - 4, base - len, 8, len);
            } else {
                double w = Math.max(2, s.width() * scale);
                double h = Math.max(2, s.height() * scale);
                double d = Math.min(slot * 0.45, depth(s.channels())) * 0.7;
                double x = cx - (w + d) / 2;
                double y = base - h;
                // side (depth) and top faces, then the front face
                g.setFill(side);
                g.fillPolygon(new double[] {x + w, x + w + d, x + w + d, x + w},
                        new double[] {y, y - d, y - d + h, y + h}, 4);
                g.fillPolygon(new double[] {x, x + d, x + w + d, x + w}, new double[] {y, y - d, y - d, y}, 4);
                g.setFill(face);
                g.fillRect(x, y, w, h);
                g.setStroke(m.index() == selectedMap ? Color.web("#0072B2") : line);
                g.setLineWidth(m.index() == selectedMap ? 3 : 1);
                g.strokeRect(x, y, w, h);
                g.strokePolygon(new double[] {x + w, x + w + d, x + w + d, x + w},
                        new double[] {y, y - d, y - d + h, y + h}, 4);
                g.strokePolygon(new double[] {x, x + d, x + w + d, x + w}, new double[] {y, y - d, y - d, y}, 4);
            }
            g.setFill(text);
            g.fillText(!labels && m.index() > 0 ? "?" : s.toString().replace(" x ", " \u00d7 "), cx, base + 6);
        }
    }
}
