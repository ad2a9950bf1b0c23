package org.convlens.ui.grid;

import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.util.Duration;

import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The look and feel of a {@link GridView}: lays the cells out ({@link GridGeometry}), paints them
 * on canvas tiles of about {@value GridGeometry#TILE_PIXELS} px with a {@link GridPainter} (a
 * change repaints only the cells it changes, in the tiles that hold them), turns mouse and keys
 * into the control's hover, click and edit commands, and shows the in-place editor and tooltips.
 */
public class GridViewSkin extends SkinBase<GridView> {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    /** The coordinates; redrawn only on full draws. */
    private final Canvas headers = new Canvas();
    /** The cells, in square tiles, so a step repaints only the tiles it changes. */
    private final Pane tilePane = new Pane();
    private Canvas[] tiles = new Canvas[0];
    private boolean tilesNew;
    private final TextField editor = new TextField();
    private final Label editorMessage = new Label();
    private final Tooltip tooltip = new Tooltip();

    private GridGeometry geometry;
    private double contentWidth;
    private double contentHeight;
    private GridPainter painter;
    private GridPicture drawnPicture;
    private GridGeometry drawnGeometry;
    private GridStyle drawnStyle;
    private double drawnWidth;
    private double drawnHeight;
    private long draws;
    private long incrementalDraws;

    private final ChangeListener<GridPicture> pictureListener = (o, was, now) -> pictureChanged(was, now);
    private final InvalidationListener relayout = o -> getSkinnable().requestLayout();
    private final InvalidationListener tooltipListener = o -> updateTooltip();
    private final InvalidationListener editingListener = o -> editingChanged();
    private final InvalidationListener errorListener = o -> errorChanged();
    private final ChangeListener<Boolean> editorFocus = (o, was, is) -> editorFocusChanged(is);
    private final EventHandler<MouseEvent> moved = this::mouseMoved;
    private final EventHandler<MouseEvent> exited = this::mouseExited;
    private final EventHandler<MouseEvent> clicked = this::mouseClicked;
    private final EventHandler<KeyEvent> typed = this::keyTyped;
    private final EventHandler<KeyEvent> pressed = this::keyPressed;
    private final EventHandler<KeyEvent> editorKeys = this::editorKey;

    public GridViewSkin(GridView grid) {
        super(grid);
        tilePane.setManaged(false);
        tilePane.setPickOnBounds(false);
        editor.getStyleClass().add("cell-editor");
        editor.setVisible(false);
        editor.setManaged(false);
        editorMessage.getStyleClass().add("cell-editor-message");
        editorMessage.setVisible(false);
        editorMessage.setManaged(false);
        editorMessage.setWrapText(true);
        // the editor joins the skin on the first edit: a text field's skin and styles are not
        // free, and most grids are never edited (the first frame has six of them)
        getChildren().setAll(headers, tilePane);
        tooltip.setShowDelay(Duration.millis(350));
        tooltip.getStyleClass().add("cell-tooltip");

        editor.textProperty().bindBidirectional(grid.editTextProperty());
        editor.focusedProperty().addListener(editorFocus);
        editor.addEventFilter(KeyEvent.KEY_PRESSED, editorKeys);
        grid.pictureProperty().addListener(pictureListener);
        grid.showHeadersProperty().addListener(relayout);
        grid.cellSizeProperty().addListener(relayout);
        grid.gridStyleProperty().addListener(relayout);
        grid.hoveredCellProperty().addListener(tooltipListener);
        grid.cellTooltipProperty().addListener(tooltipListener);
        grid.editingProperty().addListener(editingListener);
        grid.editErrorProperty().addListener(errorListener);
        grid.addEventHandler(MouseEvent.MOUSE_MOVED, moved);
        grid.addEventHandler(MouseEvent.MOUSE_EXITED, exited);
        grid.addEventHandler(MouseEvent.MOUSE_CLICKED, clicked);
        grid.addEventHandler(KeyEvent.KEY_TYPED, typed);
        grid.addEventHandler(KeyEvent.KEY_PRESSED, pressed);
        editingChanged();
    }

    @Override
    public void dispose() {
        GridView grid = getSkinnable();
        if (grid == null) {
            return;
        }
        editor.textProperty().unbindBidirectional(grid.editTextProperty());
        grid.pictureProperty().removeListener(pictureListener);
        grid.showHeadersProperty().removeListener(relayout);
        grid.cellSizeProperty().removeListener(relayout);
        grid.gridStyleProperty().removeListener(relayout);
        grid.hoveredCellProperty().removeListener(tooltipListener);
        grid.cellTooltipProperty().removeListener(tooltipListener);
        grid.editingProperty().removeListener(editingListener);
        grid.editErrorProperty().removeListener(errorListener);
        grid.removeEventHandler(MouseEvent.MOUSE_MOVED, moved);
        grid.removeEventHandler(MouseEvent.MOUSE_EXITED, exited);
        grid.removeEventHandler(MouseEvent.MOUSE_CLICKED, clicked);
        grid.removeEventHandler(KeyEvent.KEY_TYPED, typed);
        grid.removeEventHandler(KeyEvent.KEY_PRESSED, pressed);
        Tooltip.uninstall(grid, tooltip);
        super.dispose();
    }

    GridGeometry geometry() {
        return geometry;
    }

    long drawCount() {
        return draws;
    }

    long incrementalDrawCount() {
        return incrementalDraws;
    }

    TextField editor() {
        return editor;
    }

    Label editorMessage() {
        return editorMessage;
    }

    /** The tooltip over the hovered cell (for tests). */
    Tooltip tooltip() {
        return tooltip;
    }

    // Layout

    private int rows() {
        GridPicture p = getSkinnable().getPicture();
        return p == null ? 0 : p.rows();
    }

    private int cols() {
        GridPicture p = getSkinnable().getPicture();
        return p == null ? 0 : p.cols();
    }

    private boolean fixed() {
        double s = getSkinnable().getCellSize();
        return !Double.isNaN(s) && s > 0;
    }

    private double side(boolean min) {
        GridView grid = getSkinnable();
        if (fixed()) {
            return grid.getCellSize();
        }
        GridStyle st = grid.getGridStyle();
        return min ? st.minCell() : st.prefCell();
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        double s = side(false);
        return left + right + cols() * s + getSkinnable().headerExtent(s);
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        double s = side(false);
        return top + bottom + rows() * s + getSkinnable().headerExtent(s);
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        double s = side(true);
        return left + right + cols() * s + getSkinnable().headerExtent(s);
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        double s = side(true);
        return top + bottom + rows() * s + getSkinnable().headerExtent(s);
    }

    @Override
    protected double computeMaxWidth(double height, double top, double right, double bottom, double left) {
        return fixed() ? computePrefWidth(height, top, right, bottom, left) : Double.MAX_VALUE;
    }

    @Override
    protected double computeMaxHeight(double width, double top, double right, double bottom, double left) {
        return fixed() ? computePrefHeight(width, top, right, bottom, left) : Double.MAX_VALUE;
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        GridView grid = getSkinnable();
        geometry = GridGeometry.layout(rows(), cols(), w, h, grid.getCellSize(), grid::headerExtent,
                (int) Math.round(grid.getGridStyle().gridLineWidth()));
        contentWidth = w;
        contentHeight = h;
        headers.relocate(x, y);
        headers.setWidth(Math.max(w, 1));
        headers.setHeight(Math.max(h, 1));
        layoutTiles(x, y);
        if (grid.isEditing()) {
            placeEditor();
        }
        draw();
    }

    private void layoutTiles(double x, double y) {
        GridGeometry geo = geometry;
        if (geo.tileCount() != tiles.length) {
            tiles = new Canvas[geo.tileCount()];
            for (int i = 0; i < tiles.length; i++) {
                tiles[i] = new Canvas();
            }
            tilePane.getChildren().setAll(tiles);
            tilesNew = true;
        }
        tilePane.relocate(x, y);
        for (int i = 0; i < tiles.length; i++) {
            tiles[i].relocate(geo.tileX(i), geo.tileY(i));
            tiles[i].setWidth(geo.tileWidth(i));
            tiles[i].setHeight(geo.tileHeight(i));
        }
    }

    // Drawing

    private void pictureChanged(GridPicture was, GridPicture now) {
        if (was == null || now == null || was.rows() != now.rows() || was.cols() != now.cols()
                || was.hasHeaders() != now.hasHeaders()) {
            getSkinnable().requestLayout();
        }
        draw();
        updateTooltip();
    }

    /**
     * Draws the picture: when it is laid out as last drawn, with the same style, and only some
     * cells changed (a step moves the window: about 50 of 1,296 input cells), only those are
     * repainted, in the tiles that hold them; otherwise every tile and the coordinates.
     */
    private void draw() {
        GridView grid = getSkinnable();
        GridPicture p = grid.getPicture();
        GridGeometry geo = geometry;
        if (p == null || geo == null || geo.rows() != p.rows() || geo.cols() != p.cols()
                || geo.tileCount() != tiles.length) {
            clear(headers);
            for (Canvas t : tiles) {
                clear(t);
            }
            drawnPicture = null;
            if (p != null && geo != null) {
                grid.requestLayout();
            }
            return;
        }
        GridStyle st = grid.getGridStyle();
        if (painter == null || painter.style() != st) {
            painter = GridPainter.of(st);
        }
        boolean sameFrame = !tilesNew && st == drawnStyle && geo.equals(drawnGeometry) && drawnWidth == contentWidth
                && drawnHeight == contentHeight;
        if (sameFrame && p == drawnPicture) {
            return;
        }
        draws++;
        int[] changed = sameFrame ? GridPainter.changedCells(drawnPicture, p) : null;
        if (changed != null) {
            incrementalDraws++;
            boolean[] touched = new boolean[tiles.length];
            for (int i : changed) {
                int r = i / p.cols();
                int c = i % p.cols();
                int t = geo.tileOf(r, c);
                painter.paintCell(tileGraphics(t), p, geo, r, c);
                touched[t] = true;
            }
            for (int t = 0; t < tiles.length; t++) {
                if (touched[t]) {
                    painter.paintInner(tileGraphics(t), p, geo);
                }
            }
            drawnPicture = p;
            return;
        }
        clear(headers);
        for (Canvas t : tiles) {
            clear(t);
        }
        for (int r = 0; r < p.rows(); r++) {
            for (int c = 0; c < p.cols(); c++) {
                painter.paintCell(tileGraphics(geo.tileOf(r, c)), p, geo, r, c);
            }
        }
        for (int t = 0; t < tiles.length; t++) {
            painter.paintInner(tileGraphics(t), p, geo);
        }
        painter.paintHeaders(headers.getGraphicsContext2D(), p, geo);
        drawnPicture = p;
        drawnStyle = st;
        drawnGeometry = geo;
        drawnWidth = contentWidth;
        drawnHeight = contentHeight;
        tilesNew = false;
    }

    /** The graphics of tile {@code i}, in the content's coordinates (the tile clips). */
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

    // Mouse and keys

    /** True when a mouse event is on the cells (not on the in-place editor or its message). */
    private boolean onCells(MouseEvent e) {
        Object t = e.getTarget();
        return t == getSkinnable() || t instanceof Canvas;
    }

    /** The cell under a mouse event, by the same geometry the cells are drawn with; -1 for none. */
    private int cellAt(MouseEvent e) {
        GridView grid = getSkinnable();
        if (geometry == null || grid.getPicture() == null) {
            return -1;
        }
        return geometry.cellAt(e.getX() - grid.snappedLeftInset(), e.getY() - grid.snappedTopInset());
    }

    private void mouseMoved(MouseEvent e) {
        if (onCells(e)) {
            getSkinnable().hover(cellAt(e));
        }
    }

    private void mouseExited(MouseEvent e) {
        if (e.getTarget() == getSkinnable()) {
            getSkinnable().hover(-1);
        }
    }

    private void mouseClicked(MouseEvent e) {
        if (!onCells(e) || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        getSkinnable().requestFocus();
        getSkinnable().cellClicked(cellAt(e), e.getClickCount());
    }

    private void keyTyped(KeyEvent e) {
        GridView grid = getSkinnable();
        String ch = e.getCharacter();
        int sel = grid.selectedCell();
        GridPicture p = grid.getPicture();
        if (sel < 0 || p == null || grid.isEditing() || ch.isEmpty() || e.isControlDown() || e.isAltDown()
                || e.isMetaDown()) {
            return;
        }
        char c = ch.charAt(0);
        if (Character.isDigit(c) || c == '-' || c == '.' || c == NumberText.MINUS) {
            grid.startEdit(sel / p.cols(), sel % p.cols(), ch);
            e.consume();
        }
    }

    private void keyPressed(KeyEvent e) {
        GridView grid = getSkinnable();
        int sel = grid.selectedCell();
        GridPicture p = grid.getPicture();
        if ((e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.F2) && sel >= 0 && p != null
                && !grid.isEditing()) {
            grid.startEdit(sel / p.cols(), sel % p.cols(), null);
            e.consume();
        }
    }

    private void editorKey(KeyEvent e) {
        GridView grid = getSkinnable();
        if (e.getCode() == KeyCode.ENTER) {
            grid.commitEdit();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            grid.cancelEdit();
            e.consume();
        } else if (e.getCode() == KeyCode.TAB) {
            CellEdit edit = grid.editingProperty().get();
            if (edit != null && grid.commitEdit()) {
                grid.editNext(edit.row(), edit.col(), e.isShiftDown() ? -1 : 1);
            }
            e.consume();
        }
    }

    // The editor and tooltips

    private void editorFocusChanged(boolean focused) {
        GridView grid = getSkinnable();
        if (!focused && grid.isEditing() && !grid.commitEdit()) {
            grid.cancelEdit();
        }
    }

    private void editingChanged() {
        GridView grid = getSkinnable();
        CellEdit edit = grid.editingProperty().get();
        if (edit == null) {
            boolean hadFocus = editor.isFocused();
            editor.setVisible(false);
            editorMessage.setVisible(false);
            if (hadFocus) {
                grid.requestFocus();
            }
            return;
        }
        if (editor.getParent() == null) {
            getChildren().addAll(editor, editorMessage);
        }
        editor.setVisible(true);
        placeEditor();
        editor.requestFocus();
        if (edit.typed()) {
            editor.end();
        } else {
            editor.selectAll();
        }
    }

    private void errorChanged() {
        String error = getSkinnable().editErrorProperty().get();
        editor.pseudoClassStateChanged(INVALID, error != null);
        editorMessage.setText(error == null ? "" : error);
        editorMessage.setVisible(error != null && getSkinnable().isEditing());
        if (error != null) {
            placeEditor();
        }
    }

    /** The editor over its cell, its text as large as the cell's number; any message below it. */
    private void placeEditor() {
        GridView grid = getSkinnable();
        CellEdit edit = grid.editingProperty().get();
        GridGeometry geo = geometry;
        if (edit == null || geo == null) {
            return;
        }
        double cell = geo.cell();
        double font = Math.max(13, Math.round(0.87 * TextFit.numberSize(cell, grid.getGridStyle())));
        editor.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.0fpx;", font));
        double w = Math.max(cell * 1.6, 64);
        double h = Math.max(cell, 28);
        double x = grid.snappedLeftInset() + geo.cellX(edit.col()) - (w - cell) / 2;
        double y = grid.snappedTopInset() + geo.cellY(edit.row()) - (h - cell) / 2;
        x = Math.max(0, Math.min(x, grid.getWidth() - w));
        editor.resizeRelocate(x, y, w, h);
        double mw = Math.max(w * 2.5, 180);
        double mx = Math.max(0, Math.min(x, grid.getWidth() - mw));
        editorMessage.resizeRelocate(mx, y + h + 2, mw, editorMessage.prefHeight(mw));
    }

    private void updateTooltip() {
        GridView grid = getSkinnable();
        int i = grid.hoveredCellProperty().get();
        GridPicture p = grid.getPicture();
        BiFunction<Integer, Integer, String> f = grid.cellTooltipProperty().get();
        String text = null;
        if (i >= 0 && p != null && f != null && i < p.rows() * p.cols()) {
            text = f.apply(i / p.cols(), i % p.cols());
        }
        if (text == null) {
            Tooltip.uninstall(grid, tooltip);
            tooltip.hide();
        } else {
            tooltip.setText(NumberText.withTrueMinus(text));
            Tooltip.install(grid, tooltip);
        }
    }
}
