package org.convlens.ui.grid;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.PseudoClass;
import javafx.css.SimpleStyleableDoubleProperty;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.SimpleStyleableStringProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Skin;
import javafx.scene.control.TextField;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * A grid of numbered cells: the control. It holds what the grid shows (a {@link GridPicture}),
 * the cell side its caller sets, the cell the mouse is on or last clicked, and the edit in
 * progress; {@link GridViewSkin} lays it out and handles the mouse and keys, and
 * {@link GridPainter} draws the cells, as ControlsFX splits its {@code GridView} and
 * {@code GridViewSkin}.
 *
 * <p>Styled with real CSS properties (see {@code css/GridView.css}): the style class
 * {@value #DEFAULT_STYLE_CLASS}, colours, font and sizes such as {@code -cell-fill},
 * {@code -cell-font-size} and {@code -cell-pref-size}, and for each cell state of
 * {@link CellFlags} and each kind of cell a property named after it: {@code -cell-in-window-fill},
 * {@code -cell-in-window-border}, {@code -cell-in-window-border-width}, {@code -cell-padding-fill}...
 * (what a {@code .cell:in-window} pseudo-class would style if cells were nodes; they are not:
 * they are drawn on canvas tiles, so a step repaints only the cells it changes).
 *
 * <p>Cells can be edited in place: double-click, or select one and type; Enter commits, Escape
 * cancels, Tab moves to the next cell. The {@link #cellEditorProperty() editor} decides what a
 * typed text means and returns a message for a bad one, which stays at the cell. An edit is
 * committed only to the cell it began on while the grid keeps its shape ({@link CellEdit}).
 */
public class GridView extends Control {
    public static final String DEFAULT_STYLE_CLASS = "grid-view";
    /** On a grid with a cell editor. */
    private static final PseudoClass EDITABLE = PseudoClass.getPseudoClass("editable");

    /** Decides what typed text does to a cell. */
    public interface CellEditor {
        /** @return null when the text was taken, else a message saying what is wrong with it */
        String commit(int row, int col, String text);
    }

    // Properties

    private final ObjectProperty<GridPicture> picture = new SimpleObjectProperty<>(this, "picture");
    private final DoubleProperty cellSize = new SimpleDoubleProperty(this, "cellSize", Double.NaN);
    private final BooleanProperty showHeaders = new SimpleBooleanProperty(this, "showHeaders", true);
    private final ReadOnlyIntegerWrapper hoveredCell = new ReadOnlyIntegerWrapper(this, "hoveredCell", -1);
    private final ReadOnlyIntegerWrapper clickedCell = new ReadOnlyIntegerWrapper(this, "clickedCell", -1);
    private final ObjectProperty<CellEditor> cellEditor = new SimpleObjectProperty<>(this, "cellEditor");
    private final ObjectProperty<BiPredicate<Integer, Integer>> editableCell =
            new SimpleObjectProperty<>(this, "editableCell", (r, c) -> true);
    private final ObjectProperty<BiFunction<Integer, Integer, String>> cellTooltip =
            new SimpleObjectProperty<>(this, "cellTooltip");
    private final ReadOnlyObjectWrapper<CellEdit> editing = new ReadOnlyObjectWrapper<>(this, "editing");
    private final StringProperty editText = new SimpleStringProperty(this, "editText", "");
    private final ReadOnlyStringWrapper editError = new ReadOnlyStringWrapper(this, "editError");
    /** The cell keys act on: the one clicked, or the one edited last; -1 for none. */
    private int selected = -1;

    // CSS properties (their names and initial values in the tables at the end)

    private final List<SimpleStyleableObjectProperty<Color>> colors = new ArrayList<>();
    private final List<SimpleStyleableDoubleProperty> sizes = new ArrayList<>();
    private final SimpleStyleableStringProperty fontFamily =
            new SimpleStyleableStringProperty(FONT_FAMILY, this, "fontFamily", GridStyle.DEFAULT.fontFamily());
    private final ObjectBinding<GridStyle> gridStyle;

    public GridView() {
        getStyleClass().add(DEFAULT_STYLE_CLASS);
        setFocusTraversable(true);
        for (ColorCss c : COLORS) {
            colors.add(new SimpleStyleableObjectProperty<>(c.meta, this, c.meta.getProperty(), c.meta.getInitialValue(this)));
        }
        for (SizeCss s : SIZES) {
            sizes.add(new SimpleStyleableDoubleProperty(s.meta, this, s.meta.getProperty(),
                    s.meta.getInitialValue(this).doubleValue()));
        }
        List<Observable> deps = new ArrayList<>(colors);
        deps.addAll(sizes);
        deps.add(fontFamily);
        gridStyle = Bindings.createObjectBinding(this::readStyle, deps.toArray(Observable[]::new));
        picture.addListener((o, was, now) -> pictureChanged(now));
        editText.addListener(o -> editError.set(null));
        cellEditor.addListener(o -> pseudoClassStateChanged(EDITABLE, cellEditor.get() != null));
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new GridViewSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return GridView.class.getResource("/css/GridView.css").toExternalForm();
    }

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

    /**
     * The side of every cell in pixels, set by the caller, so several grids can share one size
     * (the stepper fits them all to the window); any cap on it is the caller's. NaN (the default)
     * lets the grid make its cells as large as the space it gets allows, with no upper limit; it
     * then asks for {@code -cell-pref-size}.
     */
    public DoubleProperty cellSizeProperty() {
        return cellSize;
    }

    public double getCellSize() {
        return cellSize.get();
    }

    public void setCellSize(double s) {
        cellSize.set(s);
    }

    public BooleanProperty showHeadersProperty() {
        return showHeaders;
    }

    /** Row-major index of the cell under the mouse, -1 when none. */
    public ReadOnlyIntegerProperty hoveredCellProperty() {
        return hoveredCell.getReadOnlyProperty();
    }

    /** Row-major index of the cell last clicked, -1 when none (clicking it again clears it). */
    public ReadOnlyIntegerProperty clickedCellProperty() {
        return clickedCell.getReadOnlyProperty();
    }

    /**
     * The text shown when the mouse rests on a cell (its exact value, where it comes from), or
     * null for none; so every number can be read even when cells are too small for their text.
     * A hyphen used as a minus sign in it is shown as the true minus sign (U+2212).
     */
    public ObjectProperty<BiFunction<Integer, Integer, String>> cellTooltipProperty() {
        return cellTooltip;
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

    /** Which cells may be edited (padding and inserted zeros may not). */
    public ObjectProperty<BiPredicate<Integer, Integer>> editableCellProperty() {
        return editableCell;
    }

    public void setEditableCell(BiPredicate<Integer, Integer> p) {
        editableCell.set(p);
    }

    /** The edit in progress, null when none. */
    public ReadOnlyObjectProperty<CellEdit> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public boolean isEditing() {
        return editing.get() != null;
    }

    /** The text in the in-place editor. */
    public StringProperty editTextProperty() {
        return editText;
    }

    /** What is wrong with the text last committed, shown at the cell; null when nothing is. */
    public ReadOnlyStringProperty editErrorProperty() {
        return editError.getReadOnlyProperty();
    }

    /** What the stylesheet gives the grid now, as one value (changes whenever a CSS property does). */
    public ObservableValue<GridStyle> gridStyleProperty() {
        return gridStyle;
    }

    public GridStyle getGridStyle() {
        return gridStyle.get();
    }

    /** The cell side the stylesheet asks for ({@code -cell-pref-size}): it changes with the zoom. */
    public ReadOnlyDoubleProperty preferredCellSizeProperty() {
        return sizes.get(PREF_CELL);
    }

    public double preferredCellSize() {
        return sizes.get(PREF_CELL).get();
    }

    /** Width of the header band for cells of side {@code s} (0 without headers). */
    public double headerExtent(double s) {
        GridPicture p = picture.get();
        if (!showHeaders.get() || p == null || !p.hasHeaders()) {
            return 0;
        }
        return TextFit.headerExtent(s, getGridStyle());
    }

    /**
     * The smallest cell side at which every number of the picture is drawn in full at no less
     * than {@code -cell-min-font-size} (see {@link TextFit}); 0 without a picture. For callers
     * that fit grids to the window and must keep every number readable.
     */
    public double smallestFullCellSize() {
        GridPicture p = picture.get();
        GridStyle st = getGridStyle();
        return p == null ? 0 : TextFit.smallestFullCell(p, st, GridPainter.measureCharWidth(st.fontFamily()));
    }

    // Commands

    /** Clears the clicked cell. */
    public void clearClicked() {
        clickedCell.set(-1);
        selected = -1;
    }

    /**
     * Opens the in-place editor on cell (r, c), optionally starting with {@code initial} typed.
     *
     * @return false when the grid is read-only or the cell does not exist or may not be edited
     */
    public boolean startEdit(int r, int c, String initial) {
        GridPicture p = picture.get();
        if (cellEditor.get() == null || p == null || r < 0 || c < 0 || r >= p.rows() || c >= p.cols()
                || !editableCell.get().test(r, c)) {
            return false;
        }
        selected = p.index(r, c);
        String current = p.text(r, c);
        editText.set(initial != null ? initial : current == null ? "" : current.replace(NumberText.MINUS, '-'));
        editError.set(null);
        editing.set(CellEdit.of(p, r, c, initial != null));
        return true;
    }

    /**
     * Commits the editor's text to the cell the edit began on and closes the editor. If the grid
     * has changed shape since, or that cell may no longer be edited, the edit is dropped instead:
     * nothing is committed and the editor closes.
     *
     * @return false when the cell editor refused the text (its message is at the cell and the
     *         editor stays open), true when the text was committed or the edit dropped
     */
    public boolean commitEdit() {
        CellEdit e = editing.get();
        if (e == null) {
            return true;
        }
        CellEditor ed = cellEditor.get();
        if (ed == null || !e.appliesTo(picture.get(), editableCell.get())) {
            cancelEdit();
            return true;
        }
        String error = ed.commit(e.row(), e.col(), editText.get());
        if (error != null) {
            editError.set(error);
            return false;
        }
        if (editing.get() == e) {
            editing.set(null);
        }
        return true;
    }

    /** Closes the editor without changing the cell. */
    public void cancelEdit() {
        editing.set(null);
        editError.set(null);
    }

    /** Opens the editor on the next editable cell after (r, c) in reading order ({@code dir} -1: before). */
    void editNext(int r, int c, int dir) {
        GridPicture p = picture.get();
        if (p == null) {
            return;
        }
        int n = p.rows() * p.cols();
        int i = Math.min(r * p.cols() + c, n - 1);
        for (int k = 0; k < n; k++) {
            i = Math.floorMod(i + dir, n);
            if (startEdit(i / p.cols(), i % p.cols(), null)) {
                return;
            }
        }
    }

    /** The cell keys act on, or -1. */
    int selectedCell() {
        return selected;
    }

    void hover(int index) {
        hoveredCell.set(index);
    }

    /** A primary click on cell {@code index}: select it, or clear it on a second click; a double click edits. */
    void cellClicked(int index, int clickCount) {
        GridPicture p = picture.get();
        if (p == null || index < 0 || index >= p.rows() * p.cols()) {
            return;
        }
        if (clickCount >= 2) {
            clickedCell.set(index);
            selected = index;
            startEdit(index / p.cols(), index % p.cols(), null);
        } else if (clickedCell.get() == index) {
            clearClicked();
        } else {
            clickedCell.set(index);
            selected = index;
        }
    }

    private void pictureChanged(GridPicture now) {
        CellEdit e = editing.get();
        if (e != null && !e.appliesTo(now, editableCell.get())) {
            cancelEdit();
        }
        // the hovered and clicked cells are left as they are: their listeners (the stepper's
        // links) would otherwise run in the middle of setting the next frame's pictures
        if (selected >= (now == null ? 0 : now.rows() * now.cols())) {
            selected = -1;
        }
    }

    // What the skin measured

    private GridViewSkin gridSkin() {
        return getSkin() instanceof GridViewSkin s ? s : null;
    }

    /** Where the cells are, as last laid out; null before the first layout. */
    public GridGeometry geometry() {
        GridViewSkin s = gridSkin();
        return s == null ? null : s.geometry();
    }

    /** The side of one cell in pixels, as last laid out (0 before). */
    public double cellSize() {
        GridGeometry g = geometry();
        return g == null ? 0 : g.cell();
    }

    /** How many times the cells were drawn (for the frame-rate benchmark and tests). */
    public long drawCount() {
        GridViewSkin s = gridSkin();
        return s == null ? 0 : s.drawCount();
    }

    /** How many of the draws only repainted the changed cells (for the frame-rate benchmark). */
    public long incrementalDrawCount() {
        GridViewSkin s = gridSkin();
        return s == null ? 0 : s.incrementalDrawCount();
    }

    /** Centre of cell (r, c) in scene coordinates. */
    public Point2D cellCenterInScene(int r, int c) {
        GridGeometry g = geometry();
        return localToScene(snappedLeftInset() + g.cellX(c) + g.cell() / 2,
                snappedTopInset() + g.cellY(r) + g.cell() / 2);
    }

    /** Centre of cell (r, c) in screen coordinates. */
    public Point2D cellCenterOnScreen(int r, int c) {
        GridGeometry g = geometry();
        return localToScreen(snappedLeftInset() + g.cellX(c) + g.cell() / 2,
                snappedTopInset() + g.cellY(r) + g.cell() / 2);
    }

    /** Bounds of the drawn cells in scene coordinates. */
    public Bounds cellsBoundsInScene() {
        GridGeometry g = geometry();
        GridPicture p = picture.get();
        if (g == null || p == null) {
            return localToScene(new BoundingBox(0, 0, 0, 0));
        }
        return localToScene(new BoundingBox(snappedLeftInset() + g.originX(), snappedTopInset() + g.originY(),
                p.cols() * g.cell(), p.rows() * g.cell()));
    }

    /** The in-place editor (for tests); null before the skin exists. */
    public TextField editor() {
        GridViewSkin s = gridSkin();
        return s == null ? null : s.editor();
    }

    /** The message shown at the cell being edited when its text is wrong (for tests); null before the skin exists. */
    public Label editorMessage() {
        GridViewSkin s = gridSkin();
        return s == null ? null : s.editorMessage();
    }

    // CSS

    private GridStyle readStyle() {
        List<GridStyle.StateLook> states = new ArrayList<>();
        int n = CellFlags.NAMES.size();
        for (int i = 0; i < n; i++) {
            states.add(new GridStyle.StateLook(color(STATE_COLORS + i), color(STATE_COLORS + n + i),
                    size(STATE_WIDTHS + i)));
        }
        return new GridStyle(color(CELL), color(TEXT), color(TEXT_ON_DARK), color(GRID_LINE), size(GRID_LINE_WIDTH),
                color(NEGATIVE), color(POSITIVE), color(PADDING), color(PADDING_BORDER), color(PADDING_TEXT),
                color(INSERTED), color(INSERTED_TEXT), color(INNER_LINE), color(HEADER_TEXT), family(),
                size(FONT_SIZE), size(HEADER_FONT_SIZE), size(MIN_FONT_SIZE), size(PREF_CELL), size(MIN_CELL),
                states);
    }

    /** The family without the quotes CSS strings keep. */
    private String family() {
        String f = fontFamily.get() == null ? "" : fontFamily.get().trim();
        if (f.length() >= 2 && (f.charAt(0) == '"' || f.charAt(0) == '\'') && f.charAt(f.length() - 1) == f.charAt(0)) {
            f = f.substring(1, f.length() - 1);
        }
        return f.isEmpty() ? GridStyle.DEFAULT.fontFamily() : f;
    }

    private Color color(int i) {
        Color c = colors.get(i).get();
        return c == null ? Color.TRANSPARENT : c;
    }

    private double size(int i) {
        return sizes.get(i).get();
    }

    private record ColorCss(CssMetaData<GridView, Color> meta) {
    }

    private record SizeCss(CssMetaData<GridView, Number> meta) {
    }

    private static final List<ColorCss> COLORS = new ArrayList<>();
    private static final List<SizeCss> SIZES = new ArrayList<>();
    private static final int CELL = color("-cell-fill", GridStyle::cellFill);
    private static final int TEXT = color("-cell-text-fill", GridStyle::textFill);
    private static final int TEXT_ON_DARK = color("-cell-text-fill-on-dark", GridStyle::textOnDark);
    private static final int GRID_LINE = color("-cell-grid-line", GridStyle::gridLine);
    private static final int NEGATIVE = color("-cell-negative-fill", GridStyle::negativeFill);
    private static final int POSITIVE = color("-cell-positive-fill", GridStyle::positiveFill);
    private static final int PADDING = color("-cell-padding-fill", GridStyle::paddingFill);
    private static final int PADDING_BORDER = color("-cell-padding-border", GridStyle::paddingBorder);
    private static final int PADDING_TEXT = color("-cell-padding-text-fill", GridStyle::paddingText);
    private static final int INSERTED = color("-cell-inserted-fill", GridStyle::insertedFill);
    private static final int INSERTED_TEXT = color("-cell-inserted-text-fill", GridStyle::insertedText);
    private static final int INNER_LINE = color("-cell-inner-line", GridStyle::innerLine);
    private static final int HEADER_TEXT = color("-header-text-fill", GridStyle::headerText);
    private static final int STATE_COLORS = stateColors();
    private static final int GRID_LINE_WIDTH = size("-cell-grid-line-width", GridStyle::gridLineWidth);
    private static final int FONT_SIZE = size("-cell-font-size", GridStyle::fontSize);
    private static final int HEADER_FONT_SIZE = size("-header-font-size", GridStyle::headerFontSize);
    private static final int MIN_FONT_SIZE = size("-cell-min-font-size", GridStyle::minFontSize);
    private static final int PREF_CELL = size("-cell-pref-size", GridStyle::prefCell);
    private static final int MIN_CELL = size("-cell-min-size", GridStyle::minCell);
    private static final int STATE_WIDTHS = stateWidths();
    private static final CssMetaData<GridView, String> FONT_FAMILY = new Meta<>("-cell-font-family",
            StyleConverter.getStringConverter(), GridStyle.DEFAULT.fontFamily(), g -> g.fontFamily);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA = cssMetaData();

    private static int color(String name, Function<GridStyle, Color> initial) {
        int i = COLORS.size();
        COLORS.add(new ColorCss(new Meta<>(name, StyleConverter.getColorConverter(), initial.apply(GridStyle.DEFAULT),
                g -> g.colors.get(i))));
        return i;
    }

    private static int size(String name, Function<GridStyle, Double> initial) {
        int i = SIZES.size();
        SIZES.add(new SizeCss(new Meta<>(name, StyleConverter.getSizeConverter(), initial.apply(GridStyle.DEFAULT),
                g -> g.sizes.get(i))));
        return i;
    }

    /** {@code -cell-<state>-fill} for every state, then {@code -cell-<state>-border}. */
    private static int stateColors() {
        int first = COLORS.size();
        for (int i = 0; i < CellFlags.NAMES.size(); i++) {
            int bit = i;
            color("-cell-" + CellFlags.NAMES.get(i) + "-fill", st -> st.state(bit).fill());
        }
        for (int i = 0; i < CellFlags.NAMES.size(); i++) {
            int bit = i;
            color("-cell-" + CellFlags.NAMES.get(i) + "-border", st -> st.state(bit).border());
        }
        return first;
    }

    /** {@code -cell-<state>-border-width} for every state. */
    private static int stateWidths() {
        int first = SIZES.size();
        for (int i = 0; i < CellFlags.NAMES.size(); i++) {
            int bit = i;
            size("-cell-" + CellFlags.NAMES.get(i) + "-border-width", st -> st.state(bit).borderWidth());
        }
        return first;
    }

    private static List<CssMetaData<? extends Styleable, ?>> cssMetaData() {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Control.getClassCssMetaData());
        COLORS.forEach(c -> all.add(c.meta));
        SIZES.forEach(s -> all.add(s.meta));
        all.add(FONT_FAMILY);
        return Collections.unmodifiableList(all);
    }

    /** The CSS properties of the grid and of {@link Control}. */
    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return CSS_META_DATA;
    }

    /** A CSS property of the grid, found through {@code property}. */
    private static final class Meta<T> extends CssMetaData<GridView, T> {
        private final Function<GridView, ? extends StyleableProperty<T>> property;

        Meta(String name, StyleConverter<?, T> converter, T initial,
             Function<GridView, ? extends StyleableProperty<T>> property) {
            super(name, converter, initial);
            this.property = property;
        }

        @Override
        public boolean isSettable(GridView g) {
            return !(property.apply(g) instanceof Property<?> p && p.isBound());
        }

        @Override
        public StyleableProperty<T> getStyleableProperty(GridView g) {
            return property.apply(g);
        }
    }
}
