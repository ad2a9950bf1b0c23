package org.convlens.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Value to colour, for one result: a {@link Scaling} fixed to the numbers of that result, so
 * the colour bar beside the maps can print them.
 *
 * <p>Every value maps to a position {@code u} in [0, 1] along the bar ({@link #unit}); the
 * diverging map puts 0 at {@code u = 0.5}. For 8-bit output (PNG export, RGB composites)
 * {@code u} becomes {@code round(255 u)}.
 */
public final class ColorScale {
    private final Scaling scaling;
    private final boolean diverging;
    private final float lo;
    private final float hi;

    private ColorScale(Scaling scaling, boolean diverging, float lo, float hi) {
        this.scaling = scaling;
        this.diverging = diverging;
        this.lo = lo;
        this.hi = hi;
    }

    /** The scale {@code scaling} gives a result with these stats. */
    public static ColorScale of(Scaling scaling, MapStats stats) {
        float m = Float.isFinite(stats.maxAbs()) && stats.maxAbs() > 0f ? stats.maxAbs() : 1f;
        switch (scaling) {
            case RAW:
                if (stats.signed()) {
                    return new ColorScale(scaling, true, -m, m);
                }
                float top = Float.isFinite(stats.max()) && stats.max() > 0f ? stats.max() : 1f;
                return new ColorScale(scaling, false, 0f, top);
            case ABSOLUTE:
                return new ColorScale(scaling, false, 0f, m);
            case CLAMPED:
                return new ColorScale(scaling, false, 0f, 1f);
            default:
                throw new AssertionError(scaling);
        }
    }

    public Scaling scaling() {
        return scaling;
    }

    /** True for the blue-white-red map of signed values. */
    public boolean diverging() {
        return diverging;
    }

    /** The value at the bottom of the bar. */
    public float lo() {
        return lo;
    }

    /** The value at the top of the bar. */
    public float hi() {
        return hi;
    }

    /** Position along the bar in [0, 1]; NaN maps to the middle. */
    public float unit(float v) {
        float x = scaling == Scaling.ABSOLUTE ? Math.abs(v) : v;
        float u = (x - lo) / (hi - lo);
        if (!(u >= 0f)) {
            return u != u ? 0.5f : 0f;
        }
        return Math.min(u, 1f);
    }

    /** {@link #unit} as 0..255. */
    public int byteOf(float v) {
        return Math.round(unit(v) * 255f);
    }

    /** Opaque ARGB colour of a value on this scale's colour map. */
    public int argb(float v) {
        int i = byteOf(v);
        return diverging ? ColorMaps.DIVERGING[i] : ColorMaps.GRAY[i];
    }

    /** ARGB colour at bar position {@code u} in [0, 1]. */
    public int argbAt(double u) {
        int i = (int) Math.round(Math.max(0, Math.min(1, u)) * 255);
        return diverging ? ColorMaps.DIVERGING[i] : ColorMaps.GRAY[i];
    }

    /** The value at bar position {@code u}. */
    public double valueAt(double u) {
        return lo + u * (hi - lo);
    }

    /**
     * Round tick values between {@link #lo} and {@link #hi}, at most about {@code count} of them,
     * always including both ends and (for a diverging scale) zero.
     */
    public List<Double> ticks(int count) {
        double span = hi - lo;
        double rough = span / Math.max(1, count - 1);
        double mag = Math.pow(10, Math.floor(Math.log10(rough)));
        double step = mag;
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f * mag >= rough) {
                step = f * mag;
                break;
            }
        }
        List<Double> t = new ArrayList<>();
        t.add((double) lo);
        for (double v = Math.ceil(lo / step) * step; v < hi - step * 0.25; v += step) {
            if (v > lo + step * 0.25) {
                t.add(Math.abs(v) < step * 1e-6 ? 0.0 : v);
            }
        }
        t.add((double) hi);
        return t;
    }
}
