package org.convlens.spec;

import org.convlens.engine.SpecException;

import java.util.ArrayList;
import java.util.List;

/**
 * Kernels typed as text: rows separated by {@code ;} or new lines, values by spaces or commas,
 * each a number {@link Numbers} reads ({@code 0.25}, {@code 1/9}, {@code −1}); {@code #} starts a
 * comment. {@code "1 0 -1; 2 0 -2; 1 0 -1"} is the Sobel kernel, {@code "1/9 1/9 1/9; ..."} a box blur.
 */
public final class KernelText {
    private KernelText() {
    }

    /**
     * Parses the rows of a kernel.
     *
     * @throws SpecException on {@code $.kernel} for an empty kernel, a word that is not a number,
     *     or rows of different lengths
     */
    public static float[][] parse(String text) {
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
            List<Float> values = new ArrayList<>();
            for (String w : r.split("[\\s,]+")) {
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
                throw new SpecException("$.kernel", "error.kernelText.ragged", rows.size() + 1, v.length,
                        rows.get(0).length);
            }
            rows.add(v);
        }
        if (rows.isEmpty()) {
            throw new SpecException("$.kernel", "error.kernelText.empty");
        }
        return rows.toArray(new float[0][]);
    }

    private static float number(String w, int row) {
        Float v = Numbers.parse(w);
        if (v == null) {
            int slash = w.indexOf('/');
            if (slash > 0 && Numbers.parse(w.substring(slash + 1)) != null
                    && Numbers.parse(w.substring(slash + 1)) == 0f) {
                throw new SpecException("$.kernel", "error.kernelText.divZero", w, row);
            }
            throw new SpecException("$.kernel", "error.kernelText.notNumber", w, row);
        }
        return v;
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
                b.append(Numbers.shortest(rows[y][x]));
            }
        }
        return b.toString();
    }
}
