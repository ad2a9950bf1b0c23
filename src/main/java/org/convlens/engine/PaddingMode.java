package org.convlens.engine;

/**
 * What a padding cell holds, with PyTorch's names (F.pad modes). For an index {@code i} outside
 * {@code [0, n)} of an axis of length {@code n}:
 */
public enum PaddingMode implements Named {
    /** Zero: the cell is 0 (BoofCV ZERO). */
    ZEROS("zeros"),
    /** Mirror without repeating the edge: -1 reads 1, n reads n-2 (BoofCV REFLECT); needs padding below n. */
    REFLECT("reflect"),
    /** Repeat the edge cell: -1 reads 0, n reads n-1 (BoofCV EXTENDED). */
    REPLICATE("replicate"),
    /** Wrap around: -1 reads n-1, n reads 0 (BoofCV WRAP); needs padding at most n. */
    CIRCULAR("circular");

    private final String id;

    PaddingMode(String id) {
        this.id = id;
    }

    /** The name used in specs and by PyTorch. */
    @Override
    public String id() {
        return id;
    }

    public static PaddingMode fromId(String id) {
        return Named.byId(PaddingMode.class, id);
    }

    /**
     * The input index a possibly out-of-range index {@code i} reads, or -1 for a zero cell.
     * Valid for the padding widths PyTorch allows (checked by {@link ConvPlan}).
     */
    public int sourceIndex(int i, int n) {
        if (i >= 0 && i < n) {
            return i;
        }
        switch (this) {
            case ZEROS:
                return -1;
            case REFLECT:
                if (n == 1) {
                    return 0;
                }
                int period = 2 * (n - 1);
                int m = Math.floorMod(i, period);
                return m < n ? m : period - m;
            case REPLICATE:
                return i < 0 ? 0 : n - 1;
            case CIRCULAR:
                return Math.floorMod(i, n);
            default:
                throw new AssertionError(this);
        }
    }
}
