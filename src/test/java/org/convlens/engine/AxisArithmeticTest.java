package org.convlens.engine;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rows reported as never read are exactly the rows whose value cannot change any output: the
 * oracle perturbs each input row in turn and runs the reference loop, with every padding mode
 * (a row is read where a tap lands on it or on a padding cell that copies it).
 */
class AxisArithmeticTest {
    private static final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();

    @TestFactory
    Stream<DynamicTest> neverReadRowsAreTheRowsNoOutputDependsOn() {
        Random r = new Random(11);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int h = 1 + r.nextInt(14);
            int k = 1 + r.nextInt(4);
            int s = 1 + r.nextInt(4);
            int d = 1 + r.nextInt(3);
            int pt = r.nextInt(3);
            int pb = r.nextInt(3);
            PaddingMode mode = PaddingMode.values()[r.nextInt(4)];
            String name = "h" + h + " k" + k + " s" + s + " d" + d + " pad " + pt + "," + pb + " " + mode.id();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                float[] w = new float[k];
                java.util.Arrays.fill(w, 1f);
                ConvSpec spec = ConvSpec.builder(new Kernel(1, 1, k, 1, w)).stride(s, 1).dilation(d, 1)
                        .padding(Padding.of(pt, pb, 0, 0)).paddingMode(mode).build();
                // the settings PyTorch refuses are refused, each for its own reason
                String refusal = mode == PaddingMode.REFLECT && Math.max(pt, pb) >= h ? "error.padding.reflect"
                        : mode == PaddingMode.CIRCULAR && Math.max(pt, pb) > h ? "error.padding.circular"
                        : h + pt + pb < d * (k - 1) + 1 ? "error.kernel.tooLarge" : null;
                if (refusal != null) {
                    SpecException e = assertThrows(SpecException.class, () -> ConvPlan.of(spec, 1, h, 1));
                    assertEquals(refusal, e.key(), e.getMessage());
                    refused.incrementAndGet();
                    return;
                }
                ConvPlan plan = ConvPlan.of(spec, 1, h, 1);
                List<Integer> oracle = new ArrayList<>();
                Tensor zero = new Tensor(1, h, 1);
                Tensor base = Reference.convolve(plan, zero);
                for (int y = 0; y < h; y++) {
                    Tensor poked = new Tensor(1, h, 1);
                    poked.set(0, y, 0, 1f);
                    if (java.util.Arrays.equals(base.data(), Reference.convolve(plan, poked).data())) {
                        oracle.add(y);
                    }
                }
                assertArrayEquals(oracle.stream().mapToInt(Integer::intValue).toArray(), plan.convY().uncovered());
                assertEquals(oracle.isEmpty(), plan.convY().reasons(Locale.ROOT).isEmpty());
            }));
        }
        // and the refused share stays a share: most cases check the rows
        tests.add(DynamicTest.dynamicTest("most cases are computed, not refused",
                () -> assertTrue(refused.get() > 0 && refused.get() < 60, "refused " + refused.get())));
        return tests.stream();
    }

    /** Every tap enumerated: the rows read, as input indices, for a conv axis or (d = 1, zeros) a pool axis. */
    private static int[] bruteUncovered(int n, int size, int k, int s, int d, int before, PaddingMode mode) {
        boolean[] covered = new boolean[n];
        for (long o = 0; o < size; o++) {
            for (int j = 0; j < k; j++) {
                int i = mode.sourceIndex((int) (o * s + (long) j * d - before), n);
                if (i >= 0) {
                    covered[i] = true;
                }
            }
        }
        return java.util.stream.IntStream.range(0, n).filter(i -> !covered[i]).toArray();
    }

    @Test
    void unreadRowsFoundWithoutVisitingEveryTapAgreeWithVisitingThem() {
        Random r = new Random(12);
        int compared = 0;
        for (int i = 0; i < 3000; i++) {
            int n = 1 + r.nextInt(40);
            int k = 1 + r.nextInt(9);
            int s = 1 + r.nextInt(7);
            int d = 1 + r.nextInt(5);
            PaddingMode mode = PaddingMode.values()[r.nextInt(4)];
            int limit = mode == PaddingMode.REFLECT ? n - 1 : mode == PaddingMode.CIRCULAR ? n : 2 * n;
            int before = r.nextInt(limit + 1);
            int after = r.nextInt(limit + 1);
            AxisArithmetic a = AxisArithmetic.conv(true, n, k, s, d, before, after, mode);
            String what = "n" + n + " k" + k + " s" + s + " d" + d + " pad " + before + "," + after + " " + mode.id();
            if (a.size() >= 1) {
                assertArrayEquals(bruteUncovered(n, a.size(), k, s, d, before, mode), a.uncovered(), what);
                compared++;
            }
            int pk = 1 + r.nextInt(9);
            int pp = r.nextInt(pk / 2 + 1);
            AxisArithmetic p = AxisArithmetic.pool(false, n, pk, s, pp, r.nextBoolean());
            if (p.size() >= 1) {
                assertArrayEquals(bruteUncovered(n, p.size(), pk, s, 1, pp, PaddingMode.ZEROS), p.uncovered(), "pool " + what);
                compared++;
            }
        }
        assertTrue(compared > 4000, "compared " + compared);
    }

    @Test
    void aPoolWindowWiderThanTheMapGivesOneOutputWithCeilMode() {
        // PyTorch: max_pool2d of a 1 x 2 map with a 1 x 3 window, ceil_mode=True, is 1 x 1.
        assertEquals(1, AxisArithmetic.pool(false, 2, 3, 3, 0, true).size());
        assertEquals(0, AxisArithmetic.pool(false, 2, 3, 3, 0, false).size());
    }

    @Test
    void strideTwoOnSixRowsWithThreeByThreeDropsTheLastRowAndSaysWhy() {
        ConvPlan plan = ConvPlan.of(ConvSpec.builder(Kernel.of(new int[][] {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}}))
                .stride(2).build(), 1, 6, 6);
        assertEquals("floor((6 + 0 + 0 - 1*(3 - 1) - 1) / 2) + 1 = 2", plan.convY().formulaWithNumbers());
        assertArrayEquals(new int[] {5}, plan.convY().trailingUncovered());
        String why = plan.convY().reasons(Locale.ROOT).get(0);
        assertTrue(why.contains("rows 5"), why);
        assertTrue(why.contains("floor"), why);
    }

    @Test
    void aKernelLargerThanThePaddedInputIsRefusedWithTheFormula() {
        SpecException e = org.junit.jupiter.api.Assertions.assertThrows(SpecException.class, () -> ConvPlan.of(
                ConvSpec.builder(new Kernel(1, 1, 5, 5, new float[25])).build(), 1, 3, 3));
        assertEquals("$.kernel", e.field());
        assertTrue(e.getMessage().contains("= -1"), e.getMessage());
    }

    @Test
    void engineMessagesComeInTheAskedLanguage() {
        // Both bundles hold every key (BundlesTest); here the locale picks the Chinese one.
        assertEquals("行", Messages.get(Locale.SIMPLIFIED_CHINESE, "word.rows"));
        assertEquals("rows", Messages.get(Locale.ROOT, "word.rows"));
    }
}
