package org.convlens.spec;

import org.convlens.engine.Kernel;
import org.convlens.engine.SpecException;

/**
 * A layer's weights in the layout its mode reads them ({@link KernelLayout}: which slice joins
 * which output and input channel), and the ways they change: reshaped to another layout, every
 * weight that still joins the same output and input channel keeps its kernel place and new ones
 * are 0; one weight or all of them replaced. A value: each change gives new weights.
 * {@link LayerSettings} holds one and keeps its layout in step with the channels, kernel size,
 * groups and mode.
 */
record LayerWeights(Kernel kernel, KernelLayout layout) {
    /**
     * The weights in layout {@code want}; these unchanged when either layout cannot pair channels
     * (the groups do not divide them) or the two are the same.
     */
    LayerWeights reshapedTo(KernelLayout want) {
        if (!want.valid() || !layout.valid() || want.equals(layout)) {
            return this;
        }
        KernelLayout from = layout;
        float[] d = new float[want.dim0() * want.dim1() * want.kh() * want.kw()];
        for (int i0 = 0; i0 < want.dim0(); i0++) {
            for (int i1 = 0; i1 < want.dim1(); i1++) {
                int[] pair = want.pair(i0, i1);
                int[] src = pair[0] < from.outChannels() && pair[1] < from.inChannels()
                        ? from.slice(pair[0], pair[1]) : null;
                if (src == null) {
                    continue;
                }
                for (int ky = 0; ky < Math.min(want.kh(), from.kh()); ky++) {
                    for (int kx = 0; kx < Math.min(want.kw(), from.kw()); kx++) {
                        d[((i0 * want.dim1() + i1) * want.kh() + ky) * want.kw() + kx] = kernel.get(src[0], src[1], ky, kx);
                    }
                }
            }
        }
        return new LayerWeights(new Kernel(want.dim0(), want.dim1(), want.kh(), want.kw(), d), want);
    }

    /**
     * The kernel a layer of layout {@code want} builds with: these weights when they are in that
     * layout; else (the groups cannot split the channels) zeros of the shape asked for, so that
     * the engine's own check ({@link org.convlens.engine.ConvPlan}) names what is wrong.
     *
     * @throws SpecException at {@code $.groups} when a transposed layer's output channels do not
     *     split into the groups
     */
    Kernel kernelFor(KernelLayout want) {
        if (layout.valid() && layout.equals(want)) {
            return kernel;
        }
        if (want.transposed() && want.groups() >= 1 && want.outChannels() % want.groups() != 0) {
            // The kernel of a transposed layer has no dimension for the output channels:
            // only here can it be said that they do not split into the groups.
            throw new SpecException("$.groups", "error.groups.output", want.groups(), want.outChannels());
        }
        return new Kernel(want.dim0(), want.dim1(), want.kh(), want.kw(),
                new float[want.dim0() * want.dim1() * want.kh() * want.kw()]);
    }

    /** The same rows in every slice of layout {@code l}, the kernel's size theirs. */
    static LayerWeights ofRows(float[][] rows, KernelLayout l) {
        int kh = rows.length;
        int kw = rows[0].length;
        float[] plane = new float[kh * kw];
        for (int y = 0; y < kh; y++) {
            System.arraycopy(rows[y], 0, plane, y * kw, kw);
        }
        float[] d = new float[l.dim0() * l.dim1() * plane.length];
        for (int s = 0; s < l.dim0() * l.dim1(); s++) {
            System.arraycopy(plane, 0, d, s * plane.length, plane.length);
        }
        return new LayerWeights(new Kernel(l.dim0(), l.dim1(), kh, kw, d), l);
    }

    /** The same shape and layout with other data. */
    LayerWeights withData(float[] data) {
        return new LayerWeights(new Kernel(kernel.dim0(), kernel.dim1(), kernel.height(), kernel.width(), data), layout);
    }

    /** The weight joining output {@code co} and input {@code ci} at (ky, kx), NaN across groups. */
    float weight(int co, int ci, int ky, int kx) {
        int[] sl = layout.valid() ? layout.slice(co, ci) : null;
        return sl == null ? Float.NaN : kernel.get(sl[0], sl[1], ky, kx);
    }

    /**
     * The weights with the one joining output {@code co} and input {@code ci} at (ky, kx) set to
     * {@code v}, or null if the two channels are in different groups or the cell is outside the kernel.
     */
    LayerWeights withWeight(int co, int ci, int ky, int kx, float v) {
        int[] sl = layout.valid() && co < layout.outChannels() && ci < layout.inChannels() ? layout.slice(co, ci) : null;
        if (sl == null || ky < 0 || kx < 0 || ky >= kernel.height() || kx >= kernel.width()) {
            return null;
        }
        float[] d = kernel.data().clone();
        d[((sl[0] * kernel.dim1() + sl[1]) * kernel.height() + ky) * kernel.width() + kx] = v;
        return new LayerWeights(new Kernel(kernel.dim0(), kernel.dim1(), kernel.height(), kernel.width(), d), layout);
    }
}
