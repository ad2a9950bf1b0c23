package org.convlens.ui.grid;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as the window shows them: a true minus sign (U+2212, readable from the back of a
 * classroom, where a hyphen is not), whole numbers without decimals, others rounded to a few
 * decimals with trailing zeros dropped.
 */
public final class NumberText {
    /** The minus sign used in every displayed number. */
    public static final char MINUS = '\u2212';

    private NumberText() {
    }

    /** {@code v} with at most {@code decimals} decimals, e.g. {@code −0.333}; NaN as empty text. */
    public static String format(float v, int decimals) {
        if (Float.isNaN(v)) {
            return "";
        }
        if (Float.isInfinite(v)) {
            return v > 0 ? "\u221e" : MINUS + "\u221e";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e7f) {
            long l = (long) v;
            return l < 0 ? MINUS + Long.toString(-l) : Long.toString(l);
        }
        double half = Math.pow(10, -decimals) / 2;
        if (Math.abs(v) >= 1e7f || Math.abs(v) < half) {
            String s = String.format(java.util.Locale.ROOT, "%.2e", v).replace("e+0", "e").replace("e-0", "e-")
                    .replace("e+", "e");
            return s.replace('-', MINUS);
        }
        BigDecimal b = new BigDecimal(Float.toString(v)).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
        String s = b.signum() == 0 ? "0" : b.toPlainString();
        if (s.startsWith("-")) {
            return MINUS + s.substring(1);
        }
        return s;
    }

    /** Three decimals: what grid cells show. */
    public static String cell(float v) {
        return format(v, 3);
    }

    /** A number in an expression: negative numbers in parentheses, e.g. {@code (−2)}. */
    public static String term(float v, int decimals) {
        String s = format(v, decimals);
        return v < 0 ? "(" + s + ")" : s;
    }

    /** The exact float32 value as the shortest text that reads back the same (for tooltips and exports). */
    public static String exact(float v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7f) {
            return Long.toString((long) v);
        }
        return Float.toString(v);
    }

    /** The exact value as {@link #exact} gives it, with the true minus sign: for text people read (tooltips). */
    public static String exactShown(float v) {
        return exact(v).replace('-', MINUS);
    }

    /** A hyphen used as a sign: before a digit, not after a letter, digit or closing bracket; or in an exponent. */
    private static final java.util.regex.Pattern HYPHEN_SIGN =
            java.util.regex.Pattern.compile("(?<![A-Za-z0-9)\\]])-(?=[0-9.\u221e])|(?<=[0-9][eE])-(?=[0-9])");

    /**
     * {@code text} with each hyphen that stands for a minus sign ({@code "row -1"},
     * {@code "(-2)"}, {@code "1.0E-7"}) replaced by the true minus sign (U+2212), readable from
     * the back of a classroom; hyphens inside words and ranges ({@code "zero-padded"},
     * {@code "3-5"}) are left alone.
     */
    public static String withTrueMinus(String text) {
        return text == null || text.indexOf('-') < 0 ? text : HYPHEN_SIGN.matcher(text).replaceAll("\u2212");
    }

    /**
     * Parses what a user typed into a number: accepts a hyphen or the minus sign, a decimal comma
     * or point, and fractions such as {@code 1/9}.
     *
     * @return the value, or null if the text is not a finite number
     */
    public static Float parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().replace(MINUS, '-').replace('\u2013', '-').replace('\uff0d', '-').replace(',', '.');
        if (t.isEmpty()) {
            return null;
        }
        try {
            int slash = t.indexOf('/');
            double d;
            if (slash > 0) {
                double num = Double.parseDouble(t.substring(0, slash).trim());
                double den = Double.parseDouble(t.substring(slash + 1).trim());
                if (den == 0) {
                    return null;
                }
                d = num / den;
            } else {
                if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                    return null;
                }
                d = Double.parseDouble(t);
            }
            float f = (float) d;
            return Float.isFinite(f) ? f : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
