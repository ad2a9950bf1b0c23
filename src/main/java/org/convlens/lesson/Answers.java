package org.convlens.lesson;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads what a student types: numbers and arithmetic ({@code 37}, {@code -0.5}, {@code 2/9},
 * {@code 3*12*9 + 12}, {@code 3 × 12}), shapes ({@code 4 x 4}, {@code [1, 4, 4]}, {@code 4×4}),
 * and option letters. Full-width characters from a Chinese input method count as their ASCII
 * forms. Only arithmetic is evaluated: nothing else a student types has any effect.
 */
public final class Answers {
    private static final int MAX_LENGTH = 200;

    private Answers() {
    }

    /** Full-width digits, signs and brackets to ASCII; times and divide signs to * and /. */
    static String normalize(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u00D7' || c == '\u00B7' || c == '\u22C5') {
                c = '*';
            } else if (c == '\u00F7') {
                c = '/';
            } else if (c == '\u2212' || c == '\u2013') {
                c = '-';
            } else if (c == '\u3000') {
                c = ' ';
            } else if (c == '\u3001') {
                c = ',';
            }
            sb.append(c);
        }
        return sb.toString().strip();
    }

    /** The value of a number or arithmetic expression, or null if it is not one. */
    public static Double number(String typed) {
        if (typed == null || typed.length() > MAX_LENGTH) {
            return null;
        }
        String s = normalize(typed).replace('x', '*').replace('X', '*');
        if (s.isEmpty()) {
            return null;
        }
        Expr e = new Expr(s);
        try {
            double v = e.sum();
            e.skip();
            if (e.pos != s.length() || !Double.isFinite(v)) {
                return null;
            }
            return v;
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    /** A small recursive-descent reader of + - * / and parentheses. */
    private static final class Expr {
        private final String s;
        private int pos;
        private int depth;

        Expr(String s) {
            this.s = s;
        }

        void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        double sum() {
            double v = product();
            while (true) {
                skip();
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    char op = s.charAt(pos++);
                    double r = product();
                    v = op == '+' ? v + r : v - r;
                } else {
                    return v;
                }
            }
        }

        double product() {
            double v = unary();
            while (true) {
                skip();
                if (pos < s.length() && (s.charAt(pos) == '*' || s.charAt(pos) == '/')) {
                    char op = s.charAt(pos++);
                    double r = unary();
                    v = op == '*' ? v * r : v / r;
                } else {
                    return v;
                }
            }
        }

        double unary() {
            skip();
            if (pos < s.length() && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
                char op = s.charAt(pos++);
                double v = unary();
                return op == '-' ? -v : v;
            }
            if (pos < s.length() && s.charAt(pos) == '(') {
                if (++depth > 20) {
                    throw new IllegalArgumentException("too deep");
                }
                pos++;
                double v = sum();
                skip();
                if (pos >= s.length() || s.charAt(pos) != ')') {
                    throw new IllegalArgumentException("no )");
                }
                pos++;
                depth--;
                return v;
            }
            int start = pos;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                pos++;
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E') && pos > start) {
                int save = pos++;
                if (pos < s.length() && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
                    pos++;
                }
                int digits = pos;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                if (pos == digits) {
                    pos = save;
                }
            }
            if (pos == start) {
                throw new IllegalArgumentException("no number");
            }
            try {
                return Double.parseDouble(s.substring(start, pos));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }

    /** Two or three whole numbers ({@code H x W} or {@code C x H x W}), or null. */
    public static int[] shape(String typed) {
        if (typed == null || typed.length() > MAX_LENGTH) {
            return null;
        }
        String s = normalize(typed).replaceAll("[\\[\\]()]", " ").strip();
        if (s.isEmpty()) {
            return null;
        }
        String[] parts = s.split("\\s*[xX*,;]\\s*|\\s+");
        List<Integer> out = new ArrayList<>();
        for (String p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            if (!p.matches("\\d{1,7}")) {
                return null;
            }
            out.add(Integer.parseInt(p));
        }
        if (out.size() < 2 || out.size() > 3) {
            return null;
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A shape as {@code 1 x 4 x 4}. */
    public static String shape(int[] s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length; i++) {
            if (i > 0) {
                sb.append(" x ");
            }
            sb.append(s[i]);
        }
        return sb.toString();
    }

    /** An option's index from its letter (A for the first) or 1-based number, or null. */
    public static Integer option(String typed, int count) {
        if (typed == null) {
            return null;
        }
        String s = normalize(typed).toUpperCase(Locale.ROOT);
        if (s.endsWith(".") || s.endsWith(")")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (s.length() == 1 && s.charAt(0) >= 'A' && s.charAt(0) < 'A' + count) {
            return s.charAt(0) - 'A';
        }
        if (s.matches("\\d{1,3}")) {
            int n = Integer.parseInt(s);
            return n >= 1 && n <= count ? n - 1 : null;
        }
        return null;
    }

    /**
     * A set of options, sorted: one as {@link #option} reads it, or several as letters or
     * numbers with or without separators ({@code A, C}, {@code AC}, {@code a c}, {@code 1,3});
     * null if any part is not an option of {@code count} or an option is named twice.
     */
    public static List<Integer> options(String typed, int count) {
        if (typed == null || typed.length() > MAX_LENGTH) {
            return null;
        }
        Integer one = option(typed, count);
        if (one != null) {
            return List.of(one);
        }
        String s = normalize(typed).toUpperCase(Locale.ROOT).replaceAll("[\\s,;/&+]+", " ").strip();
        String[] parts = s.matches("[A-Z]{2,8}") ? s.split("") : s.split(" ");
        java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
        for (String p : parts) {
            Integer i = option(p, count);
            if (i == null || !set.add(i)) {
                return null;
            }
        }
        return set.isEmpty() ? null : List.copyOf(set);
    }

    /** Options as shown: {@code A, C}. */
    public static String letters(List<Integer> options) {
        return String.join(", ", options.stream().map(Answers::letter).toList());
    }

    /** The letter of option {@code i}: A, B, C... */
    public static String letter(int i) {
        return String.valueOf((char) ('A' + i));
    }

    /** A value as shown to students: whole numbers plainly, others with up to four decimals. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        BigDecimal d = new BigDecimal(v).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        String s = d.toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
