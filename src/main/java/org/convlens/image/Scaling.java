package org.convlens.image;

/**
 * How feature-map values become colours. Negative values are never hidden by accident: each mode
 * says plainly what it does with them.
 */
public enum Scaling implements org.convlens.engine.Named {
    /**
     * Raw, normalised: a map with negative values uses the diverging colour map centred on zero,
     * from {@code -m} (blue) through 0 (white) to {@code +m} (red), {@code m} the largest
     * magnitude; a map with no negative values goes from 0 (black) to its maximum (white).
     */
    RAW("raw"),
    /** Absolute: {@code |v|} from 0 (black) to the largest magnitude (white); the sign is dropped. */
    ABSOLUTE("abs"),
    /** Clamped: {@code v} clipped to [0, 1], the input's own scale (0 black, 1 white), as a photo editor shows it. */
    CLAMPED("clamp");

    private final String id;

    Scaling(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /** The mode with this id ({@code raw}, {@code abs}, {@code clamp}), or null. */
    public static Scaling fromId(String id) {
        return org.convlens.engine.Named.byId(Scaling.class, id);
    }
}
