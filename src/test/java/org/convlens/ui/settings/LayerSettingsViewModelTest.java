package org.convlens.ui.settings;

import org.convlens.engine.Kernel;
import org.convlens.engine.KernelPresets;
import org.convlens.engine.PaddingMode;
import org.convlens.spec.LayerSettings.Name;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayerSettingsViewModelTest {
    @ParameterizedTest
    @ValueSource(strings = {"identity", "box_blur", "gaussian"})
    void resizablePresetsSumToOneAtEverySize(String name) {
        for (int k = 1; k <= 7; k++) {
            float sum = 0;
            for (float[] row : KernelPresets.rows(name, k, k + 1)) {
                for (float w : row) {
                    sum += w;
                }
            }
            assertEquals(1f, sum, 1e-5f, name + " " + k);
        }
    }

    @Test
    void gaussianIsTheBinomialKernel() {
        assertArrayEquals(new float[] {1 / 16f, 2 / 16f, 1 / 16f}, KernelPresets.rows("gaussian", 3, 3)[0], 1e-7f);
        assertArrayEquals(new float[] {1 / 4f, 1 / 2f, 1 / 4f}, KernelPresets.rows("gaussian", 1, 3)[0], 1e-7f);
    }

    @Test
    void aFixedPresetSetsTheKernelToThreeByThreeInEverySlice() {
        LayerSettingsViewModel s = new LayerSettingsViewModel();
        s.kernelHeightProperty().set(5);
        s.outChannelsProperty().set(2);
        s.applyPreset("sobel_x");
        Kernel k = s.kernelProperty().get();
        assertEquals(3, k.height());
        assertEquals(3, s.kernelHeightProperty().get());
        assertEquals(2, k.dim0());
        assertEquals(-2f, k.get(1, 0, 1, 0));
        assertEquals(2f, k.get(0, 0, 1, 2));
    }

    @Test
    void aResizablePresetKeepsTheSize() {
        LayerSettingsViewModel s = new LayerSettingsViewModel();
        s.kernelWidthProperty().set(5);
        s.applyPreset("box_blur");
        assertEquals(5, s.kernelProperty().get().width());
        assertEquals(1f / 15, s.kernelProperty().get().get(0, 0, 2, 4));
    }

    @Test
    void everyEditCountsAndNamesItsSettingAndALoadCountsWithNoName() {
        LayerSettingsViewModel s = new LayerSettingsViewModel();
        int before = s.revisionProperty().get();
        s.strideXProperty().set(2);
        assertEquals(before + 1, s.revisionProperty().get());
        assertSame(Name.STRIDE, s.lastEdited());
        s.paddingModeProperty().set(PaddingMode.REFLECT);
        assertSame(Name.PADDING_MODE, s.lastEdited());
        assertEquals(PaddingMode.REFLECT, s.build().paddingMode());
        s.load(s.build(), 1);
        assertEquals(before + 3, s.revisionProperty().get(), "a listener (the Photos tab) hears a load too");
        assertNull(s.lastEdited());
    }

    @Test
    void aChangeAfterALoadIsHeardWithNoControlReadingTheProperty() {
        LayerSettingsViewModel s = new LayerSettingsViewModel();
        s.load(org.convlens.engine.ConvSpec.builder(KernelPresets.get("sobel_x")).stride(2).build(), 1);
        int before = s.revisionProperty().get();
        s.strideXProperty().set(3);
        s.outChannelsProperty().set(4);
        assertEquals(before + 2, s.revisionProperty().get());
        assertEquals(4, s.build().kernel().dim0());
    }

    @Test
    void textInTheCommandLinesGrammarReachesTheProperties() {
        LayerSettingsViewModel s = new LayerSettingsViewModel();
        s.set(Name.POOL, "avg:3:2:1");
        assertTrue(s.poolEnabledProperty().get());
        assertEquals(3, s.poolHeightProperty().get());
        assertEquals(2, s.poolStrideXProperty().get());
        assertEquals(1, s.poolPadYProperty().get());
        assertEquals(3, s.build().pool().kernelWidth());
    }
}
