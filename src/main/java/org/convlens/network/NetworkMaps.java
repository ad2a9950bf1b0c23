package org.convlens.network;

import org.convlens.engine.ConvEngine;
import org.convlens.engine.Tensor;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Every map one forward pass computed, kept for display: map 0 is the input, then each stage's
 * output in the order of {@link NetworkPlan#maps()} (a pooling conv layer's feature map, then its
 * pooled map). A flatten's vector shares its input's values. Vectors are {@code N x 1 x 1}.
 * The tensors are the pass's own: read them, do not change them.
 */
public final class NetworkMaps {
    private final NetworkPlan plan;
    private final Tensor[] maps;
    private final ConvEngine.Result[] convResults;
    private final MapRange[] ranges;

    NetworkMaps(NetworkPlan plan, Tensor[] maps, ConvEngine.Result[] convResults) {
        this.plan = plan;
        this.maps = maps;
        this.convResults = convResults;
        this.ranges = new MapRange[maps.length];
    }

    public NetworkPlan plan() {
        return plan;
    }

    /** All maps, input first. */
    public List<Tensor> maps() {
        return Collections.unmodifiableList(Arrays.asList(maps));
    }

    public Tensor map(int m) {
        return maps[m];
    }

    public Tensor input() {
        return maps[0];
    }

    /** The last map: the network's output. */
    public Tensor output() {
        return maps[maps.length - 1];
    }

    /** The map layer {@code layer} outputs (-1: the input). */
    public Tensor layerOutput(int layer) {
        return maps[plan.outputMap(layer)];
    }

    /** The range of map {@code m}'s values (computed once, then kept). */
    public synchronized MapRange range(int m) {
        if (ranges[m] == null) {
            ranges[m] = MapRange.of(maps[m]);
        }
        return ranges[m];
    }

    /** The single-layer engine's result of conv layer {@code layer}, or null for other layers. */
    ConvEngine.Result convResult(int layer) {
        return convResults[layer];
    }

    Tensor[] array() {
        return maps;
    }
}
