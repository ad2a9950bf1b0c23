package org.convlens.ui.stepper;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.convlens.ui.grid.GridPicture;
import org.convlens.ui.grid.GridView;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The all-channels overview under the stepper's grids ({@link ChannelOverview}): the input
 * channels side by side, each with its share of the sum, then the kernel as a table of slices
 * (a row per output channel, a column per input channel; cells across groups empty and grey),
 * the step's output row and slice lit. A click on a slice shows it, as the channel bars do.
 * Only draws: the numbers are the view-model's. Rebuilt when the shapes change; each frame only
 * sets pictures, texts and marks. Cells shrink to the width but not below a readable size, and
 * grow with the font (zoom, presentation mode).
 */
public final class ChannelOverviewPane extends VBox {
    private final Label inputsTitle = new Label();
    private final FlowPane inputsRow = new FlowPane();
    private final Label kernelsTitle = new Label();
    private final Label groupNote = new Label();
    private final GridPane table = new GridPane();
    private final Label sum = new Label();
    private final VBox inputsPart = new VBox(6, inputsTitle, inputsRow, sum);
    private final VBox kernelsPart = new VBox(6, kernelsTitle, groupNote, table);
    /** The kernel table beside the input channels (else under them). */
    private boolean wide;
    private final List<GridView> inputGrids = new ArrayList<>();
    private final List<Label> shares = new ArrayList<>();
    private final List<VBox> inputCells = new ArrayList<>();
    private final List<List<Node>> sliceCells = new ArrayList<>();
    private final List<Label> rowTitles = new ArrayList<>();
    private final List<Label> colTitles = new ArrayList<>();
    private StepperViewModel vm;
    private BiFunction<String, Object[], String> texts;
    private String shape = "";
    private List<Node> replaced = List.of();
    private Runnable relayout = () -> { };

    public ChannelOverviewPane() {
        setId("channelOverview");
        getStyleClass().add("channel-overview");
        setSpacing(6);
        setMinWidth(0);
        inputsTitle.getStyleClass().add("grid-title");
        kernelsTitle.getStyleClass().add("grid-subtitle");
        kernelsTitle.setWrapText(true);
        inputsRow.setHgap(14);
        inputsRow.setVgap(6);
        table.setHgap(8);
        table.setVgap(6);
        table.setId("overviewKernels");
        sum.setId("overviewSum");
        sum.getStyleClass().add("overview-sum");
        sum.setWrapText(true);
        groupNote.getStyleClass().add("grid-subtitle");
        groupNote.setWrapText(true);
        inputsTitle.setWrapText(true);
        for (Label l : List.of(inputsTitle, kernelsTitle, groupNote, sum)) {
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(inputsPart, kernelsPart);
        setVisible(false);
        setManaged(false);
    }

    private String text(String key, Object... args) {
        return texts.apply(key, args);
    }

    /**
     * Shows {@code vm}'s overview from now on, turned on and off by {@code toggle} as well as by its
     * command, in place of the nodes {@code instead} (the one input channel and kernel slice).
     *
     * @param fit asks the stage to fit its grids again
     */
    void bind(StepperViewModel model, ToggleButton toggle, BiFunction<String, Object[], String> text, List<Node> instead,
              Runnable fit) {
        this.vm = model;
        this.texts = text;
        this.replaced = instead;
        toggle.selectedProperty().bindBidirectional(model.allChannelsProperty());
        model.overviewProperty().addListener((o, a, b) -> show(b));
        model.frameProperty().addListener((o, a, b) -> toggleShown(toggle));
        toggleShown(toggle);
        show(model.overviewProperty().get());
        // from now on (the stage's layout is made after this view: it fits what is shown at its start)
        this.relayout = fit;
    }

    /** The toggle only where there is more than one channel to see. */
    private void toggleShown(ToggleButton toggle) {
        var c = vm.scenario().getComputation();
        boolean many = c != null && (c.plan().inChannels() > 1 || c.plan().outChannels() > 1);
        toggle.setVisible(many);
        toggle.setManaged(many);
    }

    private void show(ChannelOverview o) {
        boolean on = o != null && (o.inputs().size() > 1 || o.kernels().size() > 1);
        if (on != isVisible()) {
            setVisible(on);
            setManaged(on);
            for (Node n : replaced) {
                n.setVisible(!on);
                n.setManaged(!on);
            }
            relayout.run();
        }
        if (!on) {
            return;
        }
        GridPicture in0 = o.inputs().get(0).picture();
        GridPicture k0 = firstSlice(o);
        String now = o.inputs().size() + "/" + o.kernels().size() + "/" + o.groups() + "/" + in0.rows() + "x" + in0.cols()
                + "/" + (k0 == null ? "-" : k0.rows() + "x" + k0.cols());
        if (!now.equals(shape)) {
            shape = now;
            rebuild(o);
            relayout.run();
        }
        inputsTitle.setText(text("overview.inputs"));
        int per = o.inputs().size() / o.groups();
        kernelsTitle.setText(text("overview.kernels"));
        groupNote.setText(o.groups() > 1 ? text("overview.groups", o.groups(), per) : "");
        groupNote.setVisible(o.groups() > 1);
        groupNote.setManaged(o.groups() > 1);
        for (ChannelOverview.Input in : o.inputs()) {
            int ci = in.channel();
            inputGrids.get(ci).setPicture(in.picture());
            inputGrids.get(ci).setVisible(!o.inputsCovered());
            Label share = shares.get(ci);
            share.setText(in.partialText().isEmpty() ? text("overview.notInGroup") : "\u03a3 = " + in.partialText());
            ((Label) inputCells.get(ci).getChildren().get(0)).setText(text("overview.input", ci));
            mark(inputCells.get(ci), "overview-other-group", !in.inGroup());
            mark(inputCells.get(ci), "overview-current", ci == o.inChannel());
        }
        for (int r = 0; r < o.kernels().size(); r++) {
            rowTitles.get(r).setText(text("overview.out", r));
            mark(rowTitles.get(r), "overview-row", r == o.outChannel());
            for (ChannelOverview.Slice s : o.kernels().get(r)) {
                Node cell = sliceCells.get(r).get(s.inChannel());
                if (cell instanceof StackPane holder && holder.getChildren().get(0) instanceof GridView g) {
                    g.setPicture(s.picture());
                    g.setVisible(!o.kernelsCovered());
                    mark(holder, "overview-current", s.current());
                } else if (cell instanceof Label empty) {
                    // the group note above the table says why; the cell stays small
                    empty.setText("\u2014");
                    empty.setTooltip(new Tooltip(text("overview.notInGroup.tip", r, r / (o.kernels().size() / o.groups()),
                            s.inChannel())));
                }
                mark(cell, "overview-row", r == o.outChannel());
            }
        }
        for (int c = 0; c < colTitles.size(); c++) {
            colTitles.get(c).setText(text("overview.input", c));
        }
        sum.setText(o.sum());
        sum.setVisible(!o.sum().isEmpty());
        sum.setManaged(!o.sum().isEmpty());
    }

    private static GridPicture firstSlice(ChannelOverview o) {
        for (ChannelOverview.Slice s : o.kernels().get(0)) {
            if (s.picture() != null) {
                return s.picture();
            }
        }
        return null;
    }

    private static void mark(Node n, String styleClass, boolean on) {
        n.getStyleClass().remove(styleClass);
        if (on) {
            n.getStyleClass().add(styleClass);
        }
    }

    private static GridView smallGrid() {
        GridView g = new GridView();
        g.showHeadersProperty().set(false);
        g.setCellEditor(null);
        g.setFocusTraversable(false);
        g.getStyleClass().add("overview-grid");
        return g;
    }

    /** Side by side while the input channels and a row of slices make at most this many cells across. */
    static final int WIDE_CELLS = 28;

    private void rebuild(ChannelOverview o) {
        GridPicture in0 = o.inputs().get(0).picture();
        GridPicture k0 = firstSlice(o);
        wide = o.inputs().size() * (in0.cols() + (k0 == null ? 0 : k0.cols())) <= WIDE_CELLS;
        for (Label l : List.of(kernelsTitle, groupNote)) {
            l.prefWidthProperty().unbind();
            if (wide) {
                // the titles wrap to the table's width rather than widen the column
                l.prefWidthProperty().bind(javafx.beans.binding.Bindings.max(220, table.widthProperty()));
            } else {
                l.setPrefWidth(Region.USE_COMPUTED_SIZE);
            }
        }
        if (wide) {
            javafx.scene.layout.HBox both = new javafx.scene.layout.HBox(BESIDE, inputsPart, kernelsPart);
            getChildren().setAll(both);
        } else {
            getChildren().setAll(inputsPart, kernelsPart);
        }
        inputsRow.getChildren().clear();
        inputGrids.clear();
        shares.clear();
        inputCells.clear();
        for (ChannelOverview.Input in : o.inputs()) {
            GridView g = smallGrid();
            g.setId("overviewInput" + in.channel());
            g.setMouseTransparent(true);
            Label share = new Label();
            share.setId("overviewShare" + in.channel());
            share.getStyleClass().add("overview-share");
            VBox cell = new VBox(3, new Label(), g, share);
            cell.getStyleClass().add("overview-input");
            inputGrids.add(g);
            shares.add(share);
            inputCells.add(cell);
            inputsRow.getChildren().add(cell);
        }
        table.getChildren().clear();
        sliceCells.clear();
        rowTitles.clear();
        colTitles.clear();
        for (int c = 0; c < o.inputs().size(); c++) {
            Label t = new Label();
            t.setMinWidth(Region.USE_PREF_SIZE);
            t.getStyleClass().add("overview-col-title");
            colTitles.add(t);
            table.add(t, c + 1, 0);
        }
        for (List<ChannelOverview.Slice> row : o.kernels()) {
            int r = row.get(0).outChannel();
            Label title = new Label();
            title.setMinWidth(Region.USE_PREF_SIZE);
            title.getStyleClass().add("overview-row-title");
            rowTitles.add(title);
            table.add(title, 0, r + 1);
            List<Node> cells = new ArrayList<>();
            for (ChannelOverview.Slice s : row) {
                Node cell;
                if (s.inGroup()) {
                    GridView g = smallGrid();
                    g.setId("overviewSliceGrid" + r + "x" + s.inChannel());
                    StackPane holder = new StackPane(g);
                    holder.setId("overviewSlice" + r + "x" + s.inChannel());
                    holder.getStyleClass().add("overview-slice");
                    int co = r;
                    int ci = s.inChannel();
                    holder.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
                        vm.showSlice(co, ci);
                        e.consume();
                    });
                    holder.addEventFilter(MouseEvent.MOUSE_RELEASED, MouseEvent::consume);
                    holder.addEventFilter(MouseEvent.MOUSE_CLICKED, MouseEvent::consume);
                    cell = holder;
                } else {
                    Label empty = new Label();
                    empty.setId("overviewEmpty" + r + "x" + s.inChannel());
                    empty.getStyleClass().add("overview-empty");
                    empty.setWrapText(true);
                    empty.setAlignment(Pos.CENTER);
                    cell = empty;
                }
                cells.add(cell);
                table.add(cell, s.inChannel() + 1, r + 1);
            }
            sliceCells.add(cells);
        }
    }

    // Sizing (StageLayout: one cell size for the overview and the grids beside it)

    /**
     * The overview as the stage's fit sees it: the input channels side by side, the kernel table
     * counted as more rows under them, everything else (titles, sums, gaps) as fixed room.
     */
    StageFit.Block block() {
        ChannelOverview o = vm.overviewProperty().get();
        if (o == null || inputGrids.isEmpty() || !isManaged()) {
            return StageFit.Block.of(1, 1, 0, 0);
        }
        int n = o.inputs().size();
        int outs = o.kernels().size();
        GridPicture in0 = o.inputs().get(0).picture();
        GridPicture k0 = firstSlice(o);
        int kRows = k0 == null ? 0 : k0.rows();
        int kCols = k0 == null ? 0 : k0.cols();
        VBox cell = inputCells.get(0);
        double cellPadX = cell.snappedLeftInset() + cell.snappedRightInset();
        double cellPadY = cell.snappedTopInset() + cell.snappedBottomInset();
        double rowTitle = rowTitles.stream().mapToDouble(l -> l.prefWidth(-1)).max().orElse(0);
        double width = Math.max(getWidth(), 200);
        double kernelsWidth = wide ? Math.max(220, table.getWidth()) : width;
        double inputsExtra = n * cellPadX + (n - 1) * inputsRow.getHgap();
        double kernelsExtra = rowTitle + n * (cellPadX + table.getHgap());
        double labels = cell.getChildren().get(0).prefHeight(-1) + shares.get(0).prefHeight(-1) + 2 * cell.getSpacing();
        double inputsReserve = inputsTitle.prefHeight(width) + labels + cellPadY
                + (sum.isManaged() ? sum.prefHeight(width) + inputsPart.getSpacing() : 0) + inputsPart.getSpacing();
        double kernelsReserve = kernelsTitle.prefHeight(kernelsWidth)
                + (groupNote.isManaged() ? groupNote.prefHeight(kernelsWidth) + kernelsPart.getSpacing() : 0)
                + (colTitles.isEmpty() ? 0 : colTitles.get(0).prefHeight(-1)) + outs * (cellPadY + table.getVgap())
                + table.getVgap() + kernelsPart.getSpacing();
        double pad = snappedTopInset() + snappedBottomInset();
        if (wide) {
            return new StageFit.Block(in0.cols() + kCols, Math.max(in0.rows(), outs * kRows), n, 1, 0,
                    pad + Math.max(inputsReserve, kernelsReserve), 0, inputsExtra + kernelsExtra + BESIDE + inset(this));
        }
        return new StageFit.Block(in0.cols(), in0.rows() + outs * kRows, n, 1, 0,
                pad + inputsReserve + kernelsReserve + getSpacing(), 0, Math.max(inputsExtra, kernelsExtra) + inset(this));
    }

    /** The room between the input channels and the kernel table side by side. */
    private static final double BESIDE = 28;

    /** Every grid of the overview at cell side {@code s}. */
    void setCellSize(double s) {
        for (GridView g : inputGrids) {
            size(g, s);
        }
        // the input channels in one row where the fit made room for them (a FlowPane would wrap at 400 pixels)
        double across = -inputsRow.getHgap();
        for (VBox cell : inputCells) {
            GridView g = (GridView) cell.getChildren().get(1);
            across += g.prefWidth(-1) + cell.snappedLeftInset() + cell.snappedRightInset() + inputsRow.getHgap();
        }
        inputsRow.setPrefWrapLength(across);
        inputsTitle.setPrefWidth(wide ? Math.max(across, 200) : Region.USE_COMPUTED_SIZE);
        GridPicture k0 = null;
        for (List<Node> row : sliceCells) {
            for (Node cell : row) {
                if (cell instanceof StackPane holder && holder.getChildren().get(0) instanceof GridView g) {
                    size(g, s);
                    k0 = g.getPicture();
                }
            }
        }
        for (List<Node> row : sliceCells) {
            for (Node cell : row) {
                if (cell instanceof Label empty && k0 != null) {
                    empty.setMinSize(k0.cols() * s + 6, k0.rows() * s + 6);
                    empty.setPrefSize(k0.cols() * s + 6, k0.rows() * s + 6);
                    empty.setMaxSize(k0.cols() * s + 6, k0.rows() * s + 6);
                }
            }
        }
    }

    private static void size(GridView g, double s) {
        if (Double.isNaN(g.getCellSize()) || Math.abs(g.getCellSize() - s) >= 0.5) {
            g.setCellSize(s);
        }
    }

    private static double inset(Region r) {
        return r.snappedLeftInset() + r.snappedRightInset();
    }

    /** The cell side the overview's grids show (for tests). */
    double cellSize() {
        return inputGrids.isEmpty() ? 0 : inputGrids.get(0).getCellSize();
    }

    /** Every grid shown now (for the pen to hold marks by), each with an id. */
    List<GridView> grids() {
        if (!isVisible()) {
            return List.of();
        }
        List<GridView> all = new ArrayList<>(inputGrids);
        for (List<Node> row : sliceCells) {
            for (Node cell : row) {
                if (cell instanceof StackPane holder && holder.getChildren().get(0) instanceof GridView g) {
                    all.add(g);
                }
            }
        }
        return all;
    }

    /** The title the stage's fit measures. */
    Label title() {
        return inputsTitle;
    }
}
