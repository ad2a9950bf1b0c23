package org.convlens.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelPresetsTest {
    static List<String> names() {
        return KernelPresets.names();
    }

    @Test
    void listsTheThirteenPresetsIdentityFirst() {
        assertEquals(List.of("identity", "box_blur", "gaussian", "sharpen", "sobel_x", "sobel_y", "prewitt_x",
                "prewitt_y", "laplacian", "emboss", "outline", "vertical_edge", "horizontal_edge"), KernelPresets.names());
    }

    @Test
    void identityLeavesAnInputUnchanged() {
        Tensor in = Tensor.of(new int[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        ConvSpec spec = ConvSpec.builder(KernelPresets.get("identity")).padding(Padding.SAME).build();
        assertEquals(in, ConvEngine.run(spec, in).output());
    }

    @Test
    void sobelXIsPositiveWhereBrightnessRisesToTheRight() {
        Tensor ramp = Tensor.of(new int[][] {{0, 1, 2}, {0, 1, 2}, {0, 1, 2}});
        float v = ConvEngine.run(ConvSpec.builder(KernelPresets.get("sobel_x")).build(), ramp).output().get(0, 0, 0);
        assertEquals(8f, v);
        Tensor down = Tensor.of(new int[][] {{0, 0, 0}, {1, 1, 1}, {2, 2, 2}});
        assertEquals(8f, ConvEngine.run(ConvSpec.builder(KernelPresets.get("sobel_y")).build(), down).output().get(0, 0, 0));
    }

    @ParameterizedTest
    @MethodSource("names")
    void smoothingPresetsSumToOneAndDerivativesToZero(String name) {
        float sum = 0;
        for (float[] row : KernelPresets.rows(name)) {
            for (float w : row) {
                sum += w;
            }
        }
        boolean keepsMean = List.of("identity", "box_blur", "gaussian", "sharpen", "emboss").contains(name);
        assertEquals(keepsMean ? 1f : 0f, sum, 1e-6f, name);
    }

    @Test
    void rowsAreACopyTheCallerMayChange() {
        float[][] a = KernelPresets.rows("gaussian");
        a[1][1] = 99;
        assertNotSame(a, KernelPresets.rows("gaussian"));
        assertEquals(0.25f, KernelPresets.rows("gaussian")[1][1]);
        assertArrayEquals(new float[] {1f / 9, 1f / 9, 1f / 9}, KernelPresets.rows("box_blur")[0]);
    }

    @Test
    void unknownNameIsRefusedWithTheList() {
        assertFalse(KernelPresets.contains("sobel"));
        assertTrue(KernelPresets.contains("sobel_x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelPresets.get("sobel"));
        assertTrue(e.getMessage().contains("sobel_x"), e.getMessage());
    }
}
