package org.convlens.ui.stepper;

import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convlens.ui.grid.GridView;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Sizes the stepper's grids to the room they have: measures the stage (its viewport, the boxes'
 * titles, the arithmetic under the grids, the window around it), asks {@link StageFit} for the
 * one cell size, and gives it to every grid and their boxes. Runs once per layout change, after
 * the layout pass that caused it.
 *
 * <p>What counts as room: the stage's viewport less the panes that stay in view under the
 * grids (the arithmetic, a banner, the padding legend). The shape panel counts too, except in
 * presentation mode, where the grids take the screen and the shape panel follows below them.
 *
 * <p>Public for other views that show grids beside each other with one cell size (the Compare
 * tab's two panes): their boxes may sit in frames inside the row ({@link #setRowExtra}).
 */
public final class StageLayout {
    /** The smallest cell side, in font heights (em) of the stage: numbers stay readable, the stage scrolls down. */
    static final double READABLE_EM = 2.2;

    /** One box of grids in the row. */
    public record Box(VBox box, Label title, double minEm, List<GridView> grids, Supplier<StageFit.Block> block) {
    }

    private final ScrollPane scroll;
    private final VBox stage;
    private final HBox row;
    private final List<Box> boxes;
    private final Node shapePane;
    private final Supplier<Frame> frame;
    private double zoomRatio = 1;
    private boolean presentation;
    private boolean queued;
    private double shown = Double.NaN;
    /**
     * The cell side shown at each zoom ratio for the same grids in the same window and mode: zoom
     * never makes cells smaller, also where {@link StageFit}'s estimate of the fit at the mode's
     * zoom falls short (text that does not grow in step with the zoom, as in some locales' fonts).
     */
    private final java.util.TreeMap<Double, Double> atZoom = new java.util.TreeMap<>();
    private String atZoomKey = "";
    private DoubleSupplier rowExtra = () -> 0;

    public StageLayout(ScrollPane scroll, VBox stage, HBox row, List<Box> boxes, Node shapePane, Supplier<Frame> frame) {
        this.scroll = scroll;
        this.stage = stage;
        this.row = row;
        this.boxes = boxes;
        this.shapePane = shapePane;
        this.frame = frame;
        List<ObservableValue<?>> watched = new ArrayList<>(List.of(scroll.viewportBoundsProperty(),
                stage.styleProperty(), scroll.sceneProperty()));
        for (Node n : stage.getChildren()) {
            if (n != row && n instanceof Region r) {
                watched.add(r.heightProperty());
                watched.add(r.visibleProperty());
            }
        }
        for (Box b : boxes) {
            watched.add(b.title().heightProperty());
            watched.add(b.box().managedProperty());
            if (!b.grids().isEmpty()) {
                watched.add(b.grids().get(0).preferredCellSizeProperty());
            }
        }
        for (ObservableValue<?> o : watched) {
            o.addListener((x, a, c) -> later());
        }
    }

    /**
     * @param ratio the window's zoom over its mode's own (1 at the mode's zoom)
     * @param presenting presentation mode: the grids take the screen, the shape panel follows below
     */
    public void setScale(double ratio, boolean presenting) {
        if (ratio != zoomRatio || presenting != presentation) {
            zoomRatio = ratio;
            presentation = presenting;
            later();
        }
    }

    /**
     * {@code s}, raised to the largest side shown at a lower zoom and to {@code z / b} times the
     * side shown at the mode's own zoom, for the same grids, window size and mode.
     */
    private double notSmallerThanAtLowerZoom(List<StageFit.Block> blocks, javafx.scene.Scene scene, double s) {
        StringBuilder key = new StringBuilder().append(scene.getWidth()).append('x').append(scene.getHeight())
                .append(presentation);
        for (StageFit.Block b : blocks) {
            key.append('|').append(b.cols()).append(',').append(b.rows()).append(',').append(b.across()).append(',')
                    .append(b.down());
        }
        if (!key.toString().equals(atZoomKey)) {
            atZoomKey = key.toString();
            atZoom.clear();
        }
        double kept = s;
        for (double lower : atZoom.headMap(zoomRatio - 1e-6).values()) {
            kept = Math.max(kept, lower);
        }
        Double atModeZoom = atZoom.get(1.0);
        if (atModeZoom != null && zoomRatio > 1) {
            // StageFit's rule with the side measured at the mode's zoom, not estimated
            kept = Math.max(kept, Math.floor(atModeZoom * zoomRatio));
        }
        atZoom.put(zoomRatio, kept);
        return kept;
    }

    /** The cell side the grids show now. */
    public double cellSize() {
        return shown;
    }

    /**
     * The width the row spends besides its boxes and the gaps between them: frames that group
     * boxes (their borders and padding); none by default.
     */
    public void setRowExtra(DoubleSupplier extra) {
        rowExtra = extra;
        later();
    }

    /** Fits again after the current layout pass. */
    public void later() {
        if (!queued) {
            queued = true;
            Platform.runLater(() -> {
                queued = false;
                fit();
            });
        }
    }

    private double em() {
        return boxes.get(0).title().getFont().getSize() / 1.15;
    }

    private void fit() {
        Frame f = frame.get();
        Bounds vp = scroll.getViewportBounds();
        if (f == null || vp.getWidth() <= 0 || scroll.getScene() == null) {
            return;
        }
        Insets pad = stage.getPadding();
        double below = 0;
        for (Node n : stage.getChildren()) {
            if (n != row && n.isManaged() && !(presentation && n == shapePane)) {
                below += n.prefHeight(vp.getWidth() - pad.getLeft() - pad.getRight()) + stage.getSpacing();
            }
        }
        StageFit.Room room = new StageFit.Room(vp.getWidth() - pad.getLeft() - pad.getRight() - 2 - rowExtra.getAsDouble(),
                vp.getHeight() - pad.getTop() - pad.getBottom() - below - 2, row.getSpacing(), gridPad(), 0);
        List<Box> shownBoxes = boxes.stream().filter(b -> b.box().isManaged()).toList();
        List<StageFit.Block> blocks = new ArrayList<>();
        double em = em();
        for (Box b : shownBoxes) {
            StageFit.Block k = b.block().get();
            double minWidth = Math.max(b.title().prefWidth(-1) + inset(b.box()), b.minEm() * em);
            blocks.add(new StageFit.Block(k.cols(), k.rows(), k.across(), k.down(), minWidth,
                    reserve(b, minWidth) + k.reserve(), k.rowReserve(), k.extraWidth()));
        }
        GridView any = boxes.get(0).grids().get(0);
        javafx.scene.Scene scene = scroll.getScene();
        StageFit.Around around = new StageFit.Around(scene.getWidth() - room.width(), scene.getHeight() - room.height());
        double s = StageFit.cellSize(blocks, room, around, zoomRatio, floor(shownBoxes, em), any::headerExtent);
        s = notSmallerThanAtLowerZoom(blocks, scene, s);
        double header = any.headerExtent(s);
        for (int i = 0; i < shownBoxes.size(); i++) {
            double w = blocks.get(i).width(s, header, room.pad(), room.inner());
            VBox box = shownBoxes.get(i).box();
            box.setMinWidth(w);
            box.setPrefWidth(w);
            box.setMaxWidth(w);
        }
        for (Box b : boxes) {
            for (GridView g : b.grids()) {
                if (Double.isNaN(g.getCellSize()) || Math.abs(g.getCellSize() - s) >= 0.5) {
                    g.cellSizeProperty().set(s);
                }
            }
            if (b.box() instanceof ChannelOverviewPane overview) {
                overview.setCellSize(s);
            }
        }
        shown = s;
    }

    /**
     * The readable floor: {@value #READABLE_EM} em, and no less than the side at which every
     * number of every grid shown is drawn whole (not shortened to fewer decimals).
     */
    private static double floor(List<Box> shown, double em) {
        double floor = READABLE_EM * em;
        for (Box b : shown) {
            for (GridView g : b.grids()) {
                if (g.isManaged() && g.getParent().isManaged() && g.getPicture() != null) {
                    floor = Math.max(floor, g.smallestFullCellSize());
                }
            }
        }
        return floor;
    }

    /** Room around a grid in its box: the grid's padding and the box's, left and right. */
    private double gridPad() {
        GridView g = boxes.get(0).grids().get(0);
        return inset(g) + inset(boxes.get(0).box());
    }

    private static double inset(Region r) {
        return r.snappedLeftInset() + r.snappedRightInset();
    }

    /** The height a box spends on all but its grids (titles, bars, the box's padding and spacing). */
    private static double reserve(Box b, double width) {
        VBox box = b.box();
        if (box instanceof ChannelOverviewPane) {
            // the overview measures itself (its block's reserve)
            return 0;
        }
        Set<Node> grids = Set.copyOf(b.grids());
        // the box's top and bottom padding are in the room around each grid (StageFit.Room.pad)
        double h = 0;
        for (Node n : box.getChildren()) {
            if (!n.isManaged()) {
                continue;
            }
            if (grids.contains(n)) {
                h += box.getSpacing();
            } else if (n instanceof VBox inner && inner.getChildren().stream().anyMatch(grids::contains)) {
                // a box in the box (the kernel as entered): its own titles and spacing
                for (Node c : inner.getChildren()) {
                    if (c.isManaged() && !grids.contains(c)) {
                        h += c.prefHeight(width) + inner.getSpacing();
                    }
                }
                h += box.getSpacing();
            } else {
                h += n.prefHeight(width - inset(box)) + box.getSpacing();
            }
        }
        return h;
    }
}
