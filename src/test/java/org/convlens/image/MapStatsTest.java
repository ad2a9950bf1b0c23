package org.convlens.image;

import org.convlens.engine.ConvEngine;
import org.convlens.engine.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The vector pass over a map gives the plain loop's statistics bit for bit, odd values included. */
class MapStatsTest {
    private static final float[] ODD = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        1f, Math.nextUp(1f), Math.nextDown(0f), Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE};

    private static float[] values(long seed, int n, double oddShare, float scale, float shift) {
        Random r = new Random(seed);
        float[] d = new float[n];
        for (int i = 0; i < n; i++) {
            d[i] = r.nextDouble() < oddShare ? ODD[r.nextInt(ODD.length)] : (float) r.nextGaussian() * scale + shift;
        }
        return d;
    }

    private static void same(float[] d) {
        Tensor t = new Tensor(1, 1, d.length, d);
        MapStats plain = MapStats.of(t, false);
        MapStats vector = MapStats.of(t, true);
        assertEquals(Float.floatToRawIntBits(plain.min()), Float.floatToRawIntBits(vector.min()), "min " + plain + " " + vector);
        assertEquals(Float.floatToRawIntBits(plain.max()), Float.floatToRawIntBits(vector.max()), "max " + plain + " " + vector);
        assertEquals(plain, vector);
    }

    @Test
    void vectorPassGivesThePlainNumbers() {
        assumeTrue(ConvEngine.vectorApi(), "no Vector API module");
        for (int n : new int[] {1 << 15, 70_001, 200_003, 3 * 1_048_576 + 45}) {
            same(values(n, n, 0, 1, 0.5f));
            same(values(n + 1, n, 0.001, 1, 0.5f));
            same(values(n + 2, n, 0.3, 2, 0));
        }
    }

    @Test
    void zerosKeepTheSignTheFirstOneHas() {
        assumeTrue(ConvEngine.vectorApi(), "no Vector API module");
        int n = 300_000;
        for (float first : new float[] {0f, -0f}) {
            float[] d = values(5, n, 0, 1, 3f);
            for (int i = 0; i < n; i++) {
                d[i] = Math.abs(d[i]) + 0.5f;
            }
            d[n - 5] = first;
            d[n - 1] = -first;
            same(d);
            float[] neg = d.clone();
            for (int i = 0; i < n; i++) {
                neg[i] = -neg[i];
            }
            same(neg);
        }
        float[] nan = new float[n];
        java.util.Arrays.fill(nan, Float.NaN);
        same(nan);
    }
}
