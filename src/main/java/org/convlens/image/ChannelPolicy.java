package org.convlens.image;

import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;

import java.util.Arrays;

/**
 * How the current settings apply to a photo's channels: the one rule the photo view and the
 * command line share.
 *
 * <p>A single kh x kw kernel (the stepper's grid, a preset, inline text) on a colour photo is
 * applied to each of R, G and B separately: depthwise, {@code groups = 3} with the kernel repeated
 * once per channel (and the bias too), so the result has three channels, the filtered colour
 * photo. A kernel that already has the photo's input channels (a 4-D kernel) is used as it is.
 */
public final class ChannelPolicy {
    private ChannelPolicy() {
    }

    /** True if {@code spec} would be applied depthwise to an input with {@code channels} channels. */
    public static boolean depthwise(ConvSpec spec, int channels) {
        Kernel k = spec.kernel();
        return channels > 1 && k.dim0() == 1 && k.dim1() == 1 && spec.groups() == 1;
    }

    /**
     * The spec to run on an input with {@code channels} channels: depthwise (groups = channels,
     * kernel and bias repeated) for a single 2-D kernel, else {@code spec} unchanged.
     */
    public static ConvSpec forChannels(ConvSpec spec, int channels) {
        if (!depthwise(spec, channels)) {
            return spec;
        }
        Kernel k = spec.kernel();
        int plane = k.height() * k.width();
        float[] w = new float[channels * plane];
        for (int c = 0; c < channels; c++) {
            System.arraycopy(k.data(), 0, w, c * plane, plane);
        }
        ConvSpec.Builder b = spec.toBuilder().kernel(new Kernel(channels, 1, k.height(), k.width(), w)).groups(channels);
        if (spec.bias() != null) {
            float[] bias = new float[channels];
            Arrays.fill(bias, spec.bias().length == 0 ? 0f : spec.bias()[0]);
            b.bias(bias);
        }
        return b.build();
    }
}
