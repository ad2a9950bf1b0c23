package org.convlens.network;

import org.convlens.engine.PoolSpec;

import java.util.Objects;

/**
 * Pooling on its own, as in a spec's {@code "pool"}: max or average over windows, per channel.
 *
 * @param pool the pooling settings
 */
public record PoolLayer(PoolSpec pool) implements Layer {
    public PoolLayer {
        Objects.requireNonNull(pool, "pool");
    }

    @Override
    public String type() {
        return "pool";
    }
}
