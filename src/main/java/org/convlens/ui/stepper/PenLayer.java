package org.convlens.ui.stepper;

import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;

import java.util.ArrayList;
import java.util.List;

/**
 * The pen's overlay, laid over the stepper's stage ({@link Pen}): draws the marks where their
 * cells are now ({@link PenAnchors}) and, while the pen is active, takes the mouse to draw: a
 * drag draws the pen's shape, with Shift an arrow, with Alt (or Ctrl) a circle. Otherwise every
 * click goes through to the grids. Sized by its parent, adding nothing to the stage's size, and
 * clipped to itself.
 */
final class PenLayer extends Pane {
    static final String STROKE_STYLE = "pen-stroke";
    private final Pen pen;
    private final PenAnchors anchors;
    private final Label note = new Label();
    private boolean queued;

    PenLayer(Pen pen, PenAnchors anchors, StringBinding noteText) {
        this.pen = pen;
        this.anchors = anchors;
        setId("penLayer");
        getStyleClass().add("pen-layer");
        setMinSize(0, 0);
        setPrefSize(0, 0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        note.setId("penNote");
        note.getStyleClass().add("pen-note");
        note.setManaged(false);
        note.setWrapText(true);
        note.textProperty().bind(noteText);
        note.visibleProperty().bind(pen.activeProperty());
        mouseTransparentProperty().bind(pen.activeProperty().not());
        pickOnBoundsProperty().bind(pen.activeProperty());
        cursorProperty().bind(Bindings.when(pen.activeProperty()).then(Cursor.CROSSHAIR).otherwise(Cursor.DEFAULT));
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            Pen.Shape shape = e.isShiftDown() ? Pen.Shape.ARROW : e.isAltDown() || e.isControlDown() || e.isMetaDown()
                    ? Pen.Shape.CIRCLE : pen.toolProperty().get();
            pen.begin(shape, anchors.toAnchor(this, e.getX(), e.getY(), null));
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            List<Pen.Stroke> all = pen.strokes();
            // a circle's edge is held by its centre's grid, so it stays round
            String prefer = all.isEmpty() || all.get(all.size() - 1).shape() != Pen.Shape.CIRCLE ? null
                    : all.get(all.size() - 1).points().get(0).anchor();
            pen.extend(anchors.toAnchor(this, e.getX(), e.getY(), prefer));
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, MouseEvent::consume);
        pen.strokes().addListener((ListChangeListener<Pen.Stroke>) c -> {
            while (c.next()) {
                for (Pen.Stroke s : c.getAddedSubList()) {
                    s.points().addListener((Observable o) -> later());
                }
            }
            later();
        });
        for (Pen.Stroke s : pen.strokes()) {
            s.points().addListener((Observable o) -> later());
        }
        anchors.onMove(this::later);
        layoutBoundsProperty().addListener(o -> later());
        redraw();
    }

    /** Redraws once, after the layout pass that moved the grids. */
    private void later() {
        if (!queued) {
            queued = true;
            Platform.runLater(() -> {
                queued = false;
                redraw();
            });
        }
    }

    private void redraw() {
        List<Node> shapes = new ArrayList<>();
        for (Pen.Stroke s : pen.strokes()) {
            Node n = draw(s);
            if (n != null) {
                n.getStyleClass().add(STROKE_STYLE);
                shapes.add(n);
            }
        }
        shapes.add(note);
        getChildren().setAll(shapes);
    }

    private Node draw(Pen.Stroke s) {
        List<Point2D> at = new ArrayList<>();
        for (Pen.Point p : s.points()) {
            Point2D q = anchors.toLayer(this, p);
            if (q != null) {
                at.add(q);
            }
        }
        // a mark whose cells are out of sight (a covered grid, a hidden one) waits for them
        if (at.isEmpty() || s.shape() != Pen.Shape.LINE && at.size() < s.points().size()) {
            return null;
        }
        switch (s.shape()) {
            case CIRCLE: {
                Point2D c = at.get(0);
                Circle circle = new Circle(c.getX(), c.getY(), Math.max(2, c.distance(at.get(at.size() - 1))));
                circle.setFill(null);
                return circle;
            }
            case ARROW:
                return arrow(at.get(0), at.get(at.size() - 1));
            default: {
                Polyline line = new Polyline();
                line.setFill(null);
                for (Point2D q : at) {
                    line.getPoints().addAll(q.getX(), q.getY());
                }
                return line;
            }
        }
    }

    /** A straight arrow with its head at {@code to}, the head's size following the arrow's length. */
    private static Path arrow(Point2D from, Point2D to) {
        Path path = new Path(new MoveTo(from.getX(), from.getY()), new LineTo(to.getX(), to.getY()));
        double length = from.distance(to);
        if (length > 1) {
            double head = Math.min(22, Math.max(10, length / 4));
            double ux = (to.getX() - from.getX()) / length;
            double uy = (to.getY() - from.getY()) / length;
            for (int side = -1; side <= 1; side += 2) {
                double a = side * Math.PI / 7;
                double hx = -(ux * Math.cos(a) - uy * Math.sin(a)) * head;
                double hy = -(ux * Math.sin(a) + uy * Math.cos(a)) * head;
                path.getElements().addAll(new MoveTo(to.getX(), to.getY()), new LineTo(to.getX() + hx, to.getY() + hy));
            }
        }
        path.setFill(null);
        return path;
    }

    @Override
    protected void layoutChildren() {
        // bottom right: the grids' titles are at the top; wrapped when the window is narrow or zoomed
        double w = Math.max(40, Math.min(note.prefWidth(-1), getWidth() - 24));
        double h = note.prefHeight(w);
        note.resizeRelocate(Math.max(0, getWidth() - w - 12), Math.max(0, getHeight() - h - 8), w, h);
    }

    /** How many marks are drawn (for tests). */
    int drawn() {
        return (int) getChildren().stream().filter(n -> n.getStyleClass().contains(STROKE_STYLE)).count();
    }
}
