package org.convlens.engine;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pooling's own loops (two-column windows fused, two- and three-column rows, the vector path)
 * give every pooled cell the bits written out here, cell by cell. Average: each column of the
 * window summed from the top, then the columns from the left, then the division. Max:
 * {@link Math#max} over the window's map cells (a NaN wins, +0 over -0).
 */
class PoolingPathsTest {
    /** A pooling problem: the spec, the map, and a name for the report. */
    private record Case(String name, PoolSpec spec, Tensor map) {
    }

    @Test
    void theTestJvmHasTheVectorModuleSoBothPathsRun() {
        assertTrue(VectorPath.available(), "surefire's argLine adds --add-modules jdk.incubator.vector");
    }

    @Test
    void aLargeAveragePoolWarmsTheVectorPathUpAndThenTakesIt() throws InterruptedException {
        Tensor map = RandomCases.randomTensor(new Random(3), 1, 1024, 1026);
        PoolSpec p = PoolSpec.of(PoolSpec.Type.AVG, 2);
        float[] want = cellByCell(p, map);
        Tensor out = new Tensor(1, 512, 513);
        assertArrayEquals(want, Pooling.pool(p, map, out, 1).data(), "while warming up");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (Pooling.vectorPathWarmingUp() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(!Pooling.vectorPathWarmingUp());
        assertEquals(VectorPooling.WORTH_IT, VectorPath.poolingReady(false), "vectors of 256 bits or more: taken");
        java.util.Arrays.fill(out.data(), Float.NaN);
        assertArrayEquals(want, Pooling.pool(p, map, out, 2).data(), "after the warm-up");
    }

    @TestFactory
    Stream<DynamicTest> everyPathGivesTheCellByCellBits() {
        List<Case> cases = new ArrayList<>();
        Random r = new Random(13);
        // The common shapes first (2 x 2 stride 2, odd and even widths past a vector or two), then random ones.
        for (int w : new int[] {1, 2, 3, 5, 16, 17, 31, 32, 33, 34, 35, 63, 64, 65, 66, 67, 97, 130}) {
            for (boolean ceil : new boolean[] {false, true}) {
                cases.add(make(r, new PoolSpec(PoolSpec.Type.AVG, 2, 2, 2, 2, 0, 0, ceil, true), 1 + r.nextInt(3),
                        1 + r.nextInt(9), w));
            }
            cases.add(make(r, new PoolSpec(PoolSpec.Type.AVG, 2, 2, 2, 2, 1, 1, r.nextBoolean(), r.nextBoolean()),
                    2, 7, w));
            cases.add(make(r, new PoolSpec(PoolSpec.Type.AVG, 3, 2, 2, 3, 1, 1, r.nextBoolean(), r.nextBoolean()),
                    2, 8, w));
            for (boolean ceil : new boolean[] {false, true}) {
                cases.add(make(r, new PoolSpec(PoolSpec.Type.MAX, 2, 2, 2, 2, 0, 0, ceil, false), 1 + r.nextInt(3),
                        1 + r.nextInt(9), w));
            }
            cases.add(make(r, new PoolSpec(PoolSpec.Type.MAX, 2, 2, 2, 2, 1, 1, r.nextBoolean(), false), 2, 7, w));
        }
        while (cases.size() < 400) {
            int kh = 1 + r.nextInt(5);
            int kw = 1 + r.nextInt(5);
            int py = r.nextInt(kh / 2 + 1);
            int px = r.nextInt(kw / 2 + 1);
            PoolSpec p = new PoolSpec(r.nextBoolean() ? PoolSpec.Type.AVG : PoolSpec.Type.MAX, kh, kw,
                    1 + r.nextInt(5), 1 + r.nextInt(5), py, px, r.nextBoolean(), r.nextBoolean());
            Case c = make(r, p, 1 + r.nextInt(3), 1 + r.nextInt(20), 1 + r.nextInt(90));
            if (c != null) {
                cases.add(c);
            }
        }
        cases.removeIf(c -> c == null);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            float[] want = cellByCell(c.spec(), c.map());
            for (boolean vector : new boolean[] {false, true}) {
                for (int threads : new int[] {1, 3}) {
                    Tensor out = new Tensor(c.map().channels(), size(c.spec(), c.map(), true),
                            size(c.spec(), c.map(), false));
                    java.util.Arrays.fill(out.data(), Float.NaN);
                    Pooling.pool(c.spec(), c.map(), out, threads, vector);
                    assertArrayEquals(want, out.data(), () -> (vector ? "vector" : "plain") + ", " + threads + " threads");
                }
            }
        }));
    }

    @Test
    void bigMapsSplitAcrossThreadsGiveTheSameBits() {
        Random r = new Random(4);
        for (int w : new int[] {512, 515}) {
            Tensor map = RandomCases.randomTensor(r, 2, 301, w);
            for (PoolSpec p : List.of(PoolSpec.of(PoolSpec.Type.AVG, 2),
                    new PoolSpec(PoolSpec.Type.AVG, 2, 2, 2, 2, 1, 1, true, false),
                    new PoolSpec(PoolSpec.Type.AVG, 3, 3, 2, 2, 1, 1, false, true), PoolSpec.of(PoolSpec.Type.MAX, 2),
                    new PoolSpec(PoolSpec.Type.MAX, 2, 2, 2, 2, 1, 1, true, false))) {
                float[] want = cellByCell(p, map);
                for (boolean vector : new boolean[] {false, true}) {
                    Tensor out = new Tensor(2, size(p, map, true), size(p, map, false));
                    assertArrayEquals(want, Pooling.pool(p, map, out, 2, vector).data(), p + (vector ? " vector" : ""));
                }
            }
        }
    }

    @Test
    void specialValuesKeepTheirBits() {
        float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 0f, Float.MAX_VALUE,
            -Float.MAX_VALUE, Float.MIN_VALUE, 1e-40f, 16_777_217f, 1f};
        Random r = new Random(8);
        Tensor map = new Tensor(1, 6, 70);
        for (int i = 0; i < map.data().length; i++) {
            map.data()[i] = r.nextInt(3) == 0 ? specials[r.nextInt(specials.length)] : (float) r.nextGaussian();
        }
        for (PoolSpec p : List.of(PoolSpec.of(PoolSpec.Type.AVG, 2), new PoolSpec(PoolSpec.Type.AVG, 2, 2, 2, 2, 0, 0,
                true, true), new PoolSpec(PoolSpec.Type.AVG, 3, 3, 3, 3, 1, 1, true, false),
                PoolSpec.of(PoolSpec.Type.MAX, 2), new PoolSpec(PoolSpec.Type.MAX, 2, 2, 2, 2, 1, 1, true, false))) {
            float[] want = cellByCell(p, map);
            for (boolean vector : new boolean[] {false, true}) {
                Tensor out = new Tensor(1, size(p, map, true), size(p, map, false));
                assertArrayEquals(want, Pooling.pool(p, map, out, 1, vector).data(), p + (vector ? " vector" : ""));
            }
        }
    }

    @Test
    void theStepTraceShowsTheEnginesPooledBits() {
        Random r = new Random(21);
        for (int i = 0; i < 80; i++) {
            int k = 1 + r.nextInt(4);
            PoolSpec p = new PoolSpec(i % 2 == 0 ? PoolSpec.Type.AVG : PoolSpec.Type.MAX, k, k, 1 + r.nextInt(3),
                    1 + r.nextInt(3), r.nextInt(k / 2 + 1), r.nextInt(k / 2 + 1), r.nextBoolean(), r.nextBoolean());
            Tensor in = RandomCases.randomTensor(r, 1, k + r.nextInt(12), k + r.nextInt(40));
            ConvPlan plan = ConvPlan.of(ConvSpec.builder(Kernel.of(new int[][] {{1}})).pool(p).build(), in);
            Tensor pooled = ConvEngine.run(plan, in, 2).pooled();
            StepTrace trace = new StepTrace(plan, in, ConvEngine.run(plan, in, 1).featureMap());
            for (long s = 0; s < trace.poolSteps(); s++) {
                PoolStep step = trace.poolStep(s);
                assertEquals(pooled.get(step.channel(), step.outY(), step.outX()), step.output(), p + " cell " + s);
            }
        }
    }

    private static Case make(Random r, PoolSpec p, int channels, int h, int w) {
        Tensor map = RandomCases.randomTensor(r, channels, h, w);
        if (size(p, map, true) < 1 || size(p, map, false) < 1) {
            return null;
        }
        return new Case(p + " on " + channels + "x" + h + "x" + w, p, map);
    }

    private static int size(PoolSpec p, Tensor map, boolean vertical) {
        return vertical
                ? AxisArithmetic.pool(true, map.height(), p.kernelHeight(), p.strideY(), p.padY(), p.ceilMode()).size()
                : AxisArithmetic.pool(false, map.width(), p.kernelWidth(), p.strideX(), p.padX(), p.ceilMode()).size();
    }

    /**
     * Each cell on its own. Average: the window's map cells column by column (each summed from
     * the top row), the column sums from the left, divided by PyTorch's count (the window clipped
     * to the padded map with count_include_pad, else the map cells it covers). Max: the window's
     * map cells through {@link Math#max}.
     */
    private static float[] cellByCell(PoolSpec p, Tensor map) {
        int h = map.height();
        int w = map.width();
        int ph = size(p, map, true);
        int pw = size(p, map, false);
        float[] out = new float[map.channels() * ph * pw];
        int i = 0;
        for (int c = 0; c < map.channels(); c++) {
            for (int oy = 0; oy < ph; oy++) {
                for (int ox = 0; ox < pw; ox++) {
                    int y0 = oy * p.strideY() - p.padY();
                    int x0 = ox * p.strideX() - p.padX();
                    if (p.type() == PoolSpec.Type.MAX) {
                        float m = Float.NEGATIVE_INFINITY;
                        for (int y = Math.max(y0, 0); y < Math.min(y0 + p.kernelHeight(), h); y++) {
                            for (int x = Math.max(x0, 0); x < Math.min(x0 + p.kernelWidth(), w); x++) {
                                m = Math.max(m, map.get(c, y, x));
                            }
                        }
                        out[i++] = m;
                        continue;
                    }
                    float sum = 0f;
                    boolean firstColumn = true;
                    long cells = 0;
                    for (int x = Math.max(x0, 0); x < Math.min(x0 + p.kernelWidth(), w); x++) {
                        float column = 0f;
                        boolean firstRow = true;
                        for (int y = Math.max(y0, 0); y < Math.min(y0 + p.kernelHeight(), h); y++) {
                            column = firstRow ? map.get(c, y, x) : column + map.get(c, y, x);
                            firstRow = false;
                            cells++;
                        }
                        sum = firstColumn ? column : sum + column;
                        firstColumn = false;
                    }
                    long padded = (long) (Math.min(y0 + p.kernelHeight(), h + p.padY()) - y0)
                            * (Math.min(x0 + p.kernelWidth(), w + p.padX()) - x0);
                    out[i++] = sum / (float) (p.countIncludePad() ? padded : cells);
                }
            }
        }
        return out;
    }
}
