package org.convlens.ui.stepper;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.ListChangeListener;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;

/**
 * The pen's overlay, laid over the stepper's stage ({@link Pen}): draws the strokes and, while the
 * pen is active, takes the mouse to draw; otherwise every click goes through to the grids. Sized
 * by its parent, adding nothing to the stage's size, and clipped to itself.
 */
final class PenLayer extends Pane {
    static final String STROKE_STYLE = "pen-stroke";
    private final Pen pen;
    private final Label note = new Label();

    PenLayer(Pen pen, StringBinding noteText) {
        this.pen = pen;
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
        note.textProperty().bind(noteText);
        note.visibleProperty().bind(pen.activeProperty());
        mouseTransparentProperty().bind(pen.activeProperty().not());
        pickOnBoundsProperty().bind(pen.activeProperty());
        cursorProperty().bind(Bindings.when(pen.activeProperty()).then(Cursor.CROSSHAIR).otherwise(Cursor.DEFAULT));
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            pen.begin(e.getX(), e.getY());
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            pen.extend(e.getX(), e.getY());
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, MouseEvent::consume);
        pen.strokes().addListener((ListChangeListener<Pen.Stroke>) c -> redraw());
        redraw();
    }

    private void redraw() {
        getChildren().clear();
        for (Pen.Stroke s : pen.strokes()) {
            Polyline line = new Polyline();
            line.getStyleClass().add(STROKE_STYLE);
            line.setFill(null);
            Bindings.bindContent(line.getPoints(), s.points());
            getChildren().add(line);
        }
        getChildren().add(note);
    }

    @Override
    protected void layoutChildren() {
        note.autosize();
        // bottom right: the grids' titles are at the top
        note.relocate(Math.max(0, getWidth() - note.getWidth() - 12), Math.max(0, getHeight() - note.getHeight() - 8));
    }

    /** How many strokes are drawn (for tests). */
    int drawn() {
        return (int) getChildren().stream().filter(n -> n instanceof Polyline).count();
    }
}
