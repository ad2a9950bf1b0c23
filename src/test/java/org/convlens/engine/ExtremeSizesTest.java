package org.convlens.engine;

import com.fasterxml.jackson.databind.JsonNode;
import org.convlens.spec.Problem;
import org.convlens.spec.SpecReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sizes at the edge of 32-bit arithmetic: every product and sum of sizes is taken in 64 bits, a
 * size no axis can hold is one clear {@link SpecException}, and a huge virtual grid that is read
 * in a few cells costs memory for those cells only. Values: tools/fixtures/make_extreme_fixtures.py.
 */
class ExtremeSizesTest {
    private static final JsonNode CASES = Fixtures.load("extreme_cases.json");

    @TestFactory
    Stream<DynamicTest> extremeCasesMatchPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : CASES.get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                Problem p = SpecReader.read(c.get("spec"));
                ConvPlan plan = ConvPlan.of(p.spec(), p.input());
                assertArrayEquals(PyTorchFixturesTest.ints(c.get("shape")), plan.outputShape(), "shape");
                for (int threads : new int[] {1, 2}) {
                    ConvEngine.Result r = ConvEngine.run(plan, p.input(), threads);
                    Fixtures.assertTensor("output, " + threads + " threads", c.get("output"), r.output());
                }
                Fixtures.assertTensor("reference loop", c.get("output"), Reference.run(plan, p.input()));
                if (!plan.hasPool()) {
                    StepTrace t = new StepTrace(plan, p.input(), null);
                    ConvStep last = t.convStep(t.convSteps() - 1);
                    int[] s = plan.outputShape();
                    JsonNode e = c.get("output").get(s[0] - 1).get(s[1] - 1).get(s[2] - 1);
                    assertTrue(Fixtures.close(last.output(), e.doubleValue()), "last step " + last.output() + " vs " + e);
                }
            }));
        }
        return tests.stream();
    }

    private static ConvSpec.Builder wide(int k, int dilation) {
        return ConvSpec.builder(new Kernel(1, 1, 1, k, new float[k])).dilation(1, dilation);
    }

    @Test
    void sameTotalPaddingBeyondAnIntIsOneClearMessage() {
        // dilation 2^20 x (2049 - 1) = 2^31 columns of padding: was a NegativeArraySizeException
        SpecException e = assertThrows(SpecException.class,
                () -> ConvPlan.of(wide(2049, 1 << 20).padding(Padding.SAME).build(), 1, 1, 5));
        assertEquals("$.dilation", e.field());
        String m = e.message(Locale.ROOT);
        assertTrue(m.contains("2147483649"), m);
        assertFalse(m.matches(".*-\\d.*"), m);
    }

    @Test
    void theKernelReachIsPrintedWithoutOverflow() {
        // was "the kernel reaches over -2147483647 columns"
        SpecException e = assertThrows(SpecException.class, () -> ConvPlan.of(wide(2049, 1 << 20).build(), 1, 1, 5));
        String m = e.message(Locale.ROOT);
        assertTrue(m.contains("2147483649"), m);
        assertFalse(m.contains("-2147483647"), m);
        SpecException reach = assertThrows(SpecException.class, () -> ConvPlan.of(wide(1025, 1 << 20).build(), 1, 1, 5));
        assertEquals("$.kernel", reach.field());
        assertTrue(reach.message(Locale.ROOT).contains("over 1073741825 columns"), reach.message(Locale.ROOT));
    }

    @Test
    void explicitPaddingBeyondWhatAnAxisHoldsIsRefused() {
        ConvSpec s = ConvSpec.builder(Kernel.of(new int[][] {{1}})).padding(Padding.of(0, 0, 1 << 30, 1 << 30)).build();
        SpecException e = assertThrows(SpecException.class, () -> ConvPlan.of(s, 1, 1, 5));
        assertEquals("$.padding", e.field());
        assertTrue(e.message(Locale.ROOT).contains("2147483653"), e.message(Locale.ROOT));
        ConvSpec full = wide(3, 1 << 29).padding(Padding.FULL).build();
        assertEquals("$.padding", assertThrows(SpecException.class, () -> ConvPlan.of(full, 1, 1, 5)).field());
    }

    @Test
    void transposedReachBeyondAnIntIsRefused() {
        ConvSpec t = wide(2049, 1 << 20).transposed(true).build();
        SpecException e = assertThrows(SpecException.class, () -> ConvPlan.of(t, 1, 1, 2));
        assertEquals("$.dilation", e.field());
    }

    @Test
    void poolSizesBeyondAnIntAreComputedIn64Bits() {
        // A window of 2^31 - 1 with ceil mode gives one output, its divisor the clipped window.
        PoolSpec p = new PoolSpec(PoolSpec.Type.AVG, 1, Integer.MAX_VALUE, 1, Integer.MAX_VALUE, 0,
                Integer.MAX_VALUE / 2, true, true);
        ConvPlan plan = ConvPlan.of(ConvSpec.builder(Kernel.of(new int[][] {{1}})).pool(p).build(), 1, 1, 3);
        assertArrayEquals(new int[] {1, 1, 1}, plan.outputShape());
        Tensor in = new Tensor(1, 1, 3, new float[] {1, 2, 3});
        float v = ConvEngine.run(plan, in, 1).output().get(0, 0, 0);
        // PyTorch's divisor: the window clipped to the padded map, min(-p + k, n + p) - (-p) = 2^31 - 1
        assertEquals(6f / Integer.MAX_VALUE, v, 1e-15f);
    }
}
