package org.convlens.ui.photo;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.convlens.image.ColorScale;

import java.util.List;
import java.util.Locale;

/**
 * The colour bar beside the result: the scale's colours from bottom to top with round numbers,
 * so every colour on the map reads as a value. Text colour comes from the CSS {@code -fx-text-fill}
 * of the {@code .color-bar} style class, via {@link #textFillProperty()}.
 */
public final class ColorBar extends Region {
    public static final String DEFAULT_STYLE_CLASS = "color-bar";
    private static final double BAR = 18;

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<ColorScale> scale = new SimpleObjectProperty<>(this, "scale");
    private final ObjectProperty<Color> textFill = new SimpleObjectProperty<>(this, "textFill", Color.gray(0.85));
    private final javafx.beans.property.BooleanProperty composite = new javafx.beans.property.SimpleBooleanProperty(this, "composite");

    public ColorBar() {
        getStyleClass().add(DEFAULT_STYLE_CLASS);
        getChildren().add(canvas);
        scale.addListener(o -> draw());
        textFill.addListener(o -> draw());
        composite.addListener(o -> draw());
        widthProperty().addListener(o -> draw());
        heightProperty().addListener(o -> draw());
        setMinWidth(96);
        setPrefWidth(104);
    }

    public ObjectProperty<ColorScale> scaleProperty() {
        return scale;
    }

    /** True when the map is an RGB composite: the bar then shows each colour's intensity (a gray ramp). */
    public javafx.beans.property.BooleanProperty compositeProperty() {
        return composite;
    }

    public ObjectProperty<Color> textFillProperty() {
        return textFill;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        ColorScale s = scale.get();
        if (s == null || h < 40) {
            return;
        }
        double top = 10;
        double bottom = h - 10;
        double len = bottom - top;
        // One picture of the 256 colours, stretched: a rectangle per pixel row was some 600 drawing
        // commands, replayed on every edit (6 ms a frame in the software renderer).
        g.setImageSmoothing(false);
        g.drawImage(ramp(!composite.get() && s.diverging()), 4, top, BAR, len);
        g.setStroke(textFill.get());
        g.strokeRect(4, top, BAR, len);
        g.setFill(textFill.get());
        g.setFont(Font.font(13));
        g.setTextAlign(TextAlignment.LEFT);
        List<Double> ticks = s.ticks(Math.max(3, (int) (len / 40)));
        for (double v : ticks) {
            double u = (v - s.lo()) / (s.hi() - s.lo());
            double y = bottom - u * len;
            g.strokeLine(4 + BAR, y, 8 + BAR, y);
            g.fillText(label(v), 12 + BAR, y + 4);
        }
    }

    private final javafx.scene.image.WritableImage[] ramps = new javafx.scene.image.WritableImage[2];

    /** The colour map as a 1 x 256 picture, its top row the top of the bar: diverging or gray. */
    private javafx.scene.image.WritableImage ramp(boolean diverging) {
        int i = diverging ? 1 : 0;
        if (ramps[i] == null) {
            javafx.scene.image.WritableImage img = new javafx.scene.image.WritableImage(1, 256);
            ColorScale any = ColorScale.of(diverging ? org.convlens.image.Scaling.RAW : org.convlens.image.Scaling.CLAMPED,
                    new org.convlens.image.MapStats(-1, 1, 1, 0, 0, 1));
            for (int y = 0; y < 256; y++) {
                img.getPixelWriter().setArgb(0, y, any.argbAt(1 - y / 255.0));
            }
            ramps[i] = img;
        }
        return ramps[i];
    }

    static String label(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1000 || a < 0.001) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        String t = String.format(Locale.ROOT, a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", v);
        return t.contains(".") ? t.replaceAll("0+$", "").replaceAll("\\.$", "") : t;
    }
}
