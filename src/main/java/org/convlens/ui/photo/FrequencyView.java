package org.convlens.ui.photo;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.convlens.image.FrequencyResponse;

/**
 * The kernel's frequency response as a picture: |DFT| over horizontal (left to right) and
 * vertical (top to bottom) frequency from -pi to pi, zero in the middle, black (no gain) to white
 * (the peak gain), with a cross through zero frequency.
 */
public final class FrequencyView extends Canvas {
    private final ObjectProperty<FrequencyResponse> response = new SimpleObjectProperty<>(this, "response");

    public FrequencyView(double size) {
        super(size, size);
        getStyleClass().add("frequency-view");
        response.addListener(o -> draw());
    }

    public ObjectProperty<FrequencyResponse> responseProperty() {
        return response;
    }

    private void draw() {
        FrequencyResponse f = response.get();
        var g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        if (f == null) {
            return;
        }
        int n = f.size();
        int[] px = new int[n * n];
        double peak = f.peak() > 0 ? f.peak() : 1;
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                int b = (int) Math.round(Math.min(1, f.magnitude(u, v) / peak) * 255);
                px[u * n + v] = 0xFF000000 | b << 16 | b << 8 | b;
            }
        }
        WritableImage img = new WritableImage(n, n);
        img.getPixelWriter().setPixels(0, 0, n, n, PixelFormat.getIntArgbInstance(), px, 0, n);
        g.setImageSmoothing(false);
        g.drawImage(img, 0, 0, getWidth(), getHeight());
        g.setStroke(javafx.scene.paint.Color.rgb(255, 140, 0, 0.6));
        g.strokeLine(getWidth() / 2, 0, getWidth() / 2, getHeight());
        g.strokeLine(0, getHeight() / 2, getWidth(), getHeight() / 2);
    }
}
