package org.convlens.spec;

import org.convlens.engine.KernelPresets;
import org.convlens.engine.SpecException;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelTextTest {
    @Test
    void readsRowsFractionsAndComments() {
        assertArrayEquals(new float[][] {{1, 0, -1}, {2, 0, -2}, {1, 0, -1}}, KernelText.parse("1 0 -1; 2 0 -2; 1 0 -1"));
        assertArrayEquals(new float[][] {{1f / 9, 0.5f}, {-3, 4}}, KernelText.parse("# blur\n1/9, 0.5\n[-3 4]  # end"));
        String back = KernelText.format(KernelPresets.rows("box_blur"));
        assertArrayEquals(KernelPresets.rows("box_blur"), KernelText.parse(back));
    }

    @Test
    void saysWhatIsWrongAtTheKernel() {
        SpecException ragged = assertThrows(SpecException.class, () -> KernelText.parse("1 2; 3"));
        assertEquals("$.kernel", ragged.field());
        assertTrue(ragged.message(Locale.ENGLISH).startsWith("row 2 has 1 values, but row 1 has 2"));
        assertTrue(assertThrows(SpecException.class, () -> KernelText.parse("1 x")).message(Locale.ENGLISH)
                .contains("\"x\" in row 1 is not a number"));
        assertTrue(assertThrows(SpecException.class, () -> KernelText.parse("1/0")).message(Locale.ENGLISH)
                .contains("divides by zero"));
        assertThrows(SpecException.class, () -> KernelText.parse(" ; "));
        assertThrows(SpecException.class, () -> KernelText.parse("NaN"));
    }
}
