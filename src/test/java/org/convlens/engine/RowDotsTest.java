package org.convlens.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A linear layer's row products on both paths: exact on small whole numbers, close on fractions, the same every run. */
class RowDotsTest {
    @ParameterizedTest(name = "{0} rows of {1}")
    @CsvSource({"10,784", "1,1", "3,17", "4,16", "5,33", "9,100", "12,1000"})
    void bothPathsGiveTheProducts(int rows, int n) {
        Random r = new Random(rows * 1000L + n);
        float[] w = new float[rows * n];
        float[] x = new float[n];
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextInt(7) - 3;
        }
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(5) - 2;
        }
        float[] want = new float[rows];
        for (int j = 0; j < rows; j++) {
            long s = 0;
            for (int i = 0; i < n; i++) {
                s += (long) w[j * n + i] * (long) x[i];
            }
            want[j] = s;
        }
        for (boolean vector : new boolean[] {false, VectorPath.available()}) {
            float[] out = new float[rows];
            RowDots.of(w, rows, x, n, out, vector);
            assertArrayEquals(want, out, "vector " + vector);
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian();
        }
        for (boolean vector : new boolean[] {false, VectorPath.available()}) {
            float[] a = new float[rows];
            float[] b = new float[rows];
            RowDots.of(w, rows, x, n, a, vector);
            RowDots.of(w, rows, x, n, b, vector);
            assertArrayEquals(a, b, "the same every run");
            for (int j = 0; j < rows; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += (double) w[j * n + i] * x[i];
                }
                assertEquals(s, a[j], 1e-4 * Math.sqrt(n) * 3, "row " + j + ", vector " + vector);
            }
        }
    }
}
