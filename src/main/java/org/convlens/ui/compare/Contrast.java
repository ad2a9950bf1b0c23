package org.convlens.ui.compare;

import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Padding;
import org.convlens.engine.PaddingMode;
import org.convlens.engine.Tensor;
import org.convlens.spec.LayerSettings.Name;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The two classic contrasts the Compare tab sets up in one click, each from one scenario: sides A
 * and B take every setting of it and differ in exactly one. Pure Java.
 */
public enum Contrast {
    /** Zeros against reflect padding (both padded; an unpadded scenario gets a padding that keeps the size). */
    PADDING_MODE(Name.PADDING_MODE),
    /** Stride 1 against stride 2, on both axes. */
    STRIDE(Name.STRIDE);

    private final Name setting;

    Contrast(Name setting) {
        this.setting = setting;
    }

    /** The one setting in which the two sides differ. */
    public Name setting() {
        return setting;
    }

    /** The id used in bundle keys and element ids: {@code padding_mode}, {@code stride}. */
    public String id() {
        return setting.id();
    }

    /**
     * The specs of sides A and B made from {@code base} (a spec the engine accepts for {@code input}).
     *
     * @return two specs, A first
     */
    public ConvSpec[] sides(ConvSpec base, Tensor input) {
        if (this == STRIDE) {
            return new ConvSpec[] {base.toBuilder().stride(1, 1).build(), base.toBuilder().stride(2, 2).build()};
        }
        ConvSpec padded = base;
        int[] added = addedPadding(base, input);
        if (added != null) {
            padded = base.toBuilder().padding(Padding.of(added[0], added[0], added[1], added[1])).build();
        }
        return new ConvSpec[] {padded.toBuilder().paddingMode(PaddingMode.ZEROS).build(),
            padded.toBuilder().paddingMode(PaddingMode.REFLECT).build()};
    }

    /**
     * For {@link #PADDING_MODE}: the padding (rows, columns on each side) both sides get because
     * {@code base} pads nothing (a padding mode changes nothing without padding): half the dilated
     * kernel, at least 1. Null when {@code base} pads already, or for another contrast.
     */
    public int[] addedPadding(ConvSpec base, Tensor input) {
        if (this != PADDING_MODE) {
            return null;
        }
        int[] p = ConvPlan.of(base, input).padding();
        if (Arrays.stream(p).anyMatch(v -> v != 0)) {
            return null;
        }
        int kh = base.kernel().height();
        int kw = base.kernel().width();
        return new int[] {Math.max(1, base.dilationY() * (kh - 1) / 2), Math.max(1, base.dilationX() * (kw - 1) / 2)};
    }

    /**
     * The settings in which {@code a} and {@code b} differ, in the settings model's order (the
     * kernel stands for its size, channels and weights).
     */
    public static List<Name> differences(ConvSpec a, ConvSpec b) {
        List<Name> d = new ArrayList<>();
        add(d, Name.KERNEL, a.kernel().equals(b.kernel()));
        add(d, Name.BIAS, Arrays.equals(biasOf(a), biasOf(b)));
        add(d, Name.STRIDE, a.strideY() == b.strideY() && a.strideX() == b.strideX());
        add(d, Name.PADDING, a.padding().equals(b.padding()));
        add(d, Name.PADDING_MODE, a.paddingMode() == b.paddingMode());
        add(d, Name.DILATION, a.dilationY() == b.dilationY() && a.dilationX() == b.dilationX());
        add(d, Name.GROUPS, a.groups() == b.groups());
        add(d, Name.FLIP, a.flip() == b.flip());
        add(d, Name.ACTIVATION, a.activation().equals(b.activation()));
        add(d, Name.POOL, Objects.equals(a.pool(), b.pool()));
        add(d, Name.TRANSPOSED, a.transposed() == b.transposed());
        add(d, Name.OUTPUT_PADDING, a.outputPaddingY() == b.outputPaddingY() && a.outputPaddingX() == b.outputPaddingX());
        return d;
    }

    private static void add(List<Name> d, Name n, boolean same) {
        if (!same) {
            d.add(n);
        }
    }

    /** The bias, a missing one as the zeros it means. */
    private static float[] biasOf(ConvSpec s) {
        return s.bias() == null ? new float[s.outChannels()] : s.bias();
    }
}
