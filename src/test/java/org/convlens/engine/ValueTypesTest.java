package org.convlens.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** "Same scenario" is {@code equals}: specs, pool specs and kernels compare by value, arrays by content. */
class ValueTypesTest {
    private static ConvSpec.Builder base() {
        return ConvSpec.builder(new Kernel(2, 1, 2, 3, new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}))
                .bias(new float[] {0.5f, -1f}).stride(2, 1).dilation(1, 2).padding(Padding.of(1, 0, 2, 1))
                .paddingMode(PaddingMode.REFLECT).groups(2).flip(true).activation(Activation.leakyRelu(0.2f))
                .pool(new PoolSpec(PoolSpec.Type.AVG, 2, 3, 1, 2, 1, 1, true, false));
    }

    @Test
    void twoSpecsBuiltAlikeAreEqualAndHashAlike() {
        ConvSpec a = base().build();
        ConvSpec b = base().build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(a, a.toBuilder().build());
        assertEquals(a.kernel(), b.kernel());
        assertEquals(a.pool(), b.pool());
    }

    static Stream<Map.Entry<String, UnaryOperator<ConvSpec.Builder>>> oneSettingChanged() {
        return Map.<String, UnaryOperator<ConvSpec.Builder>>ofEntries(
                Map.entry("kernel value", b -> b.kernel(new Kernel(2, 1, 2, 3, new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13}))),
                Map.entry("kernel shape", b -> b.kernel(new Kernel(2, 1, 3, 2, new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}))),
                Map.entry("bias", b -> b.bias(new float[] {0.5f, -2f})),
                Map.entry("no bias", b -> b.bias(null)),
                Map.entry("stride y", b -> b.stride(1, 1)),
                Map.entry("stride x", b -> b.stride(2, 2)),
                Map.entry("dilation y", b -> b.dilation(2, 2)),
                Map.entry("dilation x", b -> b.dilation(1, 1)),
                Map.entry("padding", b -> b.padding(Padding.of(1, 1, 2, 1))),
                Map.entry("padding rule", b -> b.padding(Padding.SAME)),
                Map.entry("padding mode", b -> b.paddingMode(PaddingMode.CIRCULAR)),
                Map.entry("groups", b -> b.groups(1)),
                Map.entry("flip", b -> b.flip(false)),
                Map.entry("activation slope", b -> b.activation(Activation.leakyRelu(0.3f))),
                Map.entry("activation", b -> b.activation(Activation.RELU)),
                Map.entry("pool", b -> b.pool(null)),
                Map.entry("pool ceil", b -> b.pool(new PoolSpec(PoolSpec.Type.AVG, 2, 3, 1, 2, 1, 1, false, false))),
                Map.entry("pool count_include_pad", b -> b.pool(new PoolSpec(PoolSpec.Type.AVG, 2, 3, 1, 2, 1, 1, true, true))),
                Map.entry("pool type", b -> b.pool(new PoolSpec(PoolSpec.Type.MAX, 2, 3, 1, 2, 1, 1, true, false))),
                Map.entry("transposed", b -> b.transposed(true)),
                Map.entry("output padding", b -> b.transposed(true).outputPadding(1, 0))).entrySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneSettingChanged")
    void specsDifferingInOneSettingAreNotEqual(Map.Entry<String, UnaryOperator<ConvSpec.Builder>> change) {
        ConvSpec a = base().build();
        ConvSpec b = change.getValue().apply(base()).build();
        assertNotEquals(a, b, change.getKey());
    }

    @Test
    void aMissingBiasEqualsAZeroBiasOnEveryOutputChannel() {
        // They compute the same layer (a plan gives zeros for a missing bias).
        ConvSpec none = base().bias(null).build();
        ConvSpec zeros = base().bias(new float[2]).build();
        assertEquals(none, zeros);
        assertEquals(none.hashCode(), zeros.hashCode());
        assertNotEquals(none, base().bias(new float[3]).build(), "three zeros for two output channels");
        assertNotEquals(none, base().bias(new float[] {-0f, 0f}).build(), "negative zero is not zero");
        // transposed: out channels = dim1 * groups
        ConvSpec t = base().transposed(true).groups(1).bias(null).build();
        assertEquals(t, base().transposed(true).groups(1).bias(new float[1]).build());
    }

    @Test
    void explicitZeroPaddingIsValidPadding() {
        // a spec writes neither, so a spec read back from its file must still be equal
        assertEquals(Padding.VALID, Padding.of(0));
        assertEquals(Padding.VALID.hashCode(), Padding.of(0, 0).hashCode());
        assertEquals(base().padding(Padding.VALID).build(), base().padding(Padding.of(0)).build());
        assertNotEquals(Padding.VALID, Padding.of(0, 0, 0, 1));
        assertNotEquals(Padding.SAME, Padding.FULL);
    }

    @Test
    void kernelsCompareByShapeAndContent() {
        Kernel a = new Kernel(1, 1, 2, 2, new float[] {1, 2, 3, 4});
        assertEquals(a, new Kernel(1, 1, 2, 2, new float[] {1, 2, 3, 4}));
        assertEquals(a.hashCode(), new Kernel(1, 1, 2, 2, new float[] {1, 2, 3, 4}).hashCode());
        assertNotEquals(a, new Kernel(1, 1, 1, 4, new float[] {1, 2, 3, 4}));
        assertNotEquals(a, new Kernel(1, 1, 2, 2, new float[] {1, 2, 3, 5}));
        assertEquals("Kernel[1x1x2x2]", a.toString());
    }

    @Test
    void poolSpecsCompareByValue() {
        assertEquals(PoolSpec.of(PoolSpec.Type.MAX, 2), new PoolSpec(PoolSpec.Type.MAX, 2, 2, 2, 2, 0, 0, false, true));
        assertNotEquals(PoolSpec.of(PoolSpec.Type.MAX, 2), PoolSpec.of(PoolSpec.Type.AVG, 2));
    }

    @Test
    void theCanonicalConstructorsCheckAsTheBuilderDoes() {
        assertEquals("$.stride", assertThrows(SpecException.class, () -> new ConvSpec(Kernel.of(new int[][] {{1}}), null,
                0, 1, 1, 1, Padding.VALID, PaddingMode.ZEROS, 1, false, Activation.NONE, null, false, 0, 0)).field());
        assertEquals("$.kernel", assertThrows(SpecException.class, () -> ConvSpec.builder(
                new Kernel(1, 1, 1, 1, new float[] {Float.NaN})).build()).field());
        assertEquals("$.pool.padding", assertThrows(SpecException.class,
                () -> new PoolSpec(PoolSpec.Type.MAX, 2, 2, 2, 2, 2, 0, false, true)).field());
    }
}
