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
 * Issue 9, one value per cell: every path that fills a feature map (the scalar path in one and
 * several column strips, on one and several threads, and the vector path) gives every cell the
 * same bits as the reference loop, which is what the step trace shows.
 */
class OneValuePerCellTest {
    /** The paths and thresholds compared, each forced onto small inputs. */
    private static final List<ConvEngine.Tuning> PATHS = List.of(
            new ConvEngine.Tuning(0, 0, false),
            new ConvEngine.Tuning(7, 0, false),
            new ConvEngine.Tuning(64, 0, false),
            new ConvEngine.Tuning(0, 0, true));

    @Test
    void theTestJvmHasTheVectorModuleSoBothPathsRun() {
        assertTrue(VectorPath.available(), "surefire's argLine adds --add-modules jdk.incubator.vector");
    }

    @TestFactory
    Stream<DynamicTest> everyPathGivesTheReferenceBitsOnRandomProblems() {
        List<RandomCases.Case> cases = new ArrayList<>(RandomCases.generate(9_2026L, 250, 12));
        cases.addAll(wide(new Random(11), 60));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Tensor want = Reference.convolve(c.plan(), c.input());
            for (ConvEngine.Tuning t : PATHS) {
                for (int threads : new int[] {1, 3}) {
                    Tensor got = ConvEngine.run(c.plan(), c.input(), null, threads, null, ConvEngine.Accuracy.EXACT, t)
                            .featureMap();
                    assertArrayEquals(want.data(), got.data(), () -> t + " on " + threads + " threads");
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> theTraceShowsTheEngineValueInEveryCell() {
        return RandomCases.generate(3L, 60, 9).stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Tensor fm = ConvEngine.run(c.plan(), c.input(), 2).featureMap();
            StepTrace trace = new StepTrace(c.plan(), c.input(), fm);
            for (long i = 0; i < trace.convSteps(); i++) {
                ConvStep s = trace.convStep(i);
                assertEquals(fm.data()[(int) i], s.output(), "cell " + i);
                float running = 0f;
                for (ConvStep.Term term : s.terms()) {
                    running = Math.fma(term.value(), term.weight(), running);
                    assertEquals(running, term.runningSum());
                }
                assertEquals(running, s.sum());
            }
        }));
    }

    @Test
    void reluKeepsNaNOnEveryPath() {
        assertTrue(Float.isNaN(Activation.RELU.apply(Float.NaN)));
        float[] a = {Float.NaN, -1f, 2f, -0f};
        Activation.RELU.applyInPlace(a, 0, a.length);
        assertArrayEquals(new float[] {Float.NaN, 0f, 2f, 0f}, a);
        assertEquals(0f, Activation.RELU.apply(-0f));
        Tensor in = RandomCases.randomTensor(new Random(1), 1, 20, 70);
        in.set(0, 5, 33, Float.NaN);
        ConvPlan plan = ConvPlan.of(ConvSpec.builder(RandomCases.random(new Random(2), 1, 1, 3, 3))
                .padding(Padding.SAME).activation(Activation.RELU).build(), in);
        Tensor want = Reference.convolve(plan, in);
        assertTrue(Float.isNaN(want.get(0, 5, 33)) && Float.isNaN(want.get(0, 4, 32)));
        for (ConvEngine.Tuning t : PATHS) {
            assertArrayEquals(want.data(), ConvEngine.run(plan, in, null, 2, null, ConvEngine.Accuracy.EXACT, t)
                    .featureMap().data(), t::toString);
        }
        assertTrue(Float.isNaN(new StepTrace(plan, in, null).convStepAt(0, 5, 33).output()));
    }

    private static float[] bias(Random r, int n) {
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            b[i] = new float[] {0.25f, -1.5f, 3f, 0f}[r.nextInt(4)];
        }
        return b;
    }

    /**
     * Wider problems: rows longer than several vectors and strips and not a multiple of either,
     * kernels up to 11 x 11, every stride, dilation and padding mode.
     */
    private static List<RandomCases.Case> wide(Random r, int count) {
        List<RandomCases.Case> out = new ArrayList<>();
        while (out.size() < count) {
            int k = 1 + r.nextInt(11);
            int kw = r.nextBoolean() ? k : 1 + r.nextInt(11);
            int groups = 1 + r.nextInt(2);
            int cin = groups * (1 + r.nextInt(2));
            int cout = groups * (1 + r.nextInt(2));
            int h = 12 + r.nextInt(30);
            int w = 40 + r.nextInt(200);
            PaddingMode mode = PaddingMode.values()[out.size() % 4];
            try {
                ConvSpec spec = ConvSpec.builder(RandomCases.random(r, cout, cin / groups, k, kw))
                        .groups(groups).stride(1 + r.nextInt(3), 1 + r.nextInt(3))
                        .dilation(1 + r.nextInt(2), 1 + r.nextInt(2))
                        .padding(r.nextBoolean() ? Padding.SAME : Padding.of(r.nextInt(k), r.nextInt(kw)))
                        .paddingMode(mode).bias(bias(r, cout))
                        .activation(r.nextBoolean() ? Activation.RELU : Activation.NONE).build();
                Tensor in = RandomCases.randomTensor(r, cin, h, w);
                out.add(new RandomCases.Case("wide" + out.size() + " " + cin + "x" + h + "x" + w + " k" + k + "x" + kw
                        + " " + mode.id(), in, ConvPlan.of(spec, in)));
            } catch (SpecException e) {
                // reflect padding as large as the input, and the like: draw again
            }
        }
        return out;
    }
}
