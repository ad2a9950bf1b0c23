package org.convlens.ui.train;

import org.convlens.engine.Kernel;
import org.convlens.engine.Tensor;
import org.convlens.network.ConvLayer;
import org.convlens.network.Network;

import java.util.ArrayList;
import java.util.List;

/** A network's learned kernels as the Training tab shows them. */
public final class LearnedKernels {
    private LearnedKernels() {
    }

    /**
     * How far each weight of conv layer {@code layer} has moved since the run started ({@code now}
     * minus {@code start}, laid out as the kernels: output channel by input channel), or null if
     * the two are not the same layer.
     */
    public static Tensor moved(Network start, Network now, int layer) {
        if (start == null || now == null || layer < 0 || layer >= now.layers().size()
                || layer >= start.layers().size()
                || !(start.layers().get(layer) instanceof ConvLayer a)
                || !(now.layers().get(layer) instanceof ConvLayer b)) {
            return null;
        }
        Kernel ka = a.spec().kernel();
        Kernel kb = b.spec().kernel();
        if (ka.data().length != kb.data().length) {
            return null;
        }
        float[] d = new float[kb.data().length];
        for (int i = 0; i < d.length; i++) {
            d[i] = kb.data()[i] - ka.data()[i];
        }
        return new Tensor(kb.dim0() * kb.dim1(), kb.height(), kb.width(), d);
    }

    /** The indices of {@code net}'s (ordinary, not transposed) conv layers. */
    public static List<Integer> convLayers(Network net) {
        List<Integer> out = new ArrayList<>();
        if (net != null) {
            for (int i = 0; i < net.layers().size(); i++) {
                if (net.layers().get(i) instanceof ConvLayer c && !c.spec().transposed()) {
                    out.add(i);
                }
            }
        }
        return out;
    }
}
