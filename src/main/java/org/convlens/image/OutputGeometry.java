package org.convlens.image;

import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;

/**
 * Where each output cell sits on the input, per axis: output index {@code o} is centred on input
 * index {@code a * o + b} (the middle of its receptive field; for pooling, the middle of its
 * window's). The photo view uses it to keep input and result in step when the result is smaller
 * (stride, valid padding, pooling) or larger (transposed), and to say which result cells a patch
 * of the input makes.
 *
 * @param scaleY input rows per output row ({@code a})
 * @param offsetY input row of output row 0's centre ({@code b})
 * @param scaleX input columns per output column
 * @param offsetX input column of output column 0's centre
 */
public record OutputGeometry(double scaleY, double offsetY, double scaleX, double offsetX) {
    /** The identity: the input itself. */
    public static final OutputGeometry IDENTITY = new OutputGeometry(1, 0, 1, 0);

    /** Geometry of the feature map ({@code pooled = false}) or of the pooled map. */
    public static OutputGeometry of(ConvPlan plan, boolean pooled) {
        ConvSpec s = plan.spec();
        int kh = s.kernel().height();
        int kw = s.kernel().width();
        int[] pad = plan.padding();
        double ay;
        double by;
        double ax;
        double bx;
        if (!s.transposed()) {
            ay = s.strideY();
            by = s.dilationY() * (kh - 1) / 2.0 - pad[0];
            ax = s.strideX();
            bx = s.dilationX() * (kw - 1) / 2.0 - pad[2];
        } else {
            ay = 1.0 / s.strideY();
            by = (pad[0] - s.dilationY() * (kh - 1) / 2.0) / s.strideY();
            ax = 1.0 / s.strideX();
            bx = (pad[2] - s.dilationX() * (kw - 1) / 2.0) / s.strideX();
        }
        if (pooled && plan.hasPool()) {
            var p = s.pool();
            double cy = -p.padY() + (p.kernelHeight() - 1) / 2.0;
            double cx = -p.padX() + (p.kernelWidth() - 1) / 2.0;
            by = ay * cy + by;
            bx = ax * cx + bx;
            ay = ay * p.strideY();
            ax = ax * p.strideX();
        }
        return new OutputGeometry(ay, by, ax, bx);
    }

    /** Input row (continuous, cell centres at whole numbers) of output row {@code o}. */
    public double inputY(double o) {
        return scaleY * o + offsetY;
    }

    public double inputX(double o) {
        return scaleX * o + offsetX;
    }

    /** Output row (continuous) centred on input row {@code y}. */
    public double outputY(double y) {
        return (y - offsetY) / scaleY;
    }

    public double outputX(double x) {
        return (x - offsetX) / scaleX;
    }

    /**
     * The view window on the output that shows the same place as {@code w} shows on the input
     * (both in continuous coordinates where cell {@code i} spans {@code [i, i + 1)}).
     */
    public MapRenderer.Window outputWindow(MapRenderer.Window w) {
        double x0 = outputX(w.x0() - 0.5) + 0.5;
        double y0 = outputY(w.y0() - 0.5) + 0.5;
        return new MapRenderer.Window(x0, y0, w.stepX() / scaleX, w.stepY() / scaleY, w.width(), w.height());
    }
}
