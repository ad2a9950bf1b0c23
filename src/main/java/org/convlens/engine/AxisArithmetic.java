package org.convlens.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The output length of one stage along one axis, the formula that gives it (in symbols and with
 * the user's numbers in), and the input rows or columns that no window ever reads, with why.
 */
public final class AxisArithmetic {
    /** Which stage this axis belongs to. */
    public enum Stage {
        CONV, TRANSPOSED, POOL
    }

    private final Stage stage;
    private final boolean vertical;
    private final int inputLength;
    private final int size;
    private final String formula;
    private final String formulaWithNumbers;
    private final int[] uncovered;
    private final int firstTrailing;

    private AxisArithmetic(Stage stage, boolean vertical, int inputLength, int size, String formula,
                           String formulaWithNumbers, int[] uncovered, int firstTrailing) {
        this.stage = stage;
        this.vertical = vertical;
        this.inputLength = inputLength;
        this.size = size;
        this.formula = formula;
        this.formulaWithNumbers = formulaWithNumbers;
        this.uncovered = uncovered;
        this.firstTrailing = firstTrailing;
    }

    /** An ordinary convolution with zero padding: {@code floor((n + before + after - d*(k-1) - 1) / s) + 1}. */
    public static AxisArithmetic conv(boolean vertical, int n, int k, int s, int d, int before, int after) {
        return conv(vertical, n, k, s, d, before, after, PaddingMode.ZEROS);
    }

    /**
     * An ordinary convolution: {@code floor((n + before + after - d*(k-1) - 1) / s) + 1}. A row
     * counts as read when a tap lands on it or on a padding cell that copies it ({@code mode}).
     */
    public static AxisArithmetic conv(boolean vertical, int n, int k, int s, int d, int before, int after,
                                      PaddingMode mode) {
        long span = (long) n + before + after - (long) d * (k - 1) - 1;
        int size = span < 0 ? (int) Math.max(Integer.MIN_VALUE, Math.floorDiv(span, s) + 1) : (int) (span / s + 1);
        String f = "floor((n + p_" + side(vertical, true) + " + p_" + side(vertical, false)
                + " - d*(k - 1) - 1) / s) + 1";
        String fn = "floor((" + n + " + " + before + " + " + after + " - " + d + "*(" + k + " - 1) - 1) / "
                + s + ") + 1 = " + size;
        return withCoverage(Stage.CONV, vertical, n, size, f, fn, k, s, d, before, mode);
    }

    /** A transposed convolution: {@code (n - 1)*s - before - after + d*(k - 1) + output_padding + 1}. */
    public static AxisArithmetic transposed(boolean vertical, int n, int k, int s, int d, int before, int after,
                                            int outputPadding) {
        long v = (long) (n - 1) * s - before - after + (long) d * (k - 1) + outputPadding + 1;
        int size = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
        String f = "(n - 1)*s - p_" + side(vertical, true) + " - p_" + side(vertical, false)
                + " + d*(k - 1) + output_padding + 1";
        String fn = "(" + n + " - 1)*" + s + " - " + before + " - " + after + " + " + d + "*(" + k + " - 1) + "
                + outputPadding + " + 1 = " + size;
        return new AxisArithmetic(Stage.TRANSPOSED, vertical, n, size, f, fn, new int[0], n);
    }

    /**
     * Pooling as PyTorch computes its size: {@code floor} (or {@code ceil} with ceil_mode) of
     * {@code (n + 2p - k) / s}, plus one; with ceil_mode a last window that would start in the
     * right/bottom padding is dropped.
     */
    public static AxisArithmetic pool(boolean vertical, int n, int k, int s, int p, boolean ceilMode) {
        long span = (long) n + 2L * p - k;
        // PyTorch's pooling_output_shape: div_rtn(n + 2p - k + (ceil ? s - 1 : 0), s) + 1, with
        // floor division also below zero (a window wider than the map still gives one output
        // with ceil_mode); then with ceil_mode a last window starting in the padding is dropped.
        long size = Math.floorDiv(span + (ceilMode ? s - 1 : 0), s) + 1;
        if (ceilMode && (size - 1) * s >= n + p) {
            size--;
        }
        String op = ceilMode ? "ceil" : "floor";
        String f = op + "((n + 2*p - k) / s) + 1";
        String fn = op + "((" + n + " + 2*" + p + " - " + k + ") / " + s + ") + 1 = " + size;
        return withCoverage(Stage.POOL, vertical, n, (int) size, f, fn, k, s, 1, p, PaddingMode.ZEROS);
    }

    private static String side(boolean vertical, boolean before) {
        if (vertical) {
            return before ? "top" : "bottom";
        }
        return before ? "left" : "right";
    }

    private static AxisArithmetic withCoverage(Stage stage, boolean vertical, int n, int size, String f, String fn,
                                               int k, int s, int d, int before, PaddingMode mode) {
        if (size < 1) {
            return new AxisArithmetic(stage, vertical, n, size, f, fn, new int[0], n);
        }
        boolean[] covered = new boolean[n];
        int last = -1;
        for (long o = 0; o < size; o++) {
            for (int j = 0; j < k; j++) {
                long v = o * s + (long) j * d - before;
                int i = mode.sourceIndex((int) v, n);
                if (i >= 0) {
                    covered[i] = true;
                    last = Math.max(last, i);
                }
            }
        }
        int count = 0;
        for (boolean c : covered) {
            count += c ? 0 : 1;
        }
        int[] un = new int[count];
        int u = 0;
        for (int i = 0; i < n; i++) {
            if (!covered[i]) {
                un[u++] = i;
            }
        }
        return new AxisArithmetic(stage, vertical, n, size, f, fn, un, last + 1);
    }

    public Stage stage() {
        return stage;
    }

    /** True for the height axis (rows), false for width (columns). */
    public boolean vertical() {
        return vertical;
    }

    public int inputLength() {
        return inputLength;
    }

    /** The output length; below 1 means the stage has no output (a {@link ConvPlan} rejects that). */
    public int size() {
        return size;
    }

    /** The formula in symbols. */
    public String formula() {
        return formula;
    }

    /** The formula with this axis's numbers and its result, e.g. {@code floor((6 + 0 + 0 - 1*(3 - 1) - 1) / 1) + 1 = 4}. */
    public String formulaWithNumbers() {
        return formulaWithNumbers;
    }

    /** Input indices on this axis that no window reads, ascending (a copy). */
    public int[] uncovered() {
        return uncovered.clone();
    }

    /** Uncovered indices after the last one any window reads: dropped by the floor. */
    public int[] trailingUncovered() {
        return filter(true);
    }

    /** Uncovered indices that fall between the taps of windows (stride past the kernel's reach, dilation). */
    public int[] gapUncovered() {
        return filter(false);
    }

    private int[] filter(boolean trailing) {
        return java.util.Arrays.stream(uncovered).filter(i -> (i >= firstTrailing) == trailing).toArray();
    }

    /** Why rows or columns go unread, in the locale's words; empty when every index is read. */
    public List<String> reasons(Locale locale) {
        List<String> out = new ArrayList<>();
        String unit = Messages.get(locale, vertical ? "word.rows" : "word.columns");
        int[] trailing = trailingUncovered();
        if (trailing.length > 0) {
            out.add(Messages.get(locale, stage == Stage.POOL ? "shape.dropped.trailing.pool" : "shape.dropped.trailing",
                    unit, ranges(trailing), trailing.length));
        }
        int[] gaps = gapUncovered();
        if (gaps.length > 0) {
            out.add(Messages.get(locale, "shape.dropped.gaps", unit, ranges(gaps), gaps.length));
        }
        return out;
    }

    /** Indices as compact ranges, "3, 5-7, 9", the first 12 runs at most. */
    public static String ranges(int[] idx) {
        StringBuilder sb = new StringBuilder();
        int runs = 0;
        for (int i = 0; i < idx.length; ) {
            int j = i;
            while (j + 1 < idx.length && idx[j + 1] == idx[j] + 1) {
                j++;
            }
            if (runs == 12) {
                sb.append(", ...");
                break;
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(idx[i]);
            if (j > i) {
                sb.append('-').append(idx[j]);
            }
            runs++;
            i = j + 1;
        }
        return sb.toString();
    }
}
