package org.convlens.image;

import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.KernelPresets;
import org.convlens.engine.Padding;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class GeometryAndTextTest {
    @Test
    void validStrideTwoPutsOutputZeroOnInputOne() {
        ConvPlan p = ConvPlan.of(ConvSpec.builder(KernelPresets.get("sobel_x")).stride(2).build(), 1, 9, 9);
        OutputGeometry g = OutputGeometry.of(p, false);
        assertEquals(1.0, g.inputY(0));
        assertEquals(5.0, g.inputX(2));
        assertEquals(2.0, g.outputX(5));
    }

    @Test
    void samePaddingKeepsCellsInPlaceAndPoolingDoublesTheScale() {
        ConvSpec spec = ConvSpec.builder(KernelPresets.get("sobel_x")).padding(Padding.SAME)
                .pool(PoolSpec.of(PoolSpec.Type.MAX, 2)).build();
        ConvPlan p = ConvPlan.of(spec, 1, 8, 8);
        assertEquals(3.0, OutputGeometry.of(p, false).inputX(3));
        OutputGeometry pooled = OutputGeometry.of(p, true);
        assertEquals(2.0, pooled.scaleX());
        assertEquals(0.5, pooled.inputX(0));
    }

    @Test
    void outputWindowShowsTheSamePlace() {
        ConvPlan p = ConvPlan.of(ConvSpec.builder(KernelPresets.get("box_blur")).stride(2).build(), 1, 100, 100);
        MapRenderer.Window in = new MapRenderer.Window(10, 20, 0.5, 40, 30);
        MapRenderer.Window out = OutputGeometry.of(p, false).outputWindow(in);
        assertEquals(0.25, out.step());
        // output cell 5 (centred on input 11) spans continuous x [5, 6), input 11 spans [11, 12).
        assertEquals(5.5, OutputGeometry.of(p, false).outputX(11.5 - 0.5) + 0.5);
    }

    @Test
    void aStrideOfOneByTwoHalvesTheStepAcrossOnly() {
        ConvPlan p = ConvPlan.of(ConvSpec.builder(KernelPresets.get("box_blur")).stride(1, 2).padding(Padding.SAME)
                .build(), 1, 100, 100);
        MapRenderer.Window out = OutputGeometry.of(p, false).outputWindow(new MapRenderer.Window(0, 0, 1, 100, 100));
        assertEquals(0.5, out.stepX());
        assertEquals(1.0, out.stepY());
        Tensor t = new Tensor(1, 2, 2, new float[] {0, 1, 0, 1});
        int[] px = new int[4];
        MapRenderer.render(t, 0, ColorScale.of(Scaling.CLAMPED, MapStats.of(t)),
                new MapRenderer.Window(0, 0, 0.5, 1, 4, 1), px);
        assertEquals(px[0], px[1], "two screen pixels across show one cell");
        assertNotEquals(px[1], px[2]);
    }

    @Test
    void aTwoDimensionalKernelOnRgbIsDepthwise() {
        ConvSpec spec = ConvSpec.builder(KernelPresets.get("sobel_x")).bias(new float[] {0.5f}).build();
        ConvSpec rgb = ChannelPolicy.forChannels(spec, 3);
        assertEquals(3, rgb.groups());
        assertArrayEquals(new int[] {3, 1, 3, 3}, rgb.kernel().shape());
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, rgb.bias());
        assertEquals(-2f, rgb.kernel().get(2, 0, 1, 0));
        assertSame(spec, ChannelPolicy.forChannels(spec, 1));
    }
}
