package org.convlens.ui.photo;

import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import org.convlens.image.Photo;

import java.util.List;

/**
 * The mouse on the two photo panes: the wheel zooms at the pointer, a drag pans both, a click
 * marks the patch that "Send patch" sends (its top-left corner kept inside the photo), and the
 * mark follows every zoom and pan.
 */
final class PhotoPointer {
    private final PhotoViewModel vm;
    private final ViewTransform transform;
    private final List<MapPane> panes;
    /** The marked patch's top-left cell {@code {y, x}} in the photo, or null. */
    private int[] patchCorner;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragged;

    PhotoPointer(PhotoViewModel vm, ViewTransform transform, List<MapPane> panes) {
        this.vm = vm;
        this.transform = transform;
        this.panes = panes;
        for (MapPane p : panes) {
            p.setOnScroll(this::scrolled);
            p.setOnMousePressed(this::pressed);
            p.setOnMouseDragged(this::dragged);
            p.setOnMouseReleased(this::released);
        }
        transform.revisionProperty().addListener(o -> mark());
    }

    /** The marked patch's top-left cell {@code {y, x}}, or null when none is marked. */
    int[] patchCorner() {
        return patchCorner;
    }

    /** Marks the patch at {@code corner} ({@code {y, x}}; null: none). */
    void markPatch(int[] corner) {
        patchCorner = corner;
        mark();
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            transform.zoomAt(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
        }
        e.consume();
    }

    private void pressed(MouseEvent e) {
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        dragged = false;
    }

    private void dragged(MouseEvent e) {
        if (Math.abs(e.getX() - pressX) + Math.abs(e.getY() - pressY) > 3) {
            dragged = true;
        }
        if (dragged) {
            transform.panBy(e.getX() - lastX, e.getY() - lastY);
        }
        lastX = e.getX();
        lastY = e.getY();
    }

    private void released(MouseEvent e) {
        if (!dragged && vm.photoProperty().get() != null) {
            int half = PhotoViewModel.PATCH / 2;
            Photo p = vm.photoProperty().get();
            int x = (int) Math.floor(transform.inputX(e.getX())) - half;
            int y = (int) Math.floor(transform.inputY(e.getY())) - half;
            int size = Math.min(PhotoViewModel.PATCH, Math.min(p.width(), p.height()));
            markPatch(new int[] {Math.max(0, Math.min(y, p.height() - size)), Math.max(0, Math.min(x, p.width() - size))});
        }
    }

    private void mark() {
        double[] r = null;
        if (patchCorner != null) {
            int size = PhotoViewModel.PATCH;
            r = new double[] {patchCorner[1], patchCorner[0], patchCorner[1] + size, patchCorner[0] + size};
        }
        for (MapPane p : panes) {
            p.mark(r);
        }
    }
}
