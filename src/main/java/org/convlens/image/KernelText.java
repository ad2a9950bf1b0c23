package org.convlens.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Kernels typed as text: rows separated by {@code ;} or new lines, values by spaces or commas,
 * each a decimal number or a fraction such as {@code 1/9}; {@code #} starts a comment.
 * {@code "1 0 -1; 2 0 -2; 1 0 -1"} is the Sobel kernel, {@code "1/9 1/9 1/9; ..."} a box blur.
 */
public final class KernelText {
    private KernelText() {
    }

    /** Text that cannot be a kernel, with what is wrong. */
    public static final class KernelTextException extends Exception {
        public KernelTextException(String message) {
            super(message);
        }
    }

    /**
     * Parses the rows of a kernel.
     *
     * @throws KernelTextException for an empty kernel, a word that is not a number, or rows of different lengths
     */
    public static float[][] parse(String text) throws KernelTextException {
        List<float[]> rows = new ArrayList<>();
        StringBuilder clean = new StringBuilder();
        for (String line : text.split("\\R")) {
            int hash = line.indexOf('#');
            clean.append(hash >= 0 ? line.substring(0, hash) : line).append(';');
        }
        for (String row : clean.toString().split(";")) {
            String r = row.trim().replace('[', ' ').replace(']', ' ').trim();
            if (r.isEmpty()) {
                continue;
            }
            String[] words = r.split("[\\s,]+");
            List<Float> values = new ArrayList<>();
            for (String w : words) {
                if (!w.isEmpty()) {
                    values.add(number(w, rows.size() + 1));
                }
            }
            if (values.isEmpty()) {
                continue;
            }
            float[] v = new float[values.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = values.get(i);
            }
            if (!rows.isEmpty() && v.length != rows.get(0).length) {
                throw new KernelTextException(ImageText.get("kernel.ragged", rows.size() + 1, v.length, rows.get(0).length));
            }
            rows.add(v);
        }
        if (rows.isEmpty()) {
            throw new KernelTextException(ImageText.get("kernel.empty"));
        }
        return rows.toArray(new float[0][]);
    }

    private static float number(String w, int row) throws KernelTextException {
        try {
            int slash = w.indexOf('/');
            float v;
            if (slash > 0) {
                float num = Float.parseFloat(w.substring(0, slash));
                float den = Float.parseFloat(w.substring(slash + 1));
                if (den == 0f) {
                    throw new KernelTextException(ImageText.get("kernel.divZero", w, row));
                }
                v = num / den;
            } else {
                if (w.endsWith("f") || w.endsWith("d") || w.endsWith("F") || w.endsWith("D")) {
                    throw new NumberFormatException(w);
                }
                v = Float.parseFloat(w);
            }
            if (!Float.isFinite(v)) {
                throw new NumberFormatException(w);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new KernelTextException(ImageText.get("kernel.notNumber", w, row));
        }
    }

    /** The rows as text that {@link #parse} reads back exactly: {@code "1 0 -1; 2 0 -2; 1 0 -1"}. */
    public static String format(float[][] rows) {
        StringBuilder b = new StringBuilder();
        for (int y = 0; y < rows.length; y++) {
            if (y > 0) {
                b.append("; ");
            }
            for (int x = 0; x < rows[y].length; x++) {
                if (x > 0) {
                    b.append(' ');
                }
                b.append(number(rows[y][x]));
            }
        }
        return b.toString();
    }

    /** Shortest text of a float that reads back as the same float; whole numbers without ".0". */
    public static String number(float v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7f) {
            return Long.toString((long) v);
        }
        return Float.toString(v);
    }
}
