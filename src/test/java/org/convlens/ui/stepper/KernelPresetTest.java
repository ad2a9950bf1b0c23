package org.convlens.ui.stepper;

import org.convlens.engine.Kernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class KernelPresetTest {
    @ParameterizedTest
    @EnumSource(value = KernelPreset.class, names = {"IDENTITY", "BOX_BLUR", "GAUSSIAN"})
    void resizablePresetsSumToOne(KernelPreset p) {
        for (int k = 1; k <= 7; k++) {
            float sum = 0;
            for (float w : p.weights(k, k + 1)) {
                sum += w;
            }
            assertEquals(1f, sum, 1e-5f, p + " " + k);
        }
    }

    @Test
    void gaussianIsTheBinomialKernel() {
        float[] g = KernelPreset.GAUSSIAN.weights(3, 3);
        assertArrayEquals(new float[] {1 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 4 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 1 / 16f},
                g, 1e-7f);
    }

    @Test
    void everyPresetIsTheEnginesTableAtThreeByThree() {
        for (KernelPreset p : KernelPreset.values()) {
            assertArrayEquals(org.convlens.engine.KernelPresets.get(p.id()).data(), p.weights(3, 3), p.toString());
        }
        assertEquals(org.convlens.engine.KernelPresets.names().size(), KernelPreset.values().length);
    }

    @Test
    void aFixedPresetSetsTheKernelToThreeByThreeInEverySlice() {
        ScenarioViewModel s = new ScenarioViewModel(new Random(1));
        s.kernelHeightProperty().set(5);
        s.outChannelsProperty().set(2);
        s.applyPreset(KernelPreset.SOBEL_X);
        Kernel k = s.kernelProperty().get();
        assertEquals(3, k.height());
        assertEquals(2, k.dim0());
        assertEquals(-2f, k.get(1, 0, 1, 0));
        assertEquals(2f, k.get(0, 0, 1, 2));
    }
}
