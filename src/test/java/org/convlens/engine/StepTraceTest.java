package org.convlens.engine;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The trace and the fast path agree on every cell; each step's arithmetic adds up. */
class StepTraceTest {
    @TestFactory
    Stream<DynamicTest> traceAgreesWithFastPathOnEveryCell() {
        return RandomCases.generate(77L, 150, 9).stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            ConvEngine.Result r = ConvEngine.run(c.plan(), c.input(), 2);
            StepTrace trace = new StepTrace(c.plan(), c.input(), null);
            Kernel k = c.plan().directKernel();
            assertEquals(r.featureMap().data().length, trace.convSteps());
            for (long i = 0; i < trace.convSteps(); i++) {
                ConvStep s = trace.convStep(i);
                assertEquals(i, s.index());
                assertEquals(c.plan().inPerGroup() * k.height() * k.width(), s.terms().size());
                float running = 0f;
                for (ConvStep.Term t : s.terms()) {
                    assertEquals(t.value() * t.weight(), t.product());
                    running = Math.fma(t.value(), t.weight(), running);
                    assertEquals(running, t.runningSum());
                    assertEquals(c.plan().inputChannel(s.outChannel(), t.slice()), t.inChannel());
                    if (t.kind() == CellKind.INPUT) {
                        assertEquals(c.input().get(t.inChannel(), t.sourceY(), t.sourceX()), t.value());
                    } else if (t.kind() == CellKind.INSERTED || c.plan().spec().paddingMode() == PaddingMode.ZEROS) {
                        assertEquals(0f, t.value());
                    }
                }
                assertEquals(s.sum() + s.bias(), s.preActivation());
                assertEquals(r.featureMap().get(s.outChannel(), s.outY(), s.outX()), s.output());
            }
            for (long i = 0; i < trace.poolSteps(); i++) {
                PoolStep p = trace.poolStep(i);
                assertEquals(r.pooled().get(p.channel(), p.outY(), p.outX()), p.output());
                if (p.chosen() >= 0) {
                    assertEquals(p.output(), p.cells().get(p.chosen()).value());
                }
            }
        }));
    }

    @Test
    void aHugeInputAllocatesNoTraceUntilAStepIsAsked() {
        Tensor big = new Tensor(1, 4096, 4096);
        ConvPlan plan = ConvPlan.of(ConvSpec.builder(Kernel.of(new int[][] {{1, 2, 1}, {0, 0, 0}, {-1, -2, -1}}))
                .padding(Padding.SAME).build(), big);
        big.set(0, 2000, 3000, 5f);
        StepTrace trace = new StepTrace(plan, big, null);
        assertEquals(4096L * 4096L, trace.convSteps());
        ConvStep s = trace.convStepAt(0, 2001, 3000);
        assertEquals(9, s.terms().size());
        // The impulse 5 sits under the window's top row, centre column: weight 2.
        assertEquals(10f, s.output());
    }

    @Test
    void stepsOutsideTheTraceAreRefused() {
        Tensor in = Tensor.of(new int[][] {{1, 2}, {3, 4}});
        StepTrace trace = new StepTrace(ConvPlan.of(ConvSpec.builder(Kernel.of(new int[][] {{1}})).build(), in), in, null);
        assertThrows(IndexOutOfBoundsException.class, () -> trace.convStep(4));
        assertThrows(IndexOutOfBoundsException.class, () -> trace.convStep(-1));
        assertEquals(0, trace.poolSteps());
    }
}
