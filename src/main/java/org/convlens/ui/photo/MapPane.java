package org.convlens.ui.photo;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import org.convlens.image.MapRenderer;

/**
 * One picture of the photo view: a map drawn by {@link MapRenderer} at screen resolution through
 * the shared {@link ViewTransform}, so the cost of a redraw depends on the view's size, not the
 * photo's (a 12-megapixel result is never turned into a 12-megapixel texture). An optional
 * rectangle marks the patch.
 */
public final class MapPane extends Region {
    public static final String DEFAULT_STYLE_CLASS = "map-pane";

    private final ImageView view = new ImageView();
    private final Rectangle marker = new Rectangle();
    private final ViewTransform transform;
    private final ObjectProperty<PhotoViewModel.Display> display = new SimpleObjectProperty<>(this, "display");
    private WritableImage image;
    private int[] pixels = new int[0];
    private Runnable afterRender = () -> { };

    public MapPane(ViewTransform transform) {
        this.transform = transform;
        getStyleClass().add(DEFAULT_STYLE_CLASS);
        view.setManaged(false);
        view.setSmooth(false);
        marker.getStyleClass().add("patch-marker");
        marker.setManaged(false);
        marker.setVisible(false);
        marker.setMouseTransparent(true);
        getChildren().addAll(view, marker);
        transform.revisionProperty().addListener(o -> render());
        display.addListener(o -> render());
        widthProperty().addListener(o -> render());
        heightProperty().addListener(o -> render());
        setMinSize(120, 90);
        setPrefSize(520, 420);
    }

    public ObjectProperty<PhotoViewModel.Display> displayProperty() {
        return display;
    }

    /** Called after each render that drew a display (the view model measures edit-to-screen time). */
    public void setAfterRender(Runnable r) {
        this.afterRender = r;
    }

    /** Marks the input rectangle {@code [x0, x1) x [y0, y1)} (input coordinates), or hides the mark for null. */
    public void mark(double[] rect) {
        if (rect == null) {
            marker.setVisible(false);
            return;
        }
        double[] r = rect;
        marker.setX(transform.screenX(r[0]));
        marker.setY(transform.screenY(r[1]));
        marker.setWidth(Math.max(1, (r[2] - r[0]) / transform.step()));
        marker.setHeight(Math.max(1, (r[3] - r[1]) / transform.step()));
        marker.setVisible(true);
    }

    /** Redraws the current display through the current transform. */
    public void render() {
        int w = (int) Math.floor(getWidth());
        int h = (int) Math.floor(getHeight());
        if (w < 1 || h < 1) {
            return;
        }
        if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
            image = new WritableImage(w, h);
            pixels = new int[w * h];
            view.setImage(image);
        }
        PhotoViewModel.Display d = display.get();
        if (d == null) {
            java.util.Arrays.fill(pixels, MapRenderer.BACKGROUND);
        } else {
            MapRenderer.Window win = d.geometry().outputWindow(transform.window(w, h));
            MapRenderer.render(d.map(), d.channel(), d.scale(), win, pixels);
        }
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        if (d != null) {
            afterRender.run();
        }
    }

    @Override
    protected void layoutChildren() {
        view.relocate(0, 0);
    }
}
