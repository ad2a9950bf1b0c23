package org.convlens.image;

/**
 * The two colour maps, as 256-entry opaque ARGB tables. Diverging: ColorBrewer's RdBu (11 classes,
 * Cynthia Brewer), reversed so negative is blue and positive is red, linearly interpolated; its
 * white middle is exactly zero. Gray: black to white.
 */
public final class ColorMaps {
    private static final int[] RDBU_REVERSED = {0x053061, 0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7, 0xfddbc7,
        0xf4a582, 0xd6604d, 0xb2182b, 0x67001f};

    /** Blue (most negative) through white (zero) to red (most positive). */
    static final int[] DIVERGING = interpolate(RDBU_REVERSED);
    /** Black to white. */
    static final int[] GRAY = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            GRAY[i] = 0xFF000000 | i << 16 | i << 8 | i;
        }
    }

    private ColorMaps() {
    }

    private static int[] interpolate(int[] stops) {
        int[] lut = new int[256];
        int segments = stops.length - 1;
        for (int i = 0; i < 256; i++) {
            double pos = i / 255.0 * segments;
            int s = Math.min((int) pos, segments - 1);
            double f = pos - s;
            int a = stops[s];
            int b = stops[s + 1];
            int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
            int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
            int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
            lut[i] = 0xFF000000 | r << 16 | g << 8 | bl;
        }
        return lut;
    }

    /** A copy of the diverging table, for drawing its colour bar. */
    public static int[] diverging() {
        return DIVERGING.clone();
    }
}
