package org.convlens.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link ConvPlan#withWeights} gives what {@link ConvPlan#of} gives for the new weights. */
class ConvPlanWeightsTest {
    @ParameterizedTest(name = "transposed {0} flip {1} groups {2}")
    @CsvSource({"false,false,1", "false,true,2", "true,false,1", "true,true,2"})
    void newWeightsRunAsAFreshPlan(boolean transposed, boolean flip, int groups) {
        Random r = new Random(7);
        int cin = 4;
        int cout = 6;
        int d0 = transposed ? cin : cout;
        int d1 = transposed ? cout / groups : cin / groups;
        ConvSpec first = spec(new Kernel(d0, d1, 3, 2, random(r, d0 * d1 * 6)), random(r, cout), transposed, flip,
                groups);
        ConvSpec second = spec(new Kernel(d0, d1, 3, 2, random(r, d0 * d1 * 6)), random(r, cout), transposed, flip,
                groups);
        Tensor in = new Tensor(cin, 9, 7, random(r, cin * 9 * 7));
        ConvPlan kept = ConvPlan.of(first, in).withWeights(second);
        ConvPlan fresh = ConvPlan.of(second, in);
        assertArrayEquals(fresh.directKernel().data(), kept.directKernel().data());
        ConvEngine.Result a = ConvEngine.run(fresh, in, 1);
        ConvEngine.Result b = ConvEngine.run(kept, in, 1);
        assertArrayEquals(a.featureMap().data(), b.featureMap().data());
        assertArrayEquals(a.pooled().data(), b.pooled().data());
    }

    @Test
    void otherSettingsAreRefused() {
        Random r = new Random(8);
        ConvSpec s = ConvSpec.builder(new Kernel(2, 1, 3, 3, random(r, 18))).build();
        ConvPlan p = ConvPlan.of(s, 1, 8, 8);
        assertThrows(IllegalArgumentException.class, () -> p.withWeights(s.toBuilder().stride(2, 1).build()));
        assertThrows(IllegalArgumentException.class,
                () -> p.withWeights(ConvSpec.builder(new Kernel(2, 1, 3, 2, random(r, 12))).build()));
    }

    private static ConvSpec spec(Kernel k, float[] bias, boolean transposed, boolean flip, int groups) {
        return ConvSpec.builder(k).bias(bias).transposed(transposed).flip(flip).groups(groups).stride(2, 1)
                .padding(Padding.of(1)).activation(Activation.RELU).pool(PoolSpec.of(PoolSpec.Type.MAX, 2)).build();
    }

    private static float[] random(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }
    @Test
    void theEnginesEstimateIsKeptAndHandedOnWithNewWeights() {
        Random r = new Random(3);
        ConvSpec first = spec(new Kernel(6, 4, 3, 2, random(r, 6 * 4 * 6)), random(r, 6), false, false, 1);
        ConvSpec second = spec(new Kernel(6, 4, 3, 2, random(r, 6 * 4 * 6)), random(r, 6), false, false, 1);
        ConvPlan plan = ConvPlan.of(first, 4, 40, 50);
        WorkEstimate two = plan.estimate(2, false, false);
        org.junit.jupiter.api.Assertions.assertSame(two, plan.estimate(2, false, false), "kept for the next run");
        org.junit.jupiter.api.Assertions.assertSame(two, plan.withWeights(second).estimate(2, false, false),
                "handed on: the shapes are the same");
        for (int threads : new int[] {1, 2, 8}) {
            WorkEstimate want = WorkEstimate.of(plan, threads, false, false);
            WorkEstimate got = plan.estimate(threads, false, false);
            org.junit.jupiter.api.Assertions.assertEquals(want.path(), got.path());
            org.junit.jupiter.api.Assertions.assertEquals(want.memoryBytes(), got.memoryBytes(), "threads " + threads);
            org.junit.jupiter.api.Assertions.assertEquals(want.multiplyAdds(), got.multiplyAdds());
            org.junit.jupiter.api.Assertions.assertEquals(want.seconds(), got.seconds());
        }
    }
}
