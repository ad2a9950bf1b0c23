package org.convlens.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineProgressTest {
    private static Tensor random(int c, int h, int w) {
        Random rnd = new Random(11);
        float[] d = new float[c * h * w];
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextFloat();
        }
        return new Tensor(c, h, w, d);
    }

    @Test
    void progressCountsEveryRowAndPoolingAndGivesTheSameResult() {
        Tensor in = random(3, 300, 200);
        ConvSpec spec = ConvSpec.builder(new Kernel(3, 1, 3, 3, new float[27])).groups(3).padding(Padding.SAME)
                .pool(PoolSpec.of(PoolSpec.Type.MAX, 2)).build();
        ConvPlan plan = ConvPlan.of(spec, in);
        List<long[]> seen = Collections.synchronizedList(new ArrayList<>());
        ConvEngine.Result r = ConvEngine.run(plan, in, 2, (done, total) -> seen.add(new long[] {done, total}));
        assertEquals(301, seen.size());
        long max = seen.stream().mapToLong(a -> a[0]).max().orElse(0);
        assertEquals(301, max);
        assertTrue(seen.stream().allMatch(a -> a[1] == 301));
        assertEquals(ConvEngine.run(plan, in, 2).output(), r.output());
    }

    @Test
    void anInterruptedRunStopsWithCancelled() {
        Tensor in = random(1, 64, 64);
        ConvPlan plan = ConvPlan.of(ConvSpec.builder(KernelPresets.get("box_blur")).build(), in);
        Thread.currentThread().interrupt();
        try {
            assertThrows(Parallel.CancelledException.class, () -> ConvEngine.run(plan, in, 1, (d, t) -> { }));
        } finally {
            Thread.interrupted();
        }
    }
}
