package org.convlens.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * ReLU and 2 x 2 max pooling along a row pair, and its backward pass, on the scalar path and the
 * Vector API's, against a window-by-window loop written here: values drawn from a few so that
 * windows hold ties, zeros of both signs and negatives; rows of many lengths, so that whole
 * vectors and the leftover windows both run; columns in no window (a negative pooled value).
 */
class ReluMaxRowsTest {
    private static final float[] DRAWS = {0f, -0f, 1f, 1f, 2f, -1f, 0.5f, 3f, -2f, 2f};

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {2, 4, 16, 18, 32, 34, 36, 62, 64, 66, 100, 480, 482})
    void poolAndScatterMatchTheWindowLoop(int n) {
        Random r = new Random(n * 31L);
        int w = n + 3;
        float[] a = new float[2 * w + 5];
        for (int i = 0; i < a.length; i++) {
            a[i] = DRAWS[r.nextInt(DRAWS.length)];
        }
        int r0 = 2;
        int r1 = r0 + w;
        float[] want = new float[n];
        for (int x = 0; x < n; x += 2) {
            float best = 0f;
            for (float v : new float[] {a[r0 + x], a[r0 + x + 1], a[r1 + x], a[r1 + x + 1]}) {
                best = Math.max(best, Math.max(v, 0f));
            }
            want[x] = best;
        }
        for (boolean vector : new boolean[] {false, VectorPath.available()}) {
            float[] out = new float[n + 3];
            ReluMaxRows.pool(a, r0, r1, n, out, 3, vector);
            for (int x = 0; x < n; x += 2) {
                assertEquals(Float.floatToRawIntBits(want[x]), Float.floatToRawIntBits(out[3 + x]),
                        "vector " + vector + ", window at " + x);
            }
        }

        // Each window's value and gradient at its first offset (m from offset 5); the odd offsets
        // hold values no window has, which neither path may read.
        float[] m = new float[n + 5];
        float[] g = new float[n];
        for (int x = 0; x < n; x += 2) {
            // Every seventh window is a column in no window: no gradient, whichever cell takes it.
            boolean none = x % 14 == 6;
            m[5 + x] = want[x];
            m[5 + x + 1] = 77f;
            g[x] = none || want[x] <= 0f ? 0f : r.nextInt(5) + 1;
            g[x + 1] = 55f;
        }
        int gw = n + 7;
        float[] wantGrad = new float[2 * gw + 4];
        for (int x = 0; x < n; x += 2) {
            int[] cells = {r0 + x, r0 + x + 1, r1 + x, r1 + x + 1};
            int[] into = {1 + x, 1 + x + 1, 1 + gw + x, 1 + gw + x + 1};
            int first = 3;
            for (int k = 0; k < 4; k++) {
                if (Math.max(a[cells[k]], 0f) == m[5 + x]) {
                    first = k;
                    break;
                }
            }
            wantGrad[into[first]] = g[x];
        }
        for (boolean vector : new boolean[] {false, VectorPath.available()}) {
            float[] gc = new float[2 * gw + 4];
            java.util.Arrays.fill(gc, 9f);
            // Every cell of every window is written: the 9s left are the columns past the row.
            ReluMaxRows.scatter(a, r0, r1, m, 5, g, n, gc, 1, 1 + gw, vector);
            float[] got = gc.clone();
            for (int i = 0; i < got.length; i++) {
                int col = (i - 1) % gw;
                if (i < 1 || i >= 1 + 2 * gw || col >= n) {
                    assertEquals(9f, got[i], "vector " + vector + ": wrote outside the windows at " + i);
                    got[i] = 0f;
                }
            }
            assertArrayEquals(wantGrad, got, "vector " + vector);
        }
    }
}
