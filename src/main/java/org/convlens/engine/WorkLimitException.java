package org.convlens.engine;

/**
 * A computation refused before it started because it would take more memory, time or trace text
 * than its {@link WorkLimit}: a {@link SpecException} on the whole spec ({@code $}) whose message
 * says what is too big and by how much.
 */
public class WorkLimitException extends SpecException {
    /** What is over the limit. */
    public enum Kind {
        MEMORY, TIME, TRACE
    }

    private final Kind kind;
    private final double over;

    WorkLimitException(Kind kind, double over, String key, Object... args) {
        super("$", key, args);
        this.kind = kind;
        this.over = over;
    }

    public Kind kind() {
        return kind;
    }

    /** How many times the limit the estimate is (above 1). */
    public double over() {
        return over;
    }
}
