package org.convlens.ui.grid;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * A grid of numbered cells drawn on one {@link Canvas}, so a 36 x 36 padded input redraws well
 * inside a 60 fps frame (one node instead of 1,296 labels). It draws a {@link GridPicture}: each
 * cell's number, a colour for its value, the padding ring and inserted zeros, and the states of
 * {@link CellFlags}.
 *
 * <p>Styled as a ControlsFX control is: the style class {@value #DEFAULT_STYLE_CLASS}, and each
 * cell state is a CSS pseudo-class of {@code .cell} ({@code :padding}, {@code :inserted},
 * {@code :in-window}, {@code :current}, {@code :read}, {@code :linked}, {@code :uncovered},
 * {@code :pending}, {@code :chosen}, {@code :selected}, {@code :source}). Since cells are not
 * nodes, the grid keeps one hidden style probe per state and paints with the colours, borders and
 * font CSS gives each probe; every colour comes from the stylesheet's variables.
 *
 * <p>Cells can be edited in place: double-click, or select one and type; Enter commits, Escape
 * cancels, Tab moves to the next cell. The {@link #cellEditorProperty() editor} decides what a
 * typed text means and returns a message for a bad one, which stays at the cell.
 */
public class GridView extends Region {
    public static final String DEFAULT_STYLE_CLASS = "grid-view";
    private static final PseudoClass PADDING = PseudoClass.getPseudoClass("padding");
    private static final PseudoClass INSERTED = PseudoClass.getPseudoClass("inserted");
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final PseudoClass EDITABLE = PseudoClass.getPseudoClass("editable");
    private static final PseudoClass[] FLAG_PSEUDO = CellFlags.NAMES.stream().map(PseudoClass::getPseudoClass)
            .toArray(PseudoClass[]::new);

    /** Decides what typed text does to a cell. */
    public interface CellEditor {
        /** @return null when the text was taken, else a message saying what is wrong with it */
        String commit(int row, int col, String text);
    }

    /** Headers (and nothing else), redrawn only on full draws. */
    private final Canvas canvas = new Canvas();
    /** The cells, in square tiles of {@link #tileCells} cells, so a step repaints only the tiles it changes. */
    private final javafx.scene.layout.Pane tilePane = new javafx.scene.layout.Pane();
    private Canvas[] tiles = new Canvas[0];
    private int tileRows;
    private int tileCols;
    private int tileCells = 1;
    private final Label base = probe("cell");
    private final Label padding = probe("cell");
    private final Label inserted = probe("cell");
    private final Label[] states = new Label[CellFlags.NAMES.size()];
    private final Label negative = probe("value-negative");
    private final Label positive = probe("value-positive");
    private final Label header = probe("header");
    private final Label lightText = probe("text-on-dark");
    private final TextField editor = new TextField();
    private final Label editorMessage = new Label();
    private final Map<Integer, Font> fonts = new HashMap<>();
    private final Map<Integer, Double> digitWidths = new HashMap<>();

    private final ObjectProperty<GridPicture> picture = new SimpleObjectProperty<>(this, "picture");
    private final ReadOnlyIntegerWrapper hoveredCell = new ReadOnlyIntegerWrapper(this, "hoveredCell", -1);
    private final ReadOnlyIntegerWrapper clickedCell = new ReadOnlyIntegerWrapper(this, "clickedCell", -1);
    private final ObjectProperty<CellEditor> cellEditor = new SimpleObjectProperty<>(this, "cellEditor");
    private final ObjectProperty<BiPredicate<Integer, Integer>> editableCell =
            new SimpleObjectProperty<>(this, "editableCell", (r, c) -> true);
    private final ObjectProperty<java.util.function.BiFunction<Integer, Integer, String>> cellTooltip =
            new SimpleObjectProperty<>(this, "cellTooltip");
    private final javafx.scene.control.Tooltip tooltip = new javafx.scene.control.Tooltip();
    private final BooleanProperty showHeaders = new SimpleBooleanProperty(this, "showHeaders", true);
    private final javafx.beans.property.DoubleProperty cellSize =
            new javafx.beans.property.SimpleDoubleProperty(this, "cellSize", Double.NaN);

    private double cell;
    private double headerSize;
    private double originX;
    private double originY;
    private int editRow = -1;
    private int editCol = -1;
    private int selected = -1;
    private long draws;

    public GridView() {
        getStyleClass().add(DEFAULT_STYLE_CLASS);
        padding.pseudoClassStateChanged(PADDING, true);
        inserted.pseudoClassStateChanged(INSERTED, true);
        for (int i = 0; i < states.length; i++) {
            states[i] = probe("cell");
            states[i].pseudoClassStateChanged(FLAG_PSEUDO[i], true);
        }
        tilePane.setManaged(false);
        tilePane.setPickOnBounds(false);
        getChildren().addAll(canvas, tilePane);
        getChildren().addAll(base, padding, inserted, negative, positive, header, lightText);
        getChildren().addAll(states);
        editor.getStyleClass().add("cell-editor");
        editor.setVisible(false);
        editor.setManaged(false);
        editorMessage.getStyleClass().add("cell-editor-message");
        editorMessage.setVisible(false);
        editorMessage.setManaged(false);
        editorMessage.setWrapText(true);
        getChildren().addAll(editor, editorMessage);
        setFocusTraversable(true);

        picture.addListener((o, a, b) -> {
            if (a == null || b == null || a.rows() != b.rows() || a.cols() != b.cols()) {
                requestLayout();
            }
            draw();
        });
        showHeaders.addListener(o -> requestLayout());
        cellSize.addListener(o -> requestLayout());
        cellEditor.addListener(o -> pseudoClassStateChanged(EDITABLE, cellEditor.get() != null));

        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            if (onCells(e)) {
                hoveredCell.set(cellAt(e.getX() - snappedLeftInset(), e.getY() - snappedTopInset()));
            }
        });
        tooltip.setShowDelay(Duration.millis(350));
        tooltip.getStyleClass().add("cell-tooltip");
        hoveredCell.addListener((o, a, b) -> updateTooltip());
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            if (e.getTarget() == this) {
                hoveredCell.set(-1);
            }
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (onCells(e)) {
                clicked(e);
            }
        });
        addEventHandler(KeyEvent.KEY_TYPED, this::typed);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if ((e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.F2) && selected >= 0 && !editor.isVisible()) {
                startEdit(selected / cols(), selected % cols(), null);
                e.consume();
            }
        });
        editor.addEventFilter(KeyEvent.KEY_PRESSED, this::editorKey);
        editor.textProperty().addListener(o -> {
            editor.pseudoClassStateChanged(INVALID, false);
            editorMessage.setVisible(false);
        });
        editor.focusedProperty().addListener((o, was, is) -> {
            if (!is && editor.isVisible()) {
                if (!commitEdit()) {
                    cancelEdit();
                }
            }
        });
        for (Label l : allProbes()) {
            l.backgroundProperty().addListener(o -> drawLater());
            l.borderProperty().addListener(o -> drawLater());
            l.textFillProperty().addListener(o -> drawLater());
            l.fontProperty().addListener(o -> {
                fonts.clear();
                digitWidths.clear();
                requestLayout();
            });
        }
    }

    private boolean drawQueued;

    private void drawLater() {
        drawnStyle = null;
        if (!drawQueued) {
            drawQueued = true;
            javafx.application.Platform.runLater(() -> {
                drawQueued = false;
                draw();
            });
        }
    }

    private List<Label> allProbes() {
        List<Label> all = new java.util.ArrayList<>(probes());
        all.addAll(List.of(states));
        return all;
    }

    /** True when a mouse event is on the cells (not on the in-place editor or its message). */
    private boolean onCells(MouseEvent e) {
        Object t = e.getTarget();
        return t == this || t == canvas || t instanceof Canvas;
    }

    private Label probe(String styleClass) {
        Label l = new Label("0");
        l.getStyleClass().add(styleClass);
        l.setManaged(false);
        l.setOpacity(0);
        l.setMouseTransparent(true);
        l.resize(0, 0);
        return l;
    }

    @Override
    public String getUserAgentStylesheet() {
        return GridView.class.getResource("/css/GridView.css").toExternalForm();
    }

    // Properties

    /** What the grid shows. */
    public ObjectProperty<GridPicture> pictureProperty() {
        return picture;
    }

    public GridPicture getPicture() {
        return picture.get();
    }

    public void setPicture(GridPicture p) {
        picture.set(p);
    }

    /** Row-major index of the cell under the mouse, -1 when none. */
    public ReadOnlyIntegerProperty hoveredCellProperty() {
        return hoveredCell.getReadOnlyProperty();
    }

    /** Row-major index of the cell last clicked, -1 when none (clicking it again clears it). */
    public ReadOnlyIntegerProperty clickedCellProperty() {
        return clickedCell.getReadOnlyProperty();
    }

    /** Clears the clicked cell. */
    public void clearClicked() {
        clickedCell.set(-1);
        selected = -1;
    }

    /**
     * The text shown when the mouse rests on a cell (its exact value, where it comes from), or
     * null for none; so every number can be read even when cells are too small for their text.
     */
    public ObjectProperty<java.util.function.BiFunction<Integer, Integer, String>> cellTooltipProperty() {
        return cellTooltip;
    }

    private void updateTooltip() {
        int i = hoveredCell.get();
        GridPicture p = picture.get();
        String text = null;
        if (i >= 0 && p != null && cellTooltip.get() != null && i < p.rows() * p.cols()) {
            text = cellTooltip.get().apply(i / p.cols(), i % p.cols());
        }
        if (text == null) {
            javafx.scene.control.Tooltip.uninstall(this, tooltip);
            tooltip.hide();
        } else {
            tooltip.setText(text);
            javafx.scene.control.Tooltip.install(this, tooltip);
        }
    }

    /** Null for a read-only grid. */
    public ObjectProperty<CellEditor> cellEditorProperty() {
        return cellEditor;
    }

    public CellEditor getCellEditor() {
        return cellEditor.get();
    }

    public void setCellEditor(CellEditor e) {
        cellEditor.set(e);
    }

    public void setEditableCell(BiPredicate<Integer, Integer> p) {
        editableCell.set(p);
    }

    /** Which cells may be edited (padding and inserted zeros may not). */
    public ObjectProperty<BiPredicate<Integer, Integer>> editableCellProperty() {
        return editableCell;
    }

    public BooleanProperty showHeadersProperty() {
        return showHeaders;
    }

    /**
     * A fixed side for every cell, so several grids can share one size (the stepper fits them all
     * to the window); NaN (the default) lets the grid size its cells to the space it gets, up to
     * the CSS {@code -fx-pref-width} of {@code .cell}.
     */
    public javafx.beans.property.DoubleProperty cellSizeProperty() {
        return cellSize;
    }

    public double getCellSize() {
        return cellSize.get();
    }

    /** The cell side CSS asks for, as a property: it changes with the zoom and when the stylesheet is applied. */
    public javafx.beans.property.ReadOnlyDoubleProperty preferredCellSizeProperty() {
        return base.prefWidthProperty();
    }

    /** The cell side CSS asks for ({@code .cell}'s pref width, which scales with the font size). */
    public double preferredCellSize() {
        return prefCell();
    }

    /** Width of the header band for cells of side {@code s} (0 without headers). */
    public double headerExtent(double s) {
        return headerExtentFor(s);
    }

    /** How many times the canvas was drawn (for the frame-rate benchmark and tests). */
    public long drawCount() {
        return draws;
    }

    /** The side of one cell in pixels, as last laid out. */
    public double cellSize() {
        return cell;
    }

    /** Centre of cell (r, c) in scene coordinates (for tests and tooltips). */
    public Point2D cellCenterInScene(int r, int c) {
        return localToScene(snappedLeftInset() + originX + (c + 0.5) * cell,
                snappedTopInset() + originY + (r + 0.5) * cell);
    }

    /** Centre of cell (r, c) in screen coordinates. */
    public Point2D cellCenterOnScreen(int r, int c) {
        return localToScreen(snappedLeftInset() + originX + (c + 0.5) * cell,
                snappedTopInset() + originY + (r + 0.5) * cell);
    }

    /** The in-place editor (for tests). */
    public TextField editor() {
        return editor;
    }

    /** The message shown at the cell being edited when its text is wrong (for tests). */
    public Label editorMessage() {
        return editorMessage;
    }

    private int rows() {
        GridPicture p = picture.get();
        return p == null ? 0 : p.rows();
    }

    private int cols() {
        GridPicture p = picture.get();
        return p == null ? 0 : p.cols();
    }

    // Layout

    private double prefCell() {
        double w = base.prefWidth(-1);
        return w > 4 ? w : 44;
    }

    private double minCell() {
        double w = base.minWidth(-1);
        return Math.max(w > 1 && w < prefCell() ? w : 12, 4);
    }

    private double headerExtentFor(double cellSide) {
        GridPicture p = picture.get();
        if (!showHeaders.get() || p == null || !p.hasHeaders()) {
            return 0;
        }
        return Math.max(Math.min(cellSide * 0.7, header.getFont().getSize() * 2.2), 10);
    }

    private boolean fixed() {
        return !Double.isNaN(cellSize.get()) && cellSize.get() > 0;
    }

    private double widthFor(double c) {
        return snappedLeftInset() + snappedRightInset() + cols() * c + headerExtentFor(c);
    }

    private double heightFor(double c) {
        return snappedTopInset() + snappedBottomInset() + rows() * c + headerExtentFor(c);
    }

    @Override
    protected double computePrefWidth(double height) {
        return widthFor(fixed() ? cellSize.get() : prefCell());
    }

    @Override
    protected double computePrefHeight(double width) {
        return heightFor(fixed() ? cellSize.get() : prefCell());
    }

    @Override
    protected double computeMinWidth(double height) {
        return widthFor(fixed() ? cellSize.get() : minCell());
    }

    @Override
    protected double computeMinHeight(double width) {
        return heightFor(fixed() ? cellSize.get() : minCell());
    }

    @Override
    protected double computeMaxWidth(double height) {
        return fixed() ? computePrefWidth(height) : Double.MAX_VALUE;
    }

    @Override
    protected double computeMaxHeight(double width) {
        return fixed() ? computePrefHeight(width) : Double.MAX_VALUE;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        canvas.relocate(snappedLeftInset(), snappedTopInset());
        canvas.setWidth(Math.max(w, 1));
        canvas.setHeight(Math.max(h, 1));
        int r = Math.max(rows(), 1);
        int c = Math.max(cols(), 1);
        double limit = fixed() ? cellSize.get() : prefCell();
        double side = Math.min(limit, Math.min(w / c, h / r));
        headerSize = Math.ceil(headerExtentFor(side));
        side = Math.min(limit, Math.min((w - headerSize) / c, (h - headerSize) / r));
        cell = Math.max(Math.floor(side), 2);
        // whole pixels everywhere: cells, tiles and their edges never fall between two pixels
        originX = headerSize + Math.max(0, Math.floor((w - headerSize - cell * c) / 2));
        originY = headerSize;
        layoutTiles();
        if (editor.isVisible()) {
            placeEditor();
        }
        draw();
    }

    /** About this many pixels a side per tile: small enough that a step dirties little, few enough canvases. */
    private static final double TILE_PIXELS = 150;

    private void layoutTiles() {
        int rows = Math.max(rows(), 1);
        int cols = Math.max(cols(), 1);
        tileCells = Math.max(1, (int) Math.round(TILE_PIXELS / cell));
        int tr = (rows + tileCells - 1) / tileCells;
        int tc = (cols + tileCells - 1) / tileCells;
        if (tr * tc != tiles.length) {
            tiles = new Canvas[tr * tc];
            for (int i = 0; i < tiles.length; i++) {
                tiles[i] = new Canvas();
            }
            tilePane.getChildren().setAll(tiles);
        }
        tileRows = tr;
        tileCols = tc;
        tilePane.relocate(snappedLeftInset(), snappedTopInset());
        for (int i = 0; i < tiles.length; i++) {
            int r0 = i / tc * tileCells;
            int c0 = i % tc * tileCells;
            double x = originX + c0 * cell;
            double y = originY + r0 * cell;
            tiles[i].relocate(x, y);
            // the last tile of a row or column also holds the grid's outer edge line
            tiles[i].setWidth(Math.min(tileCells, cols - c0) * cell + (c0 + tileCells >= cols ? 1 : 0));
            tiles[i].setHeight(Math.min(tileCells, rows - r0) * cell + (r0 + tileCells >= rows ? 1 : 0));
        }
    }

    /** The graphics of the tile holding cell (r, c), in the grid's coordinates (the tile clips). */
    private GraphicsContext tileFor(int r, int c) {
        int i = (r / tileCells) * tileCols + c / tileCells;
        return tileGraphics(i);
    }

    private GraphicsContext tileGraphics(int i) {
        Canvas t = tiles[i];
        GraphicsContext g = t.getGraphicsContext2D();
        g.setTransform(1, 0, 0, 1, -t.getLayoutX(), -t.getLayoutY());
        return g;
    }

    private static void clear(Canvas c) {
        GraphicsContext g = c.getGraphicsContext2D();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.clearRect(0, 0, c.getWidth(), c.getHeight());
    }

    // Drawing

    /** The colours and widths CSS gives the probes, read once per full redraw. */
    private static final class Style {
        Color zero;
        Color neg;
        Color pos;
        Color padTint;
        Color insertedFill;
        Color pendingFill;
        Color darkText;
        Color brightText;
        Paint gridLine;
        Paint paddingLine;
        Paint uncoveredLine;
        Color[] tints;
        Paint[] strokes;
        double[] widths;
    }

    private Style readStyle() {
        Style st = new Style();
        st.zero = color(base, Color.WHITE);
        st.neg = color(negative, Color.web("#0072b2"));
        st.pos = color(positive, Color.web("#e69f00"));
        st.padTint = color(padding, Color.TRANSPARENT);
        st.insertedFill = color(inserted, Color.LIGHTGRAY);
        st.pendingFill = color(states[5], st.zero);
        st.darkText = textColor(base, Color.BLACK);
        st.brightText = textColor(lightText, Color.WHITE);
        st.gridLine = stroke(base, Color.GRAY);
        st.paddingLine = stroke(padding, Color.GRAY);
        st.uncoveredLine = stroke(states[4], Color.GRAY);
        st.tints = new Color[states.length];
        st.strokes = new Paint[states.length];
        st.widths = new double[states.length];
        for (int i = 0; i < states.length; i++) {
            st.tints[i] = color(states[i], Color.TRANSPARENT);
            st.strokes[i] = stroke(states[i], Color.BLACK);
            st.widths[i] = strokeWidth(states[i]);
        }
        return st;
    }

    /** Border order, weakest first so the strongest is drawn on top: selected, marked, linked, source, in-window, read, chosen, current. */
    private static final int[] BORDER_ORDER = {7, 9, 3, 8, 0, 2, 6, 1};

    private GridPicture drawnPicture;
    private Style drawnStyle;
    private double drawnCell;
    private double drawnWidth;
    private double drawnHeight;
    private long incrementalDraws;

    /** How many of the draws only repainted changed cells (for the frame-rate benchmark). */
    public long incrementalDrawCount() {
        return incrementalDraws;
    }

    /**
     * Redraws the canvas from the picture and the current CSS. When only some cells changed since
     * the last draw (a step moves the window: about 50 of 1,296 input cells), only those are
     * repainted; the canvas keeps the rest.
     */
    public void draw() {
        GridPicture p = picture.get();
        GraphicsContext g = canvas.getGraphicsContext2D();
        if (p == null || cell <= 0 || tileRows * tileCols != tiles.length
                || tileRows != (p.rows() + tileCells - 1) / tileCells
                || tileCols != (p.cols() + tileCells - 1) / tileCells) {
            g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            for (Canvas t : tiles) {
                clear(t);
            }
            drawnPicture = null;
            if (p != null && cell > 0) {
                requestLayout();
            }
            return;
        }
        draws++;
        GridPicture old = drawnPicture;
        boolean incremental = old != null && drawnStyle != null && !drawQueued && old.rows() == p.rows()
                && old.cols() == p.cols() && old.scale() == p.scale() && drawnCell == cell
                && drawnWidth == canvas.getWidth() && drawnHeight == canvas.getHeight()
                && java.util.Arrays.equals(old.inner(), p.inner());
        if (incremental) {
            int n = p.rows() * p.cols();
            int[] changed = new int[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                int r = i / p.cols();
                int c = i % p.cols();
                if (old.flags(r, c) != p.flags(r, c) || old.kind(r, c) != p.kind(r, c)
                        || Float.compare(old.value(r, c), p.value(r, c)) != 0
                        || !java.util.Objects.equals(old.text(r, c), p.text(r, c))) {
                    changed[count++] = i;
                }
            }
            if (count * 3 < n) {
                incrementalDraws++;
                boolean[] touched = new boolean[tiles.length];
                for (int k = 0; k < count; k++) {
                    int r = changed[k] / p.cols();
                    int c = changed[k] % p.cols();
                    drawCell(tileFor(r, c), p, drawnStyle, r, c);
                    touched[(r / tileCells) * tileCols + c / tileCells] = true;
                }
                for (int i = 0; i < tiles.length; i++) {
                    if (touched[i]) {
                        drawInner(tileGraphics(i), p, drawnStyle);
                    }
                }
                drawnPicture = p;
                return;
            }
        }
        Style st = readStyle();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        for (Canvas t : tiles) {
            clear(t);
        }
        for (int r = 0; r < p.rows(); r++) {
            for (int c = 0; c < p.cols(); c++) {
                drawCell(tileFor(r, c), p, st, r, c);
            }
        }
        for (int i = 0; i < tiles.length; i++) {
            drawInner(tileGraphics(i), p, st);
        }
        drawHeaders(g, p, st);
        drawnPicture = p;
        drawnStyle = st;
        drawnCell = cell;
        drawnWidth = canvas.getWidth();
        drawnHeight = canvas.getHeight();
    }

    /** One cell: fill, hatching, number, its grid lines and its state outlines. */
    private void drawCell(GraphicsContext g, GridPicture p, Style st, int r, int c) {
        double s = cell;
        double x = originX + c * s;
        double y = originY + r * s;
        int f = p.flags(r, c);
        byte kind = p.kind(r, c);
        float v = p.value(r, c);
        Color fill;
        if (CellFlags.has(f, CellFlags.PENDING)) {
            fill = st.pendingFill;
        } else if (kind == GridPicture.INSERTED) {
            fill = st.insertedFill;
        } else if (Float.isNaN(v)) {
            fill = st.zero;
        } else {
            double scale = p.scale() > 0 ? p.scale() : 1f;
            double t = Math.min(1.0, Math.abs(v) / scale);
            fill = st.zero.interpolate(v < 0 ? st.neg : st.pos, t * 0.85);
        }
        if (kind == GridPicture.PADDING) {
            fill = blend(fill, st.padTint);
        }
        for (int i = 0; i < states.length; i++) {
            if (i != 5 && (f & (1 << i)) != 0) {
                fill = blend(fill, st.tints[i]);
            }
        }
        g.setLineDashes((double[]) null);
        g.setFill(fill);
        g.fillRect(x, y, s, s);
        if (CellFlags.has(f, CellFlags.UNCOVERED)) {
            hatch(g, x + 1, y + 1, s - 2, st.uncoveredLine);
        }
        String text = p.text(r, c);
        if (text != null && !text.isEmpty() && !CellFlags.has(f, CellFlags.PENDING)) {
            Label style = kind == GridPicture.PADDING ? padding : kind == GridPicture.INSERTED ? inserted : base;
            Font font = fontFor(style, text, s);
            // too small for every decimal: fewer, as long as a non-zero value does not read as 0
            for (int d = 2; font == null && d >= 0 && Float.isFinite(v); d--) {
                String shorter = NumberText.format(v, d);
                if (shorter.length() < text.length() && (v == 0 || !shorter.matches("[\\u2212]?0"))) {
                    text = shorter;
                    font = fontFor(style, text, s);
                }
            }
            if (font != null) {
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                g.setFont(font);
                g.setFill(luminance(fill) < 0.45 ? st.brightText : textOf(style, st.darkText));
                g.fillText(text, x + s / 2, y + s / 2 + 0.5);
            }
        }
        // Every pixel belongs to one cell (its top and left grid lines; the last row and column
        // also own the outer edge), so repainting some cells in any order gives the same picture
        // as painting all of them. Lines are filled rectangles on whole pixels: no stroking, which
        // software rendering does slowly.
        double x0 = x;
        double y0 = y;
        double x1 = x + s;
        double y1 = y + s;
        g.setFill(st.gridLine);
        g.fillRect(x0, y0, s, 1);
        g.fillRect(x0, y0, 1, s);
        if (c == p.cols() - 1) {
            g.fillRect(x1, y0, 1, s + 1);
        }
        if (r == p.rows() - 1) {
            g.fillRect(x0, y1, s + 1, 1);
        }
        if (kind == GridPicture.PADDING) {
            g.setStroke(st.paddingLine);
            g.setLineWidth(Math.max(2, s / 14));
            g.setLineDashes(Math.max(3, s / 6), Math.max(3, s / 8));
            g.strokeRect(x + 2.5, y + 2.5, s - 5, s - 5);
            g.setLineDashes((double[]) null);
        }
        for (int i : BORDER_ORDER) {
            double bw = st.widths[i];
            if (bw <= 0 || (f & (1 << i)) == 0) {
                continue;
            }
            double w = Math.max(1, Math.round(Math.min(bw, s / 5)));
            if (i == 7) {
                g.setStroke(st.strokes[i]);
                g.setLineWidth(w);
                g.setLineDashes(Math.max(3, s / 8), Math.max(2, s / 12));
                g.strokeRect(x + w / 2, y + w / 2, s - w, s - w);
                g.setLineDashes((double[]) null);
            } else {
                frame(g, st.strokes[i], x0, y0, x1 - x0, y1 - y0, w);
            }
        }
        g.setLineDashes((double[]) null);
    }

    /** A rectangle outline of width {@code w} inside (x, y, width, height), drawn as four fills. */
    private static void frame(GraphicsContext g, Paint paint, double x, double y, double width, double height, double w) {
        g.setFill(paint);
        g.fillRect(x, y, width, w);
        g.fillRect(x, y + height - w, width, w);
        g.fillRect(x, y + w, w, height - 2 * w);
        g.fillRect(x + width - w, y + w, w, height - 2 * w);
    }

    /** The line between the input and its padding ring. */
    private void drawInner(GraphicsContext g, GridPicture p, Style st) {
        int[] inner = p.inner();
        if (inner == null) {
            return;
        }
        double s = cell;
        g.setLineDashes((double[]) null);
        g.setStroke(textOf(base, st.darkText));
        g.setLineWidth(Math.max(2, s / 16));
        g.strokeRect(originX + inner[2] * s, originY + inner[0] * s, (inner[3] - inner[2]) * s,
                (inner[1] - inner[0]) * s);
    }

    private void drawHeaders(GraphicsContext g, GridPicture p, Style st) {
        if (headerSize <= 0) {
            return;
        }
        double s = cell;
        Font hf = headerFont();
        g.setFont(hf);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(textOf(header, st.darkText));
        for (int c = 0; c < p.cols(); c++) {
            String h = p.colHeader(c);
            if (h != null && fits(h, hf.getSize(), s)) {
                g.fillText(h, originX + (c + 0.5) * s, originY - headerSize / 2);
            }
        }
        for (int r = 0; r < p.rows(); r++) {
            String h = p.rowHeader(r);
            if (h != null) {
                g.fillText(h, originX - headerSize / 2, originY + (r + 0.5) * s);
            }
        }
    }

    private static void hatch(GraphicsContext g, double x, double y, double s, Paint paint) {
        g.setStroke(paint);
        g.setLineWidth(1.5);
        double step = Math.max(s / 4, 4);
        for (double d = step; d < 2 * s; d += step) {
            double x0 = x + Math.max(0, d - s);
            double y0 = y + Math.min(d, s);
            double x1 = x + Math.min(d, s);
            double y1 = y + Math.max(0, d - s);
            g.strokeLine(x0, y0, x1, y1);
        }
    }

    private Font headerFont() {
        double size = Math.max(7, Math.min(header.getFont().getSize(), Math.max(headerSize * 0.5, cell * 0.32)));
        return Font.font(header.getFont().getFamily(), FontWeight.NORMAL, Math.round(size));
    }

    private boolean fits(String text, double fontSize, double width) {
        return text.length() * fontSize * 0.62 <= width * 0.98;
    }

    private Font fontFor(Label style, String text, double s) {
        Font f = style.getFont();
        double size = Math.min(f.getSize(), s * 0.46);
        double perChar = digitWidth(f, (int) Math.round(size)) / Math.max(size, 1);
        double fit = (s * 0.9) / Math.max(1, text.length() * perChar);
        size = Math.floor(Math.min(size, fit));
        if (size < 5) {
            return null;
        }
        boolean italic = style == padding;
        double finalSize = size;
        int key = (int) size * 4 + (italic ? 1 : 0) + (style == inserted ? 2 : 0);
        return fonts.computeIfAbsent(key, k -> Font.font(f.getFamily(), FontWeight.BOLD,
                italic ? FontPosture.ITALIC : FontPosture.REGULAR, finalSize));
    }

    private double digitWidth(Font f, int size) {
        return digitWidths.computeIfAbsent(size, sz -> {
            Text t = new Text("8");
            t.setFont(Font.font(f.getFamily(), FontWeight.BOLD, Math.max(sz, 1)));
            return t.getLayoutBounds().getWidth();
        });
    }

    private static Color color(Region r, Color fallback) {
        if (r.getBackground() == null || r.getBackground().getFills().isEmpty()) {
            return fallback;
        }
        BackgroundFill f = r.getBackground().getFills().get(r.getBackground().getFills().size() - 1);
        return f.getFill() instanceof Color c ? c : fallback;
    }

    private static Paint stroke(Region r, Paint fallback) {
        if (r.getBorder() == null || r.getBorder().getStrokes().isEmpty()) {
            return fallback;
        }
        return r.getBorder().getStrokes().get(0).getTopStroke();
    }

    private static double strokeWidth(Region r) {
        if (r.getBorder() == null || r.getBorder().getStrokes().isEmpty()) {
            return 0;
        }
        BorderStroke b = r.getBorder().getStrokes().get(0);
        return b.getWidths().getTop();
    }

    private static Color textColor(Label l, Color fallback) {
        return l.getTextFill() instanceof Color c ? c : fallback;
    }

    private static Color textOf(Label l, Color fallback) {
        return textColor(l, fallback);
    }

    private static Color blend(Color under, Color over) {
        double a = over.getOpacity();
        if (a <= 0) {
            return under;
        }
        return new Color(under.getRed() * (1 - a) + over.getRed() * a, under.getGreen() * (1 - a) + over.getGreen() * a,
                under.getBlue() * (1 - a) + over.getBlue() * a, 1.0);
    }

    private static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    // Mouse and editing

    private int cellAt(double x, double y) {
        GridPicture p = picture.get();
        if (p == null || cell <= 0) {
            return -1;
        }
        int c = (int) Math.floor((x - originX) / cell);
        int r = (int) Math.floor((y - originY) / cell);
        if (r < 0 || c < 0 || r >= p.rows() || c >= p.cols()) {
            return -1;
        }
        return p.index(r, c);
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        requestFocus();
        int i = cellAt(e.getX(), e.getY());
        if (i < 0) {
            return;
        }
        if (e.getClickCount() >= 2) {
            clickedCell.set(i);
            selected = i;
            startEdit(i / cols(), i % cols(), null);
            return;
        }
        if (clickedCell.get() == i) {
            clickedCell.set(-1);
            selected = -1;
        } else {
            clickedCell.set(i);
            selected = i;
        }
    }

    private void typed(KeyEvent e) {
        String ch = e.getCharacter();
        if (selected < 0 || editor.isVisible() || ch.isEmpty() || e.isControlDown() || e.isAltDown()
                || e.isMetaDown()) {
            return;
        }
        char c = ch.charAt(0);
        if (Character.isDigit(c) || c == '-' || c == '.' || c == NumberText.MINUS) {
            startEdit(selected / cols(), selected % cols(), ch);
            e.consume();
        }
    }

    /** Opens the in-place editor on cell (r, c), optionally starting with {@code initial} typed. */
    public boolean startEdit(int r, int c, String initial) {
        GridPicture p = picture.get();
        if (cellEditor.get() == null || p == null || r < 0 || c < 0 || r >= p.rows() || c >= p.cols()
                || !editableCell.get().test(r, c)) {
            return false;
        }
        editRow = r;
        editCol = c;
        selected = p.index(r, c);
        String current = p.text(r, c);
        editor.setText(initial != null ? initial : current == null ? "" : current.replace(NumberText.MINUS, '-'));
        editor.setVisible(true);
        placeEditor();
        editor.requestFocus();
        if (initial == null) {
            editor.selectAll();
        } else {
            editor.end();
        }
        return true;
    }

    private void placeEditor() {
        double w = Math.max(cell * 1.6, 64);
        double h = Math.max(cell, 28);
        double x = snappedLeftInset() + originX + editCol * cell - (w - cell) / 2;
        double y = snappedTopInset() + originY + editRow * cell - (h - cell) / 2;
        x = Math.max(0, Math.min(x, getWidth() - w));
        editor.resizeRelocate(x, y, w, h);
        double mw = Math.max(w * 2.5, 180);
        double mx = Math.max(0, Math.min(x, getWidth() - mw));
        double mh = editorMessage.prefHeight(mw);
        editorMessage.resizeRelocate(mx, y + h + 2, mw, mh);
    }

    private void editorKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER) {
            if (commitEdit()) {
                closeEditor();
            }
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            cancelEdit();
            e.consume();
        } else if (e.getCode() == KeyCode.TAB) {
            int r = editRow;
            int c = editCol;
            if (commitEdit()) {
                closeEditor();
                moveEdit(r, c, e.isShiftDown() ? -1 : 1);
            }
            e.consume();
        }
    }

    private void moveEdit(int r, int c, int dir) {
        GridPicture p = picture.get();
        int n = p.rows() * p.cols();
        int i = p.index(r, c);
        for (int k = 0; k < n; k++) {
            i = Math.floorMod(i + dir, n);
            if (editableCell.get().test(i / p.cols(), i % p.cols())) {
                startEdit(i / p.cols(), i % p.cols(), null);
                return;
            }
        }
    }

    /** Commits the editor's text; false (and a message at the cell) if the editor refused it. */
    public boolean commitEdit() {
        if (!editor.isVisible() || cellEditor.get() == null) {
            return true;
        }
        String error = cellEditor.get().commit(editRow, editCol, editor.getText());
        if (error != null) {
            editor.pseudoClassStateChanged(INVALID, true);
            editorMessage.setText(error);
            editorMessage.setVisible(true);
            placeEditor();
            return false;
        }
        return true;
    }

    /** Closes the editor without changing the cell. */
    public void cancelEdit() {
        closeEditor();
    }

    private void closeEditor() {
        boolean hadFocus = editor.isFocused();
        editor.setVisible(false);
        editorMessage.setVisible(false);
        editor.pseudoClassStateChanged(INVALID, false);
        editRow = -1;
        editCol = -1;
        if (hadFocus) {
            requestFocus();
        }
    }

    public boolean isEditing() {
        return editor.isVisible();
    }

    /** Bounds of the drawn cells in scene coordinates. */
    public Bounds cellsBoundsInScene() {
        return localToScene(new javafx.geometry.BoundingBox(snappedLeftInset() + originX, snappedTopInset() + originY,
                cols() * cell, rows() * cell));
    }

    List<Label> probes() {
        return List.of(base, padding, inserted, negative, positive, header, lightText);
    }
}
