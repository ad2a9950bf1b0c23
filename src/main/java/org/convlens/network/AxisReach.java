package org.convlens.network;

/**
 * One axis of a {@link Region}: which rows (or columns) of a map are involved, and the rectangle
 * around them.
 *
 * <p>Looking back from a cell ({@link FieldTracer#reads}), {@code lo..hi} is its receptive field
 * in this map as Araujo et al. compute it: padding positions included, so it may begin below 0 or
 * end past the map (the unclipped rectangle; {@link #clippedLo()}..{@link #clippedHi()} is the
 * part inside the map). Looking forward ({@link FieldTracer#reaches}), {@code lo..hi} spans the
 * cells reached. In both, {@link #cell(int)} says exactly which cells: inside the rectangle a
 * dilated kernel or a stride larger than the kernel leaves gaps (cells it skips), and a padding
 * mode that copies (reflect, replicate, circular) can read cells outside it.
 *
 * @param lo first row of the rectangle (may be negative looking back)
 * @param hi last row of the rectangle (may be past {@code length - 1} looking back); below
 *     {@code lo} when empty
 * @param length the map's rows
 * @param cells {@code cells[i]} for each row {@code i} of the map: whether it is involved (not copied:
 *     do not change it)
 */
public record AxisReach(long lo, long hi, int length, boolean[] cells) {
    /** Whether map row {@code i} is involved (false outside the map). */
    public boolean cell(int i) {
        return i >= 0 && i < length && cells[i];
    }

    /** The rectangle clipped to the map: its first row (greater than {@link #clippedHi()} when none is inside). */
    public int clippedLo() {
        return (int) Math.max(0, Math.min(lo, length));
    }

    /** The rectangle clipped to the map: its last row. */
    public int clippedHi() {
        return (int) Math.min(length - 1, Math.max(hi, -1));
    }

    /** Rows of the rectangle, padding positions included: Araujo's {@code size} looking back. */
    public long size() {
        return Math.max(0, hi - lo + 1);
    }

    /** How many rows are involved. */
    public int count() {
        int n = 0;
        for (boolean b : cells) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** The first involved row, or -1. */
    public int first() {
        for (int i = 0; i < length; i++) {
            if (cells[i]) {
                return i;
            }
        }
        return -1;
    }

    /** The last involved row, or -1. */
    public int last() {
        for (int i = length - 1; i >= 0; i--) {
            if (cells[i]) {
                return i;
            }
        }
        return -1;
    }

    /** Rows inside the clipped rectangle that are not involved: a dilated kernel's gaps, a long stride's skips. */
    public int gaps() {
        int n = 0;
        for (int i = clippedLo(); i <= clippedHi(); i++) {
            n += cells[i] ? 0 : 1;
        }
        return n;
    }

    static AxisReach single(int i, int length) {
        boolean[] c = new boolean[length];
        c[i] = true;
        return new AxisReach(i, i, length, c);
    }

    static AxisReach all(int length) {
        boolean[] c = new boolean[length];
        java.util.Arrays.fill(c, true);
        return new AxisReach(0, length - 1, length, c);
    }

    /** The rectangle spanning exactly the involved cells. */
    static AxisReach spanning(boolean[] cells) {
        int a = -1;
        int b = -2;
        for (int i = 0; i < cells.length; i++) {
            if (cells[i]) {
                a = a < 0 ? i : a;
                b = i;
            }
        }
        return a < 0 ? new AxisReach(0, -1, cells.length, cells) : new AxisReach(a, b, cells.length, cells);
    }
}
