package org.convlens.ui;

import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * Where a tab's side panel (the lesson player) goes and how wide it is: beside the tabs, never
 * wider than {@value #DOCKED_SHARE} of the window, so the grids keep their room; when that would
 * make it too narrow to read, it lies over the right of the tabs instead (a large zoom on a small
 * screen) and the tabs keep the whole width. Its own width comes from its stylesheet (so teacher
 * mode's larger type asks for more); this only caps it.
 */
final class SidePanelPlacement {
    /** The largest share of the window's width a docked side panel takes. */
    static final double DOCKED_SHARE = 0.3;
    /** A panel narrowed below this share of the width it asks for overlays instead. */
    static final double NARROWEST = 0.5;
    /** The largest share of the window an overlaid panel covers (F9 or Hide puts it away). */
    static final double OVERLAY_SHARE = 0.5;

    private final BorderPane root;
    private final StackPane center;
    private final Region side;
    private final Region content;
    /** From a listener: after the pass (CSS, layout) that changed a size, never inside it. */
    private final InvalidationListener update = o -> later();
    private Scene scene;
    private boolean queued;

    SidePanelPlacement(BorderPane root, StackPane center, Region side) {
        this.root = root;
        this.center = center;
        this.side = side;
        this.content = side.getChildrenUnmodifiable().isEmpty() || !(side.getChildrenUnmodifiable().get(0)
                instanceof Region r) ? side : r;
        content.prefWidthProperty().addListener(update);
        root.sceneProperty().addListener((o, a, b) -> watch(b));
        watch(root.getScene());
    }

    private void watch(Scene s) {
        if (scene != null) {
            scene.widthProperty().removeListener(update);
        }
        scene = s;
        if (s != null) {
            s.widthProperty().addListener(update);
        }
        later();
    }

    private void later() {
        if (!queued) {
            queued = true;
            javafx.application.Platform.runLater(() -> {
                queued = false;
                update();
            });
        }
    }

    /** True if the panel lies over the tabs rather than beside them. */
    boolean overlaid() {
        return side.getParent() == center;
    }

    /** Places and sizes the panel for the window's width now (not from a CSS or layout pass). */
    void update() {
        double window = scene != null ? scene.getWidth() : root.getWidth();
        if (window <= 0) {
            place(false, Region.USE_COMPUTED_SIZE);
            return;
        }
        double wants = content.getPrefWidth() > 0 ? content.getPrefWidth() : content.prefWidth(-1);
        double docked = Math.min(wants, DOCKED_SHARE * window);
        if (docked >= NARROWEST * wants) {
            place(false, docked);
        } else {
            place(true, Math.min(wants, OVERLAY_SHARE * window));
        }
    }

    private void place(boolean overlay, double width) {
        side.setMinWidth(width);
        side.setPrefWidth(width);
        side.setMaxWidth(width);
        // what the panel holds narrows with it (its stylesheet's width is what it asks for)
        content.setMinWidth(0);
        content.setMaxWidth(width);
        if (overlay && side.getParent() != center) {
            root.setRight(null);
            center.getChildren().add(center.getChildren().size() - 1, side);
            StackPane.setAlignment(side, Pos.CENTER_RIGHT);
            side.getStyleClass().add("overlaid");
        } else if (!overlay && side.getParent() != root) {
            center.getChildren().remove(side);
            side.getStyleClass().remove("overlaid");
            root.setRight(side);
        }
    }

    /** The node placed (for tests). */
    Node side() {
        return side;
    }
}
