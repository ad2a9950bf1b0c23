package org.convlens.ui.stepper;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import org.convlens.ui.grid.GridGeometry;
import org.convlens.ui.grid.GridView;

import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Where the pen's points are held ({@link Pen.Point}): a point drawn on or near a grid is kept in
 * that grid's cells, any other in font heights from the stage's corner. Converts between those
 * and the overlay's pixels, so a mark follows its cells when the layout rescales, and says when
 * anything it holds on to moves.
 */
final class PenAnchors {
    /** A point this many cells or fewer outside a grid belongs to it. */
    static final double REACH = 3;

    private final javafx.scene.Parent stage;
    private final List<GridView> fixed;
    private final Supplier<List<GridView>> more;
    private final DoubleSupplier em;

    /**
     * @param grids the stepper's grids
     * @param more grids that come and go (the all-channels overview's), each with an id
     */
    PenAnchors(javafx.scene.Parent stage, List<GridView> grids, Supplier<List<GridView>> more, DoubleSupplier em) {
        this.stage = stage;
        this.fixed = grids;
        this.more = more;
        this.em = em;
    }

    private List<GridView> grids() {
        List<GridView> all = new java.util.ArrayList<>(fixed);
        all.addAll(more.get());
        return all;
    }

    /** Calls {@code r} whenever a grid or the stage moves, resizes, rescales or shows or hides. */
    void onMove(Runnable r) {
        stage.localToSceneTransformProperty().addListener((o, a, b) -> r.run());
        stage.layoutBoundsProperty().addListener((o, a, b) -> r.run());
        // anything laid out again under the stage (the overview's grids too): after the layout
        stage.needsLayoutProperty().addListener((o, a, b) -> r.run());
        for (GridView g : fixed) {
            g.localToSceneTransformProperty().addListener((o, a, b) -> r.run());
            g.layoutBoundsProperty().addListener((o, a, b) -> r.run());
            g.cellSizeProperty().addListener((o, a, b) -> r.run());
            g.visibleProperty().addListener((o, a, b) -> r.run());
            g.pictureProperty().addListener((o, a, b) -> r.run());
        }
    }

    /** The cells' top-left corner and cell side of {@code g} in its own coordinates, or null while it shows none. */
    private static double[] cells(GridView g) {
        GridGeometry geo = g.geometry();
        if (geo == null || g.getPicture() == null || g.getScene() == null || !shown(g)) {
            return null;
        }
        return new double[] {g.snappedLeftInset() + geo.originX(), g.snappedTopInset() + geo.originY(), geo.cell()};
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The point at {@code (x, y)} of {@code layer}, held by the grid it is on or nearest to
     * (within {@link #REACH} cells), else by the stage; by {@code prefer} when that anchor shows.
     */
    Pen.Point toAnchor(Node layer, double x, double y, String prefer) {
        Point2D scene = layer.localToScene(x, y);
        GridView best = null;
        double bestDistance = Double.MAX_VALUE;
        for (GridView g : grids()) {
            double[] c = cells(g);
            if (c == null || g.getId() == null) {
                continue;
            }
            if (g.getId().equals(prefer)) {
                best = g;
                break;
            }
            Point2D p = g.sceneToLocal(scene);
            double u = (p.getX() - c[0]) / c[2];
            double v = (p.getY() - c[1]) / c[2];
            var pic = g.getPicture();
            double du = Math.max(0, Math.max(-u, u - pic.cols()));
            double dv = Math.max(0, Math.max(-v, v - pic.rows()));
            double d = Math.hypot(du, dv);
            if (d <= REACH && d < bestDistance) {
                best = g;
                bestDistance = d;
            }
        }
        if (best != null) {
            double[] c = cells(best);
            Point2D p = best.sceneToLocal(scene);
            return new Pen.Point(best.getId(), (p.getX() - c[0]) / c[2], (p.getY() - c[1]) / c[2]);
        }
        Point2D p = stage.sceneToLocal(scene);
        return new Pen.Point(Pen.STAGE, p.getX() / em.getAsDouble(), p.getY() / em.getAsDouble());
    }

    /** Where {@code p} is now in {@code layer}'s pixels; null while its grid is not shown. */
    Point2D toLayer(Node layer, Pen.Point p) {
        if (Pen.STAGE.equals(p.anchor())) {
            return layer.sceneToLocal(stage.localToScene(p.u() * em.getAsDouble(), p.v() * em.getAsDouble()));
        }
        for (GridView g : grids()) {
            if (p.anchor().equals(g.getId())) {
                double[] c = cells(g);
                return c == null ? null : layer.sceneToLocal(g.localToScene(c[0] + p.u() * c[2], c[1] + p.v() * c[2]));
            }
        }
        return null;
    }
}
