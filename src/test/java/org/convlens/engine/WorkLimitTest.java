package org.convlens.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Work is estimated from the plan before anything is allocated, and a run over the limit is one
 * line saying what is too big and by how much (issue 14: no work limit). The limit here is fixed
 * (1 GB, 10 s, 256 MiB of trace) so the tests do not depend on the heap they run in.
 * {@code @Timeout} only guards against a hang: a refusal comes before any work.
 */
@Timeout(60)
class WorkLimitTest {
    private static final WorkLimit LIMIT = new WorkLimit(1_000_000_000L, 10, 256L << 20);

    private static Kernel ones(int kh, int kw) {
        float[] w = new float[kh * kw];
        java.util.Arrays.fill(w, 1f / (kh * kw));
        return new Kernel(1, 1, kh, kw, w);
    }

    @Test
    void replicatePaddingOf8000WithA100x100KernelIsRefusedForItsTime() {
        // the 34 KB spec that ran for minutes: 15911 x 15911 outputs of 10000 taps each
        Random r = new Random(1);
        Tensor in = RandomCases.randomTensor(r, 1, 10, 10);
        ConvPlan plan = ConvPlan.of(ConvSpec.builder(RandomCases.random(r, 1, 1, 100, 100)).padding(Padding.of(8000))
                .paddingMode(PaddingMode.REPLICATE).build(), in);
        WorkLimit fourGigabytes = new WorkLimit(4_000_000_000L, 10, 256L << 20);
        WorkLimitException e = assertThrows(WorkLimitException.class, () -> ConvEngine.run(plan, in, 2, fourGigabytes));
        assertEquals(WorkLimitException.Kind.TIME, e.kind());
        assertEquals("$", e.field());
        String m = e.message(Locale.ROOT);
        assertTrue(m.contains("2.5e12 multiply-adds"), m);
        assertTrue(m.matches(".*, about \\d+ (minutes|hours) here: \\d+ times the 10 seconds allowed"), m);
        assertTrue(e.over() > 2, m);
    }

    @Test
    void anOutputOf2To29CellsIsRefusedForItsMemory() {
        Tensor in = new Tensor(1, 1, 1, new float[] {1});
        ConvPlan plan = ConvPlan.of(ConvSpec.builder(ones(1, 1)).padding(Padding.of(8191, 8192, 16383, 16384)).build(), in);
        assertEquals(1L << 29, (long) plan.outHeight() * plan.outWidth());
        WorkEstimate w = WorkEstimate.of(plan, 2);
        assertTrue(w.memoryBytes() >= 4L << 29, "at least the output: " + w.memoryBytes());
        WorkLimitException e = assertThrows(WorkLimitException.class, () -> ConvEngine.run(plan, in, 2, LIMIT));
        assertEquals(WorkLimitException.Kind.MEMORY, e.kind());
        String m = e.message(Locale.ROOT);
        assertTrue(m.startsWith("this needs about 2.1 GB of memory (the output, 1 x 16384 x 32768, alone takes 2.1 GB): "
                + "2.2 times the 1.0 GB allowed"), m);
        assertTrue(e.message(Locale.SIMPLIFIED_CHINESE).contains("输出 1 x 16384 x 32768"), e.message(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void a2000x2000KernelOverTheSameInputIsRefusedAndAlone() {
        Random r = new Random(2);
        Tensor in = new Tensor(1, 2000, 2000);
        ConvPlan same = ConvPlan.of(ConvSpec.builder(RandomCases.random(r, 1, 1, 2000, 2000)).padding(Padding.SAME).build(), in);
        assertEquals(WorkLimitException.Kind.TIME,
                assertThrows(WorkLimitException.class, () -> ConvEngine.run(same, in, 2, LIMIT)).kind());
        // without padding it is one output cell of 4 million taps: cheap, and computed
        ConvPlan valid = ConvPlan.of(ConvSpec.builder(ones(2000, 2000)).build(), in);
        WorkEstimate w = WorkEstimate.of(valid, 2);
        assertTrue(w.memoryBytes() < 64L << 20, "bytes " + w.memoryBytes());
        assertEquals(0f, ConvEngine.run(valid, in, 2, LIMIT).output().get(0, 0, 0));
    }

    @Test
    void samePaddingWithDilation2To20NeedsMemoryForItsFiveOutputsOnly() {
        // was 4.4 GB for a 1 x 5 output: the axis tables and row buffers at the padded width
        Tensor in = new Tensor(1, 1, 5, new float[] {1, 2, 3, 4, 5});
        float[] k = new float[1025];
        k[512] = 2f;
        ConvPlan plan = ConvPlan.of(ConvSpec.builder(new Kernel(1, 1, 1, 1025, k)).dilation(1, 1 << 20)
                .padding(Padding.SAME).build(), in);
        assertEquals((1 << 30) + 5, plan.cols().length());
        WorkEstimate w = WorkEstimate.of(plan, 2);
        assertEquals(WorkEstimate.Path.DIRECT, w.path());
        assertTrue(w.memoryBytes() < 1000, "bytes " + w.memoryBytes());
        long before = allocatedBytes();
        Tensor out = ConvEngine.run(plan, in, 1, LIMIT).output();
        long used = allocatedBytes() - before;
        assertTrue(used < 1 << 20, "allocated " + used);
        assertEquals(java.util.List.of(2f, 4f, 6f, 8f, 10f), java.util.List.of(out.get(0, 0, 0), out.get(0, 0, 1),
                out.get(0, 0, 2), out.get(0, 0, 3), out.get(0, 0, 4)));
    }

    @Test
    void aTraceIsLimitedInBytesNotOnlyInSteps() {
        // 100000 steps of a 10 x 10 kernel: 1.4 GB of text
        Tensor in = new Tensor(1, 416, 416);
        ConvPlan plan = ConvPlan.of(ConvSpec.builder(ones(10, 10)).build(), in);
        WorkEstimate t = WorkEstimate.trace(plan, 0, 100_000);
        assertTrue(t.traceBytes() > 1_000_000_000L, "bytes " + t.traceBytes());
        WorkLimitException e = assertThrows(WorkLimitException.class, () -> LIMIT.check(t));
        assertEquals(WorkLimitException.Kind.TRACE, e.kind());
        assertTrue(e.message(Locale.ROOT).startsWith("the trace would be about 1.4 GB of text: 5.3 times the 268 MB allowed"),
                e.message(Locale.ROOT));
        LIMIT.check(WorkEstimate.trace(plan, 0, 100));
    }

    @Test
    void theLimitCanBeRaised() {
        Tensor in = new Tensor(1, 1, 1, new float[] {1});
        ConvPlan plan = ConvPlan.of(ConvSpec.builder(ones(1, 1)).padding(Padding.of(1000)).build(), in);
        WorkLimit small = new WorkLimit(10_000_000L, 10, 1000);
        assertThrows(WorkLimitException.class, () -> ConvEngine.run(plan, in, 1, small));
        assertEquals(2001, ConvEngine.run(plan, in, 1, small.times(10)).output().height());
        assertEquals(100_000_000L, small.times(10).memoryBytes());
        assertTrue(WorkLimit.standard().memoryBytes() < Runtime.getRuntime().maxMemory());
    }

    /** The estimate is an upper bound of what a run allocates, on random problems of every path, on one thread. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void theEstimateCoversWhatARunAllocates(long seed) {
        for (RandomCases.Case c : RandomCases.generate(seed * 7919, 60, 40)) {
            WorkEstimate w = WorkEstimate.of(c.plan(), 1);
            // The scalar path: the vector path's buffers are the same, but until C2 has compiled it
            // its vectors are short-lived objects (garbage, not held), which this count would include.
            ConvEngine.Tuning scalar = new ConvEngine.Tuning(0, Parallel.SMALL_WORK, false);
            ConvEngine.run(c.plan(), c.input(), null, 1, null, LIMIT, ConvEngine.Accuracy.EXACT, scalar); // warm up
            long before = allocatedBytes();
            ConvEngine.run(c.plan(), c.input(), null, 1, null, LIMIT, ConvEngine.Accuracy.EXACT, scalar);
            long used = allocatedBytes() - before;
            // 8 KB: the estimate's own objects, the rank-one test's factors, the result, the measuring
            assertTrue(used <= w.memoryBytes() + 8192, c.name() + ": allocated " + used + ", estimated " + w.memoryBytes());
        }
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void eachEstimatedPathIsTaken() {
        Random r = new Random(5);
        Tensor in = RandomCases.randomTensor(r, 1, 40, 40);
        float[] u = {1, 2, 3, 2, 1};
        float[] sep = new float[25];
        for (int i = 0; i < 25; i++) {
            sep[i] = u[i / 5] * u[i % 5];
        }
        ConvPlan separable = ConvPlan.of(ConvSpec.builder(new Kernel(1, 1, 5, 5, sep)).build(), in);
        assertEquals(WorkEstimate.Path.SEPARABLE, WorkEstimate.of(separable, 2).path());
        ConvPlan fast = ConvPlan.of(ConvSpec.builder(RandomCases.random(r, 1, 1, 3, 3)).build(), in);
        assertEquals(WorkEstimate.Path.FAST, WorkEstimate.of(fast, 2).path());
    }
}
