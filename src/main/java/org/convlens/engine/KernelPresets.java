package org.convlens.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named 3 x 3 kernels of image processing, one table shared by the stepper, the photo view
 * and the command line. Weights are for cross-correlation (the engine's "convolution", no flip):
 * {@code sobel_x} responds positively where brightness rises to the right, {@code sobel_y} where
 * it rises downwards.
 *
 * <table>
 *   <caption>The presets</caption>
 *   <tr><td>identity</td><td>the input unchanged</td></tr>
 *   <tr><td>box_blur</td><td>mean of the 3 x 3 neighbourhood (1/9 each)</td></tr>
 *   <tr><td>gaussian</td><td>[1 2 1; 2 4 2; 1 2 1] / 16, the binomial approximation of a Gaussian</td></tr>
 *   <tr><td>sharpen</td><td>[0 -1 0; -1 5 -1; 0 -1 0]: identity plus a Laplacian high-pass</td></tr>
 *   <tr><td>sobel_x, sobel_y</td><td>Sobel derivative across columns, across rows</td></tr>
 *   <tr><td>prewitt_x, prewitt_y</td><td>Prewitt derivative (unweighted smoothing)</td></tr>
 *   <tr><td>laplacian</td><td>[0 1 0; 1 -4 1; 0 1 0], the 4-neighbour Laplacian</td></tr>
 *   <tr><td>emboss</td><td>[-2 -1 0; -1 1 1; 0 1 2]</td></tr>
 *   <tr><td>outline</td><td>[-1 -1 -1; -1 8 -1; -1 -1 -1], the 8-neighbour Laplacian</td></tr>
 *   <tr><td>vertical_edge</td><td>[1 0 -1; 1 0 -1; 1 0 -1], the textbook vertical-edge detector</td></tr>
 *   <tr><td>horizontal_edge</td><td>[1 1 1; 0 0 0; -1 -1 -1]</td></tr>
 * </table>
 */
public final class KernelPresets {
    private static final Map<String, float[][]> TABLE = new LinkedHashMap<>();

    static {
        put("identity", 1, new float[][] {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}});
        put("box_blur", 9, new float[][] {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}});
        put("gaussian", 16, new float[][] {{1, 2, 1}, {2, 4, 2}, {1, 2, 1}});
        put("sharpen", 1, new float[][] {{0, -1, 0}, {-1, 5, -1}, {0, -1, 0}});
        put("sobel_x", 1, new float[][] {{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}});
        put("sobel_y", 1, new float[][] {{-1, -2, -1}, {0, 0, 0}, {1, 2, 1}});
        put("prewitt_x", 1, new float[][] {{-1, 0, 1}, {-1, 0, 1}, {-1, 0, 1}});
        put("prewitt_y", 1, new float[][] {{-1, -1, -1}, {0, 0, 0}, {1, 1, 1}});
        put("laplacian", 1, new float[][] {{0, 1, 0}, {1, -4, 1}, {0, 1, 0}});
        put("emboss", 1, new float[][] {{-2, -1, 0}, {-1, 1, 1}, {0, 1, 2}});
        put("outline", 1, new float[][] {{-1, -1, -1}, {-1, 8, -1}, {-1, -1, -1}});
        put("vertical_edge", 1, new float[][] {{1, 0, -1}, {1, 0, -1}, {1, 0, -1}});
        put("horizontal_edge", 1, new float[][] {{1, 1, 1}, {0, 0, 0}, {-1, -1, -1}});
    }

    private KernelPresets() {
    }

    /** Each weight divided by {@code divisor} in float32, as {@code torch.tensor(w) / divisor} gives. */
    private static void put(String name, int divisor, float[][] rows) {
        for (float[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                row[i] = row[i] / divisor;
            }
        }
        TABLE.put(name, rows);
    }

    /** The preset names in a fixed teaching order (identity first). */
    public static List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(TABLE.keySet()));
    }

    /** True if {@code name} is a preset. */
    public static boolean contains(String name) {
        return TABLE.containsKey(name);
    }

    /**
     * The preset's weights as a new 1 x 1 x kh x kw kernel (the caller may keep it).
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
     */
    public static Kernel get(String name) {
        return Kernel.of(rows(name));
    }

    /** True if the preset comes in any size (identity, box blur and Gaussian grow by their rule); the others are 3 x 3 only. */
    public static boolean resizable(String name) {
        rows(name);
        return name.equals("identity") || name.equals("box_blur") || name.equals("gaussian");
    }

    /**
     * The preset's weights for a kh x kw kernel: the table's 3 x 3 rows, or for a
     * {@link #resizable} preset the same rule grown (identity: 1 at the centre, rounding up and
     * left; box blur: 1 / (kh kw) each; Gaussian: the outer product of binomial rows, summing to 1).
     *
     * @throws IllegalArgumentException for an unknown name, or a size other than 3 x 3 for a fixed preset
     */
    public static float[][] rows(String name, int kh, int kw) {
        if (kh == 3 && kw == 3) {
            return rows(name);
        }
        if (!resizable(name)) {
            throw new IllegalArgumentException(name + " is 3 x 3 only");
        }
        float[][] w = new float[kh][kw];
        switch (name) {
            case "identity" -> w[(kh - 1) / 2][(kw - 1) / 2] = 1f;
            case "box_blur" -> {
                for (float[] row : w) {
                    java.util.Arrays.fill(row, 1f / (kh * kw));
                }
            }
            default -> {
                double[] by = binomial(kh);
                double[] bx = binomial(kw);
                for (int y = 0; y < kh; y++) {
                    for (int x = 0; x < kw; x++) {
                        w[y][x] = (float) (by[y] * bx[x]);
                    }
                }
            }
        }
        return w;
    }

    /** Row n-1 of Pascal's triangle, normalised to sum 1: a discrete Gaussian (3 gives 1 2 1 / 4). */
    private static double[] binomial(int n) {
        double[] b = new double[n];
        b[0] = 1;
        for (int i = 1; i < n; i++) {
            for (int j = i; j > 0; j--) {
                b[j] += b[j - 1];
            }
        }
        double sum = Math.pow(2, n - 1);
        for (int i = 0; i < n; i++) {
            b[i] /= sum;
        }
        return b;
    }

    /**
     * The preset's weights as new rows (a copy the caller may change).
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
     */
    public static float[][] rows(String name) {
        float[][] r = TABLE.get(name);
        if (r == null) {
            throw new IllegalArgumentException("unknown kernel preset \"" + name + "\"; presets: "
                    + String.join(", ", TABLE.keySet()));
        }
        float[][] copy = new float[r.length][];
        for (int y = 0; y < r.length; y++) {
            copy[y] = r[y].clone();
        }
        return copy;
    }
}
