package org.convlens.network;

/**
 * How much a network may take before it is refused, checked from its plan before anything is
 * allocated ({@link NetworkPlan#check(NetworkLimits)}).
 *
 * @param maxBytes bytes for the maps the forward pass keeps and the parameters
 * @param maxMacs multiply-adds of one forward pass
 */
public record NetworkLimits(long maxBytes, long maxMacs) {
    /** Multiply-adds allowed by default: about 10 s of work on a slow machine. */
    public static final long DEFAULT_MAX_MACS = 100_000_000_000L;

    /** Half of what this JVM's heap may grow to, and {@link #DEFAULT_MAX_MACS}. */
    public static NetworkLimits forThisMachine() {
        return new NetworkLimits(Runtime.getRuntime().maxMemory() / 2, DEFAULT_MAX_MACS);
    }
}
