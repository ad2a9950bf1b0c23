package org.convlens.spec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one reader of numbers a person types, wherever they type them (grid cells, the settings,
 * kernel rows, command-line flags): {@code 3}, {@code -1.5}, {@code 1/9}, {@code 2,5} (a decimal
 * comma), a true minus sign (U+2212) or a full-width one.
 *
 * <p>The value is the float32 nearest the number typed, rounded once, as the engine holds it: a
 * fraction is divided exactly and then rounded ({@code 1/9} is the float32 nearest one ninth),
 * never rounded to a double first and then to a float.
 */
public final class Numbers {
    private static final String DECIMAL = "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?";

    private Numbers() {
    }

    /**
     * The number {@code text} says, as float32.
     *
     * @return the value, or null if the text is not a finite number (or divides by zero)
     */
    public static Float parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().replace('\u2212', '-').replace('\u2013', '-').replace('\uff0d', '-')
                .replace('\uff0b', '+').replace(',', '.').replace('\uff0e', '.').replace('\uff0f', '/');
        if (t.isEmpty() || t.length() > 400) {
            return null;
        }
        int slash = t.indexOf('/');
        BigDecimal value;
        if (slash > 0) {
            BigDecimal num = decimal(t.substring(0, slash).trim());
            BigDecimal den = decimal(t.substring(slash + 1).trim());
            if (num == null || den == null || den.signum() == 0) {
                return null;
            }
            value = num.divide(den, MathContext.DECIMAL128);
        } else {
            value = decimal(t);
            if (value == null) {
                return null;
            }
        }
        float f = value.floatValue();
        return Float.isFinite(f) ? f : null;
    }

    private static BigDecimal decimal(String t) {
        if (!t.matches(DECIMAL)) {
            return null;
        }
        try {
            return new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /**
     * A whole number typed by a person ({@code 3}, {@code +3}, full-width digits), or null if the
     * text is not one or does not fit an int.
     */
    public static Integer parseWhole(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().replace('\u2212', '-').replace('\uff0d', '-');
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            b.append(c >= '\uff10' && c <= '\uff19' ? (char) ('0' + c - '\uff10') : c);
        }
        t = b.toString();
        if (!t.matches("[+-]?\\d{1,10}")) {
            return null;
        }
        long v = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : (int) v;
    }

    /**
     * The shortest text that reads back as the same float32, whole numbers without {@code .0}
     * ({@code 3}, {@code 0.11111111}, {@code 1.0E-8}, {@code 1.1884683E13}): what a saved file, the
     * command line's JSON or an exact tooltip holds. The one place numbers become such text.
     */
    public static String shortest(float v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7f) {
            return Long.toString((long) v);
        }
        String s = Float.toString(v);
        // JDK 17's Float.toString can give one digit too many, only in its E notation (below 0.001
        // or from 1e7 up; JDK-4511638, fixed in JDK 19): try fewer digits there.
        int e = s.indexOf('E');
        return e < 0 ? s : fewerDigits(v, s, e);
    }

    private static String fewerDigits(float v, String s, int e) {
        int digits = s.substring(0, e).replace("-", "").replace(".", "").replaceFirst("0+$", "").length();
        BigDecimal exact = new BigDecimal(v);
        for (int p = 1; p < digits; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN)).stripTrailingZeros();
            if (Float.parseFloat(r.toString()) == v) {
                String m = r.unscaledValue().abs().toString();
                int exponent = r.precision() - r.scale() - 1;
                return (r.signum() < 0 ? "-" : "") + m.charAt(0) + "." + (m.length() > 1 ? m.substring(1) : "0") + "E" + exponent;
            }
        }
        return s;
    }
}
