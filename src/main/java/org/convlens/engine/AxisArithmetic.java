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
     * An ordinary convolution: {@code floor((n + before + after - d*(k-1) - 1) / s) + 1}, in 64
     * bits (a size below {@code Integer.MIN_VALUE} is clamped there). A row counts as read when a
     * tap lands on it or on a padding cell that copies it ({@code mode}); finding them takes time
     * in proportion to {@code n} and the padding a mode copies from, not to the taps.
     */
    public static AxisArithmetic conv(boolean vertical, int n, int k, int s, int d, int before, int after,
                                      PaddingMode mode) {
        long span = (long) n + before + after - (long) d * (k - 1) - 1;
        int size = clamp(Math.floorDiv(span, s) + 1);
        String f = "floor((n + p_" + side(vertical, true) + " + p_" + side(vertical, false)
                + " - d*(k - 1) - 1) / s) + 1";
        String fn = "floor((" + n + " + " + before + " + " + after + " - " + d + "*(" + k + " - 1) - 1) / "
                + s + ") + 1 = " + size;
        return withCoverage(Stage.CONV, vertical, n, size, f, fn, new Taps(k, s, d, size), before, mode);
    }

    /** A transposed convolution: {@code (n - 1)*s - before - after + d*(k - 1) + output_padding + 1}, in 64 bits. */
    public static AxisArithmetic transposed(boolean vertical, int n, int k, int s, int d, int before, int after,
                                            int outputPadding) {
        long v = (long) (n - 1) * s - before - after + (long) d * (k - 1) + outputPadding + 1;
        int size = clamp(v);
        String f = "(n - 1)*s - p_" + side(vertical, true) + " - p_" + side(vertical, false)
                + " + d*(k - 1) + output_padding + 1";
        String fn = "(" + n + " - 1)*" + s + " - " + before + " - " + after + " + " + d + "*(" + k + " - 1) + "
                + outputPadding + " + 1 = " + size;
        return new AxisArithmetic(Stage.TRANSPOSED, vertical, n, size, f, fn, new int[0], n);
    }

    /**
     * Pooling as PyTorch computes its size: {@code floor} (or {@code ceil} with ceil_mode) of
     * {@code (n + 2p - k) / s}, plus one; with ceil_mode a last window that would start in the
     * right/bottom padding is dropped. In 64 bits.
     */
    public static AxisArithmetic pool(boolean vertical, int n, int k, int s, int p, boolean ceilMode) {
        long span = (long) n + 2L * p - k;
        // PyTorch's pooling_output_shape: div_rtn(n + 2p - k + (ceil ? s - 1 : 0), s) + 1, with
        // floor division also below zero (a window wider than the map still gives one output
        // with ceil_mode); then with ceil_mode a last window starting in the padding is dropped.
        long size = Math.floorDiv(span + (ceilMode ? s - 1L : 0L), s) + 1;
        if (ceilMode && (size - 1) * s >= (long) n + p) {
            size--;
        }
        String op = ceilMode ? "ceil" : "floor";
        String f = op + "((n + 2*p - k) / s) + 1";
        String fn = op + "((" + n + " + 2*" + p + " - " + k + ") / " + s + ") + 1 = " + clamp(size);
        return withCoverage(Stage.POOL, vertical, n, clamp(size), f, fn, new Taps(k, s, 1, clamp(size)), p,
                PaddingMode.ZEROS);
    }

    private static int clamp(long v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    private static String side(boolean vertical, boolean before) {
        if (vertical) {
            return before ? "top" : "bottom";
        }
        return before ? "left" : "right";
    }

    /**
     * The virtual positions windows read on one axis: {@code o * s + j * d} for outputs
     * {@code o < size} and taps {@code j < k}. {@link #hit} answers for one position in constant
     * time (a linear congruence), so no loop over all taps is needed.
     */
    private static final class Taps {
        private final long k;
        private final long s;
        private final long d;
        private final long size;
        private final long g;
        private final long period;
        private final long inverse;

        Taps(int k, int s, int d, int size) {
            this.k = k;
            this.s = s;
            this.d = d;
            this.size = size;
            this.g = gcd(d, s);
            this.period = s / g;
            this.inverse = period == 1 ? 0 : inverse((d / g) % period, period);
        }

        /** The largest position a tap reaches. */
        long last() {
            return (size - 1) * s + (k - 1) * d;
        }

        /** True if some window's tap lands on virtual position {@code v}. */
        boolean hit(long v) {
            if (v < 0 || size < 1) {
                return false;
            }
            // v = o*s + j*d: j in [ceil((v - (size-1)*s) / d), floor(v / d)] within [0, k), and j*d = v (mod s).
            long hi = Math.min(k - 1, v / d);
            long lo = Math.max(0, -Math.floorDiv(-(v - (size - 1) * s), d));
            if (lo > hi || v % g != 0) {
                return false;
            }
            if (period == 1) {
                return true;
            }
            long j0 = (v / g) % period * inverse % period;
            return lo + Math.floorMod(j0 - lo, period) <= hi;
        }

        private static long gcd(long a, long b) {
            while (b != 0) {
                long t = a % b;
                a = b;
                b = t;
            }
            return a;
        }

        /** {@code a^-1 mod m} for coprime {@code a}, {@code m} (extended Euclid). */
        private static long inverse(long a, long m) {
            long r0 = m;
            long r1 = a;
            long t0 = 0;
            long t1 = 1;
            while (r1 != 0) {
                long q = r0 / r1;
                long r = r0 - q * r1;
                r0 = r1;
                r1 = r;
                long t = t0 - q * t1;
                t0 = t1;
                t1 = t;
            }
            return Math.floorMod(t0, m);
        }
    }

    private static AxisArithmetic withCoverage(Stage stage, boolean vertical, int n, int size, String f, String fn,
                                               Taps taps, int before, PaddingMode mode) {
        if (size < 1) {
            return new AxisArithmetic(stage, vertical, n, size, f, fn, new int[0], n);
        }
        boolean[] covered = new boolean[n];
        int last = -1;
        for (int i = 0; i < n; i++) {
            if (taps.hit((long) before + i)) {
                covered[i] = true;
                last = i;
            }
        }
        long end = (long) before + n;
        if (mode == PaddingMode.REPLICATE) {
            // tap 0 of window 0 is virtual position 0: any padding before is read, and copies row 0
            if (before > 0) {
                covered[0] = true;
                last = Math.max(last, 0);
            }
            if (taps.last() >= end) {
                covered[n - 1] = true;
                last = n - 1;
            }
        } else if (mode != PaddingMode.ZEROS) {
            // reflect and circular copy from at most n cells away: the padding is at most n wide
            for (long v = 0; v < before; v++) {
                if (taps.hit(v)) {
                    int i = mode.sourceIndex((int) (v - before), n);
                    covered[i] = true;
                    last = Math.max(last, i);
                }
            }
            for (long v = end; v <= taps.last(); v++) {
                if (taps.hit(v)) {
                    int i = mode.sourceIndex((int) (v - before), n);
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
