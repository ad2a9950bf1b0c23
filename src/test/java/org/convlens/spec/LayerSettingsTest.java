package org.convlens.spec;

import org.convlens.engine.Activation;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.Padding;
import org.convlens.engine.PaddingMode;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.RandomCases;
import org.convlens.engine.SpecException;
import org.convlens.engine.Tensor;
import org.convlens.spec.LayerSettings.Name;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayerSettingsTest {
    private static String json(Tensor input, ConvSpec spec) {
        return SpecWriter.toJson(new Problem(input, spec));
    }

    @Test
    void loadsEverySpecWithoutLossAndBuildsItAgain() {
        int n = 0;
        for (RandomCases.Case c : RandomCases.generate(20261202L, 400, 9)) {
            ConvSpec spec = c.plan().spec();
            LayerSettings s = LayerSettings.of(spec, c.input().channels());
            assertEquals(json(c.input(), spec), json(c.input(), s.build()), c.name());
            assertEquals(json(c.input(), spec), json(c.input(), s.copy().build()), c.name());
            n++;
        }
        assertTrue(n > 300, "cases: " + n);
    }

    @Test
    void aLossyLookingBiasStaysExact() {
        ConvSpec spec = ConvSpec.builder(new Kernel(2, 1, 1, 1, new float[] {1, 2})).bias(new float[] {0f, 0f}).build();
        LayerSettings s = LayerSettings.of(spec, 1);
        assertEquals("0", s.biasText());
        assertArrayEquals(new float[] {0f, 0f}, s.build().bias());
        s.setBiasText("0");
        assertArrayEquals(new float[] {0f, 0f}, s.build().bias(), "the text as shown, untouched, is the loaded bias");
        s.setBiasText("0.5");
        assertArrayEquals(new float[] {0.5f, 0.5f}, s.build().bias());
        s.setBiasText("1, -2");
        assertArrayEquals(new float[] {1f, -2f}, s.build().bias());
        s.setBiasText("0");
        assertNull(s.build().bias(), "a typed 0 is no bias");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "stride | 2,1 | $.stride", "dilation | 3 | $.dilation", "padding | same | $.padding",
        "padding | 1,2,3,4 | $.padding", "padding_mode | circular | $.padding_mode", "groups | 1 | $.groups",
        "activation | leaky_relu:0.2 | $.activation", "pool | avg:3:2:1 | $.pool", "flip | true | $.flip",
        "bias | 1/9 | $.bias"})
    void theCommandLinesGrammarSetsEachSetting(String name, String text, String field) {
        LayerSettings s = new LayerSettings();
        s.set(Name.byId(name), text);
        ConvSpec spec = s.build();
        assertEquals(field, Name.byId(name).field());
        switch (name) {
            case "stride" -> assertEquals(2 * 10 + 1, spec.strideY() * 10 + spec.strideX());
            case "dilation" -> assertEquals(3, spec.dilationX());
            case "padding" -> assertEquals(text.equals("same") ? Padding.SAME : Padding.of(1, 2, 3, 4), spec.padding());
            case "padding_mode" -> assertEquals(PaddingMode.CIRCULAR, spec.paddingMode());
            case "activation" -> assertEquals(Activation.leakyRelu(0.2f), spec.activation());
            case "pool" -> {
                PoolSpec p = spec.pool();
                assertEquals(PoolSpec.Type.AVG, p.type());
                assertEquals(3, p.kernelHeight());
                assertEquals(2, p.strideX());
                assertEquals(1, p.padY());
            }
            case "flip" -> assertTrue(spec.flip());
            case "bias" -> assertEquals(1f / 9, spec.bias()[0]);
            default -> assertEquals(1, spec.groups());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "stride | 0 | $.stride", "stride | two | $.stride", "stride | 1,2,3 | $.stride",
        "padding | 1,2,3 | $.padding", "padding | -1 | $.padding", "padding_mode | mirror | $.padding_mode",
        "activation | softmax | $.activation", "activation | relu:0.1 | $.activation.slope",
        "activation | leaky_relu:x | $.activation.slope", "pool | max:0 | $.pool.size", "pool | median:2 | $.pool.type",
        "bias | 1 2 3 | $.bias", "bias | one | $.bias", "flip | maybe | $.flip", "kernel | 1 2; 3 | $.kernel",
        "groups | 99999999999 | $.groups"})
    void badTextIsReportedAtItsSetting(String name, String text, String field) {
        LayerSettings s = new LayerSettings();
        SpecException e = assertThrows(SpecException.class, () -> {
            s.set(Name.byId(name), text);
            s.build();
        });
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(!e.message(Locale.ENGLISH).isBlank());
        assertTrue(!e.message(Locale.SIMPLIFIED_CHINESE).isBlank());
    }

    @Test
    void changingTheKernelSizeOrChannelsKeepsEveryWeightThatStillHasItsPlace() {
        LayerSettings s = new LayerSettings();
        s.setKernelRows(new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        s.setOutChannels(2);
        assertEquals(0f, s.weight(1, 0, 1, 1), "a new output channel is zero");
        assertEquals(5f, s.weight(0, 0, 1, 1));
        s.setWeight(1, 0, 1, 1, -5f);
        s.setKernelSize(2, 4);
        assertEquals(2, s.build().kernel().height());
        assertEquals(2f, s.weight(0, 0, 0, 1));
        assertEquals(0f, s.weight(0, 0, 0, 3));
        assertEquals(-5f, s.weight(1, 0, 1, 1));
        s.setInChannels(2);
        assertEquals(-5f, s.weight(1, 0, 1, 1));
        assertEquals(0f, s.weight(1, 1, 1, 1), "a new input channel's weights are zero");
        s.setWeight(1, 1, 1, 1, 7f);
        s.setGroups(2);
        assertEquals(7f, s.weight(1, 1, 1, 1), "output 1 still meets input 1, in the second group");
        assertTrue(Float.isNaN(s.weight(1, 0, 1, 1)), "no weight joins channels of different groups");
    }

    @Test
    void groupsThatDoNotDivideTheChannelsAreTheEnginesToSay() {
        LayerSettings s = new LayerSettings();
        s.setInChannels(3);
        s.setOutChannels(2);
        s.setGroups(2);
        SpecException e = assertThrows(SpecException.class, () -> ConvPlan.of(s.build(), 3, 5, 5));
        assertEquals("$.groups", e.field());
        assertEquals("error.groups.input", e.key());
        s.setInChannels(2);
        s.setOutChannels(3);
        e = assertThrows(SpecException.class, () -> ConvPlan.of(s.build(), 2, 5, 5));
        assertEquals("error.groups.output", e.key());
        s.setOutChannels(4);
        assertEquals(4, ConvPlan.of(s.build(), 2, 5, 5).outChannels());
    }
}
