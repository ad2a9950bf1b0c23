package org.convlens.ui.compare;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convlens.engine.ConvPlan;
import org.convlens.ui.UiText;
import org.convlens.ui.grid.GridPicture;
import org.convlens.ui.grid.GridView;
import org.convlens.ui.stepper.ArithmeticView;
import org.convlens.ui.stepper.Frame;
import org.convlens.ui.stepper.GridTips;
import org.convlens.ui.stepper.GridTitles;
import org.convlens.ui.stepper.StageFit;
import org.convlens.ui.stepper.StageLayout;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One side's pane ({@code fxml/ComparePane.fxml}, included twice by the Compare view): its
 * settings in words, the input with the kernel window, the output filling in (and the pooled map
 * with pooling), and the step's multiply-sum, drawn from the side's {@link Frame}. Draws only.
 */
public final class ComparePane {
    private SideViewModel side;
    private Supplier<Locale> locale;
    private Runnable relayout = () -> { };
    private String shownDims = "";
    private String other = "b";

    @FXML private VBox pane;
    @FXML private Label badge;
    @FXML private Label summary;
    @FXML private Label status;
    @FXML private Label banner;
    @FXML private HBox boxes;
    @FXML private VBox inputBox;
    @FXML private Label inputTitle;
    @FXML private GridView inputGrid;
    @FXML private VBox outputBox;
    @FXML private Label outputTitle;
    @FXML private GridView outputGrid;
    @FXML private VBox pooledBox;
    @FXML private Label pooledTitle;
    @FXML private GridView pooledGrid;
    @FXML private VBox arithmeticPane;
    @FXML private Label doneNote;
    @FXML private ArithmeticView arithmetic;

    /** Shows {@code side}; ids get {@code compare-a-} or {@code compare-b-} before them. */
    void bind(SideViewModel s, String other, Supplier<Locale> loc) {
        this.side = s;
        this.locale = loc;
        String lower = s.name().toLowerCase(Locale.ROOT);
        pane.getStyleClass().add("side-" + lower);
        org.convlens.ui.Views.prefixIds(pane, "compare-" + lower + "-");
        badge.setText(text("compare.side." + lower));
        for (GridView g : grids()) {
            g.cellEditorProperty().set(null);
        }
        // the stepper's tips: each cell's exact value and where it comes from
        new GridTips(s::computation, s::getFrame, this::text).installMaps(inputGrid, outputGrid, pooledGrid);
        summary.textProperty().bind(s.summaryProperty());
        status.textProperty().bind(s.statusProperty());
        banner.setText(text("stale.banner"));
        banner.visibleProperty().bind(s.errorProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        this.other = other;
        s.frameProperty().addListener((o, was, f) -> show(f));
        show(s.getFrame());
    }

    private String text(String key, Object... args) {
        return UiText.get(locale.get(), key, args);
    }

    /** Called when the grids change size (the layout fits the cells again). */
    void onRelayout(Runnable r) {
        relayout = r;
    }

    Node root() {
        return pane;
    }

    /** The pane's grids, for the one cell size. */
    List<GridView> grids() {
        return List.of(inputGrid, outputGrid, pooledGrid);
    }

    /** The pane's boxes of grids for {@link StageLayout}: their blocks include the pane's own texts. */
    List<StageLayout.Box> layoutBoxes() {
        return List.of(
                new StageLayout.Box(inputBox, inputTitle, 6, List.of(inputGrid), () -> block(side.getFrame().input())),
                new StageLayout.Box(outputBox, outputTitle, 6, List.of(outputGrid),
                        () -> block(side.getFrame().featureMap())),
                new StageLayout.Box(pooledBox, pooledTitle, 6, List.of(pooledGrid),
                        () -> block(side.getFrame().pooled())));
    }

    /** The width the pane's frame takes in the row besides its boxes and their gaps. */
    double extraWidth() {
        return pane.snappedLeftInset() + pane.snappedRightInset() + boxes.snappedLeftInset() + boxes.snappedRightInset();
    }

    /** The pane's height besides its row of grids: header, banner, arithmetic, padding and spacing. */
    private double reserve() {
        double w = pane.getWidth() > 0 ? pane.getWidth() - pane.snappedLeftInset() - pane.snappedRightInset() : -1;
        double h = pane.snappedTopInset() + pane.snappedBottomInset();
        for (Node n : pane.getChildren()) {
            if (n != boxes && n.isManaged()) {
                h += n.prefHeight(w) + pane.getSpacing();
            }
        }
        return h;
    }

    /** Heights that change the room the grids have. */
    List<Region> measured() {
        return List.of(arithmeticPane, banner, (Region) badge.getParent());
    }

    private StageFit.Block block(GridPicture p) {
        if (p == null) {
            return StageFit.Block.of(1, 1, 0, 0);
        }
        return new StageFit.Block(p.cols(), p.rows(), 1, 1, 0, reserve(), 0);
    }

    private void show(Frame f) {
        if (f == null) {
            return;
        }
        ConvPlan plan = side.computation().plan();
        inputGrid.setPicture(f.input());
        outputGrid.setPicture(f.featureMap());
        boolean pooled = f.pooled() != null;
        pooledBox.setVisible(pooled);
        pooledBox.setManaged(pooled);
        if (pooled) {
            pooledGrid.setPicture(f.pooled());
            pooledTitle.setText(GridTitles.pooled(locale.get(), plan, f));
        }
        inputTitle.setText(GridTitles.input(locale.get(), plan, f));
        outputTitle.setText(GridTitles.output(locale.get(), plan, f));
        boolean done = side.isDone();
        pane.pseudoClassStateChanged(DONE, done);
        if (done) {
            doneNote.setText(text("compare.done.note", text("compare.side." + side.name().toLowerCase(Locale.ROOT)),
                    side.totalSteps(), text("compare.side." + other)));
        }
        doneNote.setVisible(done);
        doneNote.setManaged(done);
        arithmetic.setVisible(!done);
        arithmetic.setManaged(!done);
        arithmetic.setLines(f.arithmetic());
        String dims = f.input().rows() + "x" + f.input().cols() + "/" + f.featureMap().rows() + "x"
                + f.featureMap().cols() + "/" + (pooled ? f.pooled().rows() + "x" + f.pooled().cols() : "-") + "/" + done;
        if (!dims.equals(shownDims)) {
            shownDims = dims;
            relayout.run();
        }
    }

    private static final javafx.css.PseudoClass DONE = javafx.css.PseudoClass.getPseudoClass("done");
}
