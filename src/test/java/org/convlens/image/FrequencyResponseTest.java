package org.convlens.image;

import org.convlens.engine.KernelPresets;
import org.convlens.engine.Tensor;
import org.convlens.spec.KernelText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FrequencyResponseTest {
    /** The magnitude equals NumPy's |fftshift(fft2(kernel, (64, 64)))|. */
    @ParameterizedTest
    @ValueSource(strings = {"box_blur", "sobel_x", "laplacian", "emboss"})
    void magnitudeMatchesNumpyFft(String preset) throws IOException {
        Tensor want = Npy.read(ApplyFixturesTest.DIR.resolve("freq_" + preset + ".npy"));
        FrequencyResponse f = FrequencyResponse.of(KernelPresets.rows(preset), 64);
        for (int u = 0; u < 64; u++) {
            for (int v = 0; v < 64; v++) {
                assertEquals(want.get(0, u, v), f.magnitude(u, v), 1e-5, preset + " at " + u + "," + v);
            }
        }
    }

    /** What signal processing calls these filters. */
    @ParameterizedTest
    @CsvSource({"box_blur, LOW_PASS", "gaussian, LOW_PASS", "laplacian, HIGH_PASS", "outline, HIGH_PASS",
        "sharpen, HIGH_PASS", "sobel_x, BAND_PASS", "sobel_y, BAND_PASS", "prewitt_x, BAND_PASS",
        "vertical_edge, BAND_PASS", "horizontal_edge, BAND_PASS", "identity, ALL_PASS"})
    void presetsAreNamedAsFilters(String preset, FrequencyResponse.Band band) {
        assertEquals(band, FrequencyResponse.of(KernelPresets.rows(preset), 64).band(), preset);
    }

    @ParameterizedTest
    @CsvSource({"'0 0; 0 0', ZERO", "'-1 1', HIGH_PASS", "'1 1; 1 1', LOW_PASS", "'1 1', OTHER"})
    void simpleKernels(String text, FrequencyResponse.Band band) throws Exception {
        assertEquals(band, FrequencyResponse.of(KernelText.parse(text), 32).band());
    }
}
