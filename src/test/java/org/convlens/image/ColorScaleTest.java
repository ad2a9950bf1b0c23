package org.convlens.image;

import org.convlens.engine.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColorScaleTest {
    private static MapStats stats(float... v) {
        return MapStats.of(new Tensor(1, 1, v.length, v));
    }

    @Test
    void statsCountWhatClampingClips() {
        MapStats s = stats(-2f, 0.5f, 3f, 1f, -0.1f);
        assertEquals(-2f, s.min());
        assertEquals(3f, s.max());
        assertEquals(3f, s.maxAbs());
        assertEquals(2, s.below());
        assertEquals(1, s.above());
        assertTrue(s.signed());
    }

    @Test
    void rawSignedMapIsDivergingAndSymmetricWithZeroWhite() {
        ColorScale c = ColorScale.of(Scaling.RAW, stats(-1f, 4f));
        assertTrue(c.diverging());
        assertEquals(-4f, c.lo());
        assertEquals(4f, c.hi());
        assertEquals(0.5f, c.unit(0f));
        int white = c.argb(0f);
        assertTrue(((white >> 16) & 0xFF) > 240 && ((white >> 8) & 0xFF) > 240 && (white & 0xFF) > 240,
                Integer.toHexString(white));
        int neg = c.argb(-4f);
        int pos = c.argb(4f);
        assertTrue((neg & 0xFF) > ((neg >> 16) & 0xFF), "negative is blue");
        assertTrue(((pos >> 16) & 0xFF) > (pos & 0xFF), "positive is red");
    }

    @Test
    void rawNonNegativeMapIsGrayFromZeroToMax() {
        ColorScale c = ColorScale.of(Scaling.RAW, stats(0.2f, 0.5f));
        assertFalse(c.diverging());
        assertEquals(0f, c.lo());
        assertEquals(0.5f, c.hi());
        assertEquals(255, c.byteOf(0.5f));
        assertEquals(0xFF000000, c.argb(0f));
    }

    @Test
    void absoluteDropsTheSignAndClampedUsesTheInputScale() {
        ColorScale a = ColorScale.of(Scaling.ABSOLUTE, stats(-2f, 1f));
        assertEquals(a.unit(2f), a.unit(-2f));
        assertEquals(1f, a.unit(-2f));
        ColorScale c = ColorScale.of(Scaling.CLAMPED, stats(-2f, 7f));
        assertEquals(0f, c.unit(-2f));
        assertEquals(1f, c.unit(7f));
        assertEquals(128, c.byteOf(128 / 255f));
    }

    @Test
    void allZeroMapDoesNotDivideByZero() {
        ColorScale c = ColorScale.of(Scaling.RAW, stats(0f, 0f));
        assertEquals(0f, c.unit(0f));
    }

    @Test
    void ticksIncludeBothEndsAndZero() {
        List<Double> t = ColorScale.of(Scaling.RAW, stats(-3.7f, 1f)).ticks(5);
        assertEquals(-3.7, t.get(0), 1e-6);
        assertEquals(3.7, t.get(t.size() - 1), 1e-6);
        assertTrue(t.contains(0.0), t.toString());
    }

    @Test
    void rendererZoomedInShowsSquaresAndOutsideIsBackground() {
        Tensor t = new Tensor(1, 2, 2, new float[] {0f, 1f, 1f, 0f});
        ColorScale c = ColorScale.of(Scaling.CLAMPED, MapStats.of(t));
        int[] px = new int[6 * 4];
        MapRenderer.render(t, 0, c, new MapRenderer.Window(0, 0, 0.5, 6, 4), px);
        int black = 0xFF000000;
        int white = 0xFFFFFFFF;
        assertArrayEquals(new int[] {black, black, white, white, MapRenderer.BACKGROUND, MapRenderer.BACKGROUND},
                java.util.Arrays.copyOfRange(px, 0, 6));
        assertEquals(white, px[2 * 6]);
    }

    @Test
    void rendererZoomedOutAveragesBeforeColouring() {
        Tensor t = new Tensor(1, 2, 2, new float[] {0f, 1f, 1f, 0f});
        ColorScale c = ColorScale.of(Scaling.CLAMPED, MapStats.of(t));
        int[] px = new int[1];
        MapRenderer.render(t, 0, c, new MapRenderer.Window(0, 0, 2, 1, 1), px);
        assertEquals(128, px[0] & 0xFF);
    }

    @Test
    void rgbCompositeTakesChannelsAsRedGreenBlue() {
        Tensor t = new Tensor(3, 1, 1, new float[] {1f, 0f, 0.5f});
        int[] px = new int[1];
        MapRenderer.render(t, MapRenderer.RGB, ColorScale.of(Scaling.CLAMPED, MapStats.of(t)), MapRenderer.Window.whole(t), px);
        assertEquals(0xFFFF0080, px[0]);
    }
}
