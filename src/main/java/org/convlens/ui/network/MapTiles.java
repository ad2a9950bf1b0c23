package org.convlens.ui.network;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.convlens.engine.Tensor;
import org.convlens.image.ColorScale;
import org.convlens.image.MapRenderer;
import org.convlens.image.MapStats;
import org.convlens.image.Scaling;
import org.convlens.network.AxisReach;

import java.util.function.BiConsumer;

/**
 * One map of a network drawn as small multiples: every channel a tile, all on one colour scale
 * (blue-white-orange with white at 0 for signed values), with the cells a traced cell reads or
 * reaches lit, gaps included, and the rectangle of its receptive field outlined (dashed where it
 * runs into the padding). A vector is drawn as a strip of cells. A click or a move over a cell
 * reports (channel, y, x).
 */
public final class MapTiles extends Region {
    static final double GAP = 6;
    private static final double MAX_CELL = 28;

    private final Canvas canvas = new Canvas();
    private Tensor map;
    private boolean vector;
    private org.convlens.network.Region lit;
    private boolean isPicked;
    private int pickedChannel = -1;
    private int pickedY;
    private int pickedX;
    private int columns = 1;
    private double cell = 1;
    private int strip = 1;
    private WritableImage[] tiles = new WritableImage[0];
    private BiConsumer<int[], Boolean> onCell;
    private Color highlight = Color.web("#0072B2");

    public MapTiles() {
        getStyleClass().add("map-tiles");
        getChildren().add(canvas);
        setOnMouseClicked(e -> report(e.getX(), e.getY(), true));
        setOnMouseMoved(e -> report(e.getX(), e.getY(), false));
    }

    /** Called with {channel, y, x} and true for a click, false for a move. */
    public void setOnCell(BiConsumer<int[], Boolean> onCell) {
        this.onCell = onCell;
    }

    /** The map to draw; {@code vector}: a flat vector (N x 1 x 1). */
    public void setMap(Tensor t, boolean vector) {
        this.map = t;
        this.vector = vector;
        renderTiles();
        requestLayout();
    }

    /** The cells to light (null: none); {@code picked}: the cell itself, drawn with a frame. */
    public void setLit(org.convlens.network.Region r, int[] picked) {
        this.lit = r;
        this.isPicked = picked != null;
        if (picked != null) {
            pickedChannel = picked[0];
            pickedY = picked[1];
            pickedX = picked[2];
        }
        draw();
    }

    /** The cells lit, or null. */
    public org.convlens.network.Region lit() {
        return lit;
    }

    public void setHighlight(Color c) {
        highlight = c;
        draw();
    }

    private int rows() {
        return vector ? (map.channels() + strip - 1) / strip : map.height();
    }

    private int cols() {
        return vector ? strip : map.width();
    }

    private int tileCount() {
        return vector ? 1 : map.channels();
    }

    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected void layoutChildren() {
        if (map == null) {
            return;
        }
        fit(getWidth());
        canvas.setWidth(Math.ceil(prefWidthFor()));
        canvas.setHeight(Math.ceil(prefHeightFor()));
        canvas.relocate(snappedLeftInset(), snappedTopInset());
        renderTiles();
        draw();
    }

    /** Chooses the columns of tiles and the cell size that fill {@code width} (tiles at most 420 px high in all). */
    private void fit(double width) {
        double w = Math.max(60, width - snappedLeftInset() - snappedRightInset());
        if (vector) {
            strip = (int) Math.max(1, Math.min(map.channels(), Math.floor(w / 14)));
            cell = Math.min(MAX_CELL, Math.max(2, w / strip));
            columns = 1;
        } else {
            int n = tileCount();
            double best = 0;
            int bestCols = 1;
            for (int c = 1; c <= n; c++) {
                int r = (n + c - 1) / c;
                double byW = (w - GAP * (c - 1)) / (c * (double) map.width());
                double byH = 420.0 / (r * (double) map.height());
                double size = Math.min(MAX_CELL, Math.min(byW, byH));
                if (size > best + 1e-9) {
                    best = size;
                    bestCols = c;
                }
            }
            columns = bestCols;
            cell = Math.max(0.25, best);
        }
    }

    private double prefWidthFor() {
        return columns * cols() * cell + GAP * (columns - 1);
    }

    private double prefHeightFor() {
        int r = (tileCount() + columns - 1) / columns;
        return r * rows() * cell + GAP * (r - 1);
    }

    @Override
    protected double computePrefHeight(double width) {
        if (map == null) {
            return 0;
        }
        fit(width < 0 ? Math.max(getWidth(), 600) : width);
        return prefHeightFor() + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 200;
    }

    private ColorScale scale() {
        MapStats s = MapStats.of(map);
        return ColorScale.of(Scaling.RAW, s);
    }

    /** Each channel drawn once per size into an image (the canvas then only blits and overlays). */
    private void renderTiles() {
        if (map == null) {
            tiles = new WritableImage[0];
            return;
        }
        int px = (int) Math.max(1, Math.round(cell));
        int tw = cols() * px;
        int th = rows() * px;
        if (tw * (long) th * tileCount() > 32_000_000L) {
            px = 1;
            tw = cols();
            th = rows();
        }
        ColorScale scale = scale();
        tiles = new WritableImage[tileCount()];
        Tensor src = vector ? asStrip() : map;
        for (int c = 0; c < tiles.length; c++) {
            int[] argb = new int[tw * th];
            MapRenderer.render(src, vector ? 0 : c, scale, new MapRenderer.Window(0, 0, 1.0 / px, tw, th), argb);
            WritableImage img = new WritableImage(tw, th);
            img.getPixelWriter().setPixels(0, 0, tw, th, PixelFormat.getIntArgbInstance(), argb, 0, tw);
            tiles[c] = img;
        }
    }

    /** A vector's values laid out in rows of {@link #strip} (the last row padded with its mean). */
    private Tensor asStrip() {
        int n = map.channels();
        int rows = (n + strip - 1) / strip;
        float[] d = new float[rows * strip];
        System.arraycopy(map.data(), 0, d, 0, n);
        return new Tensor(1, rows, strip, d);
    }

    private double tileX(int c) {
        return (c % columns) * (cols() * cell + GAP);
    }

    private double tileY(int c) {
        return (c / columns) * (rows() * cell + GAP);
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (map == null) {
            return;
        }
        g.setImageSmoothing(false);
        for (int c = 0; c < tiles.length; c++) {
            g.drawImage(tiles[c], tileX(c), tileY(c), cols() * cell, rows() * cell);
        }
        if (lit != null) {
            drawLit(g);
        }
    }

    private void drawLit(GraphicsContext g) {
        Color fill = highlight.deriveColor(0, 1, 1, 0.45);
        if (vector) {
            for (int i = 0; i < map.channels(); i++) {
                if (lit.contains(i, 0, 0)) {
                    g.setFill(fill);
                    g.fillRect((i % strip) * cell, (i / strip) * cell, cell, cell);
                }
            }
            if (isPicked) {
                frame(g, (pickedChannel % strip) * cell, (pickedChannel / strip) * cell, cell, cell);
            }
            return;
        }
        AxisReach rows = lit.rows();
        AxisReach cols = lit.cols();
        for (int c = 0; c < map.channels(); c++) {
            if (!anyIn(c)) {
                continue;
            }
            double x0 = tileX(c);
            double y0 = tileY(c);
            g.setFill(fill);
            for (int y = rows.clippedLo(); y <= rows.clippedHi(); y++) {
                if (!rows.cell(y)) {
                    continue;
                }
                for (int x = cols.clippedLo(); x <= cols.clippedHi(); x++) {
                    if (cols.cell(x)) {
                        g.fillRect(x0 + x * cell, y0 + y * cell, cell, cell);
                    }
                }
            }
            // The rectangle of the field: solid inside the map, dashed where it reaches into padding.
            g.setStroke(highlight);
            g.setLineWidth(Math.max(1.5, Math.min(3, cell / 6)));
            double rx = x0 + cols.lo() * cell;
            double ry = y0 + rows.lo() * cell;
            double rw = cols.size() * cell;
            double rh = rows.size() * cell;
            boolean outside = rows.lo() < 0 || cols.lo() < 0 || rows.hi() >= map.height() || cols.hi() >= map.width();
            g.setLineDashes(outside ? new double[] {5, 4} : null);
            g.strokeRect(rx, ry, rw, rh);
            g.setLineDashes((double[]) null);
            if (isPicked && c == pickedChannel && lit.rows().count() == 1 && lit.cols().count() == 1) {
                frame(g, x0 + pickedX * cell, y0 + pickedY * cell, cell, cell);
            }
        }
    }

    private boolean anyIn(int c) {
        return c < lit.channels().length && lit.channels()[c];
    }

    private void frame(GraphicsContext g, double x, double y, double w, double h) {
        g.setStroke(Color.BLACK);
        g.setLineWidth(Math.max(2, Math.min(4, cell / 5)));
        g.strokeRect(x, y, w, h);
    }

    /** The cell under (px, py), as {channel, y, x}, or null. */
    int[] cellAt(double px, double py) {
        if (map == null || cell <= 0) {
            return null;
        }
        double x = px - snappedLeftInset();
        double y = py - snappedTopInset();
        if (vector) {
            int i = (int) Math.floor(y / cell) * strip + (int) Math.floor(x / cell);
            return x >= 0 && y >= 0 && x < strip * cell && i < map.channels() ? new int[] {i, 0, 0} : null;
        }
        double tw = cols() * cell + GAP;
        double th = rows() * cell + GAP;
        int tc = (int) Math.floor(x / tw);
        int tr = (int) Math.floor(y / th);
        int c = tr * columns + tc;
        int cx = (int) Math.floor((x - tc * tw) / cell);
        int cy = (int) Math.floor((y - tr * th) / cell);
        if (x < 0 || y < 0 || tc >= columns || c >= map.channels() || cx >= map.width() || cy >= map.height()) {
            return null;
        }
        return new int[] {c, cy, cx};
    }

    /** The centre of cell (channel, y, x) in this control's coordinates (for tests and tools). */
    public double[] cellCenter(int channel, int y, int x) {
        if (vector) {
            return new double[] {snappedLeftInset() + (channel % strip + 0.5) * cell,
                snappedTopInset() + (channel / strip + 0.5) * cell};
        }
        return new double[] {snappedLeftInset() + tileX(channel) + (x + 0.5) * cell,
            snappedTopInset() + tileY(channel) + (y + 0.5) * cell};
    }

    private void report(double px, double py, boolean click) {
        int[] c = cellAt(px, py);
        if (c != null && onCell != null) {
            onCell.accept(c, click);
        }
    }

    /** The size of one cell on screen, in pixels. */
    public double cellSize() {
        return cell;
    }
}
