package org.convlens.engine;

/**
 * How much padding surrounds the input: explicit widths per side, or one of the named rules.
 * <ul>
 *   <li>{@code valid}: none.</li>
 *   <li>{@code same}: enough for {@code ceil(n / stride)} outputs per axis; of an odd total the
 *       smaller half goes to the top/left, as TensorFlow and PyTorch do.</li>
 *   <li>{@code full}: {@code dilation * (k - 1)} on every side, so every partial overlap counts.</li>
 * </ul>
 */
public final class Padding {
    /** What the padding is given as. */
    public enum Rule implements Named {
        EXPLICIT("explicit"), VALID("valid"), SAME("same"), FULL("full");

        private final String id;

        Rule(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    public static final Padding VALID = new Padding(Rule.VALID, 0, 0, 0, 0);
    public static final Padding SAME = new Padding(Rule.SAME, 0, 0, 0, 0);
    public static final Padding FULL = new Padding(Rule.FULL, 0, 0, 0, 0);

    private final Rule rule;
    private final int top;
    private final int bottom;
    private final int left;
    private final int right;

    private Padding(Rule rule, int top, int bottom, int left, int right) {
        this.rule = rule;
        this.top = top;
        this.bottom = bottom;
        this.left = left;
        this.right = right;
    }

    /** The same width on every side. */
    public static Padding of(int all) {
        return of(all, all, all, all);
    }

    /** {@code ph} above and below, {@code pw} left and right, as PyTorch's {@code padding=(ph, pw)}. */
    public static Padding of(int ph, int pw) {
        return of(ph, ph, pw, pw);
    }

    /** Per side. Negative widths are rejected with a {@link SpecException} on {@code $.padding}. */
    public static Padding of(int top, int bottom, int left, int right) {
        if (top < 0 || bottom < 0 || left < 0 || right < 0) {
            throw new SpecException("$.padding", "error.padding.negative", top, bottom, left, right);
        }
        return new Padding(Rule.EXPLICIT, top, bottom, left, right);
    }

    public Rule rule() {
        return rule;
    }

    /** True when explicit and the same above and below, and left and right (what a transposed convolution takes). */
    public boolean isSymmetric() {
        return rule == Rule.EXPLICIT && top == bottom && left == right;
    }

    /**
     * Widths for one axis, {@code [before, after]}, in 64 bits: {@code same} and {@code full}
     * padding of a widely dilated kernel can exceed what an int holds ({@link ConvPlan} refuses
     * a padded axis that long).
     *
     * @param n input length on this axis
     * @param k kernel length
     * @param s stride
     * @param d dilation
     * @param vertical true for rows (top/bottom), false for columns (left/right)
     */
    public long[] resolve(int n, int k, int s, int d, boolean vertical) {
        switch (rule) {
            case EXPLICIT:
                return vertical ? new long[] {top, bottom} : new long[] {left, right};
            case VALID:
                return new long[] {0, 0};
            case FULL:
                long reach = (long) d * (k - 1);
                return new long[] {reach, reach};
            case SAME:
                long outputs = (n + (long) s - 1) / s;
                long total = Math.max((outputs - 1) * s + (long) d * (k - 1) + 1 - n, 0);
                long before = total / 2;
                return new long[] {before, total - before};
            default:
                throw new AssertionError(rule);
        }
    }

    public int top() {
        return top;
    }

    public int bottom() {
        return bottom;
    }

    public int left() {
        return left;
    }

    public int right() {
        return right;
    }

    /** The rule as far as it decides the padding: explicit zeros are {@code valid}. */
    private Rule effectiveRule() {
        return rule == Rule.EXPLICIT && top == 0 && bottom == 0 && left == 0 && right == 0 ? Rule.VALID : rule;
    }

    /**
     * Equal when they pad alike: the same rule and widths, where explicit zeros on every side
     * are {@code valid} (no padding either way; a spec writes neither).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Padding p && p.effectiveRule() == effectiveRule() && p.top == top && p.bottom == bottom
                && p.left == left && p.right == right;
    }

    @Override
    public int hashCode() {
        return ((effectiveRule().hashCode() * 31 + top) * 31 + bottom) * 31 + left * 7 + right;
    }

    @Override
    public String toString() {
        return rule == Rule.EXPLICIT ? "[" + top + ", " + bottom + ", " + left + ", " + right + "]" : rule.id();
    }
}
