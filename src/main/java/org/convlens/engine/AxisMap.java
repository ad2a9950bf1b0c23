package org.convlens.engine;

/**
 * One axis of the grid the kernel actually slides over: the input with padding before and after
 * (filled by a {@link PaddingMode}), or for a transposed convolution the input with
 * {@code stride - 1} zeros inserted between cells and zero padding (or cropping, when negative)
 * around. Maps each virtual index to the input index whose value it holds, or -1 for zero.
 */
public final class AxisMap {
    private final int before;
    private final int coreLength;
    private final int[] source;
    private final CellKind[] kind;

    private AxisMap(int before, int coreLength, int[] source, CellKind[] kind) {
        this.before = before;
        this.coreLength = coreLength;
        this.source = source;
        this.kind = kind;
    }

    /** The input of length {@code n} with {@code before} and {@code after} padding cells filled by {@code mode}. */
    public static AxisMap padded(int n, int before, int after, PaddingMode mode) {
        int length = n + before + after;
        int[] src = new int[length];
        CellKind[] kind = new CellKind[length];
        for (int v = 0; v < length; v++) {
            int u = v - before;
            boolean inside = u >= 0 && u < n;
            kind[v] = inside ? CellKind.INPUT : CellKind.PADDING;
            src[v] = mode.sourceIndex(u, n);
        }
        return new AxisMap(before, n, src, kind);
    }

    /**
     * The input of length {@code n} with {@code stride - 1} zeros between cells, then
     * {@code before} / {@code after} zero cells around it (negative values crop).
     */
    public static AxisMap zeroInserted(int n, int stride, int before, int after) {
        int core = (n - 1) * stride + 1;
        int length = core + before + after;
        int[] src = new int[Math.max(length, 0)];
        CellKind[] kind = new CellKind[src.length];
        for (int v = 0; v < src.length; v++) {
            int u = v - before;
            if (u < 0 || u >= core) {
                kind[v] = CellKind.PADDING;
                src[v] = -1;
            } else if (u % stride != 0) {
                kind[v] = CellKind.INSERTED;
                src[v] = -1;
            } else {
                kind[v] = CellKind.INPUT;
                src[v] = u / stride;
            }
        }
        return new AxisMap(before, core, src, kind);
    }

    /** Cells on this axis of the virtual grid. */
    public int length() {
        return source.length;
    }

    /** Padding cells before the input (negative when cropped). */
    public int before() {
        return before;
    }

    /** Length of the input part: n, or (n - 1) * stride + 1 with inserted zeros. */
    public int coreLength() {
        return coreLength;
    }

    /** The input index whose value virtual cell {@code v} holds, or -1 for a zero. */
    public int source(int v) {
        return source[v];
    }

    public CellKind kind(int v) {
        return kind[v];
    }

    /** Position relative to the input's first cell: negative in the leading padding. */
    public int coordinate(int v) {
        return v - before;
    }

    /** The virtual indices holding input index {@code i} itself (not a padding copy). */
    public int virtualIndexOf(int i) {
        for (int v = 0; v < source.length; v++) {
            if (kind[v] == CellKind.INPUT && source[v] == i) {
                return v;
            }
        }
        return -1;
    }

    int[] sources() {
        return source;
    }
}
