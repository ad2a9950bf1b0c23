package org.convlens.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An engine message comes out whole in the locale asked for, whatever the JVM's default: the
 * words inside it ("rows", "columns") too. Each test sets the default to the other language.
 */
class MessageLocaleTest {
    private final Locale saved = Locale.getDefault();

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    private static SpecException refused(ConvSpec spec, int h, int w) {
        return assertThrows(SpecException.class, () -> ConvPlan.of(spec, 1, h, w));
    }

    @ParameterizedTest
    @ValueSource(strings = {"reflect", "kernel", "reach", "pool"})
    void wordsInsideAMessageFollowItsLocale(String which) {
        Locale.setDefault(Locale.ENGLISH);
        SpecException e = switch (which) {
            case "reflect" -> refused(ConvSpec.builder(Kernel.of(new int[][] {{1}})).padding(Padding.of(3))
                    .paddingMode(PaddingMode.REFLECT).build(), 2, 2);
            case "kernel" -> refused(ConvSpec.builder(new Kernel(1, 1, 5, 5, new float[25])).build(), 3, 3);
            case "reach" -> refused(ConvSpec.builder(new Kernel(1, 1, 3, 1, new float[3])).dilation(1 << 30, 1)
                    .build(), 3, 3);
            default -> refused(ConvSpec.builder(Kernel.of(new int[][] {{1}})).pool(PoolSpec.of(PoolSpec.Type.MAX, 4))
                    .build(), 3, 3);
        };
        String zh = e.message(Locale.SIMPLIFIED_CHINESE);
        assertFalse(zh.contains("rows") || zh.contains("columns"), zh);
        assertTrue(zh.contains("行") || zh.contains("列"), zh);
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        String en = e.message(Locale.ENGLISH);
        assertTrue(en.contains("rows") || en.contains("columns"), en);
        assertFalse(en.contains("行") || en.contains("列"), en);
    }

    @Test
    void aPhraseIsTranslatedWithTheMessageAroundIt() {
        Messages.Phrase rows = Messages.phrase("word.rows");
        assertEquals("rows", rows.in(Locale.ROOT));
        assertEquals("行", rows.in(Locale.SIMPLIFIED_CHINESE));
        assertEquals("pooling would leave no rows: x", Messages.get(Locale.ROOT, "error.pool.empty", rows, "x"));
        assertTrue(Messages.get(Locale.SIMPLIFIED_CHINESE, "error.pool.empty", rows, "x").contains("行"));
    }
}
