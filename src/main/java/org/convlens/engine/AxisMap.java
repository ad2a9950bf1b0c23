package org.convlens.engine;

/**
 * One axis of the grid the kernel actually slides over: the input with padding before and after
 * (filled by a {@link PaddingMode}), or for a transposed convolution the input with
 * {@code stride - 1} zeros inserted between cells and zero padding (or cropping, when negative)
 * around. Maps each virtual index to the input index whose value it holds, or -1 for zero.
 *
 * <p>Nothing is stored per virtual cell: each answer is a little arithmetic, so an axis of a
 * billion cells (a kernel dilated by 2^20 with {@code same} padding) that is read in five places
 * costs nothing. Only the fast paths ask for the whole table ({@link #sources()}), and
 * {@link WorkEstimate} counts it when they do.
 */
public final class AxisMap {
    private final boolean inserted;
    private final int n;
    private final int before;
    private final int length;
    private final int coreLength;
    private final int stride;
    private final PaddingMode mode;
    private volatile int[] table;
    /** Where the first run of consecutive input cells starts and ends; set with {@link #table}. */
    private int runStart;
    private int runEnd;

    private AxisMap(boolean inserted, int n, int before, int length, int coreLength, int stride, PaddingMode mode) {
        this.inserted = inserted;
        this.n = n;
        this.before = before;
        this.length = length;
        this.coreLength = coreLength;
        this.stride = stride;
        this.mode = mode;
    }

    /**
     * The input of length {@code n} with {@code before} and {@code after} padding cells filled by {@code mode}.
     *
     * @throws IllegalArgumentException if the padded length exceeds {@code Integer.MAX_VALUE}
     *     ({@link ConvPlan} refuses such a spec first, with a message)
     */
    public static AxisMap padded(int n, int before, int after, PaddingMode mode) {
        return new AxisMap(false, n, before, checkedLength((long) n + before + after), n, 1, mode);
    }

    /**
     * The input of length {@code n} with {@code stride - 1} zeros between cells, then
     * {@code before} / {@code after} zero cells around it (negative values crop).
     */
    public static AxisMap zeroInserted(int n, int stride, int before, int after) {
        long core = (long) (n - 1) * stride + 1;
        long length = Math.max(core + before + after, 0);
        return new AxisMap(true, n, before, checkedLength(length), checkedLength(core), stride, PaddingMode.ZEROS);
    }

    private static int checkedLength(long length) {
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an axis of " + length + " cells is too long");
        }
        return (int) length;
    }

    /** Cells on this axis of the virtual grid. */
    public int length() {
        return length;
    }

    /** Padding cells before the input (negative when cropped). */
    public int before() {
        return before;
    }

    /** Length of the input part: n, or (n - 1) * stride + 1 with inserted zeros. */
    public int coreLength() {
        return coreLength;
    }

    /**
     * The input index whose value virtual cell {@code v} holds, or -1 for a zero.
     *
     * @throws IndexOutOfBoundsException if {@code v} is not in {@code [0, length())}
     */
    public int source(int v) {
        int u = coordinate(checkIndex(v));
        if (!inserted) {
            return mode.sourceIndex(u, n);
        }
        return u < 0 || u >= coreLength || u % stride != 0 ? -1 : u / stride;
    }

    /**
     * What virtual cell {@code v} is.
     *
     * @throws IndexOutOfBoundsException if {@code v} is not in {@code [0, length())}
     */
    public CellKind kind(int v) {
        int u = coordinate(checkIndex(v));
        if (u < 0 || u >= coreLength) {
            return CellKind.PADDING;
        }
        return inserted && u % stride != 0 ? CellKind.INSERTED : CellKind.INPUT;
    }

    private int checkIndex(int v) {
        if (v < 0 || v >= length) {
            throw new IndexOutOfBoundsException("virtual cell " + v + " of an axis of " + length);
        }
        return v;
    }

    /** Position relative to the input's first cell: negative in the leading padding. */
    public int coordinate(int v) {
        return v - before;
    }

    /** The virtual index holding input index {@code i} itself (not a padding copy), or -1 if cropped or out of range. */
    public int virtualIndexOf(int i) {
        if (i < 0 || i >= n) {
            return -1;
        }
        long v = (long) before + (long) i * stride;
        return v >= 0 && v < length ? (int) v : -1;
    }

    /**
     * {@link #source} of every virtual cell, built on first use and kept: for the fast paths,
     * which read it in their copy loops. {@code 4 * length()} bytes.
     */
    int[] sources() {
        int[] t = table;
        if (t == null) {
            t = new int[length];
            for (int v = 0; v < length; v++) {
                t[v] = source(v);
            }
            // The first input cell, and the cells after it that hold the next input cells: the
            // whole input for padding, one cell for zero insertion.
            int a = 0;
            while (a < length && kind(a) != CellKind.INPUT) {
                a++;
            }
            int b = a;
            while (b < length && kind(b) == CellKind.INPUT && t[b] == t[a] + (b - a)) {
                b++;
            }
            runStart = a;
            runEnd = b;
            table = t; // published after the run, which readers reach through it
        }
        return t;
    }

    /**
     * The virtual cells {@code [from, to)} of a line of the input: {@code dst[dstStart + v - from]}
     * is {@code src[srcStart + source(v)]}, or 0 where the cell holds no input. The run of
     * consecutive input cells is one copy, the cells around it are gathered one by one; the fast
     * paths build their rows with it.
     */
    void gather(float[] src, int srcStart, float[] dst, int dstStart, int from, int to) {
        int[] t = sources();
        int a = Math.max(from, runStart);
        int b = Math.min(to, runEnd);
        int d = dstStart - from;
        for (int v = from; v < Math.min(to, a); v++) {
            int s = t[v];
            dst[d + v] = s < 0 ? 0f : src[srcStart + s];
        }
        if (b > a) {
            System.arraycopy(src, srcStart + t[a], dst, d + a, b - a);
        }
        for (int v = Math.max(from, b); v < to; v++) {
            int s = t[v];
            dst[d + v] = s < 0 ? 0f : src[srcStart + s];
        }
    }
}
