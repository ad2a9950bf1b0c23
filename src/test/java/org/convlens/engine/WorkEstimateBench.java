package org.convlens.engine;

import java.util.Arrays;
import java.util.Random;

/**
 * The time {@link WorkEstimate} reckons next to the time measured, path by path, in one session:
 * to check and recalibrate its rates (the {@code *_NS_*} constants) on an idle machine.
 * Not a test. Run after {@code mvn -B test-compile}:
 * <pre>
 * java -cp target/classes:target/test-classes org.convlens.engine.WorkEstimateBench [threads]
 * </pre>
 * Prints, per case, the path, the estimate, the median of five runs and their ratio (above 1:
 * the estimate is low).
 */
public final class WorkEstimateBench {
    private WorkEstimateBench() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        Random r = new Random(1);
        float[] box = new float[301 * 301];
        Arrays.fill(box, 1f);
        float[] box5 = new float[25];
        Arrays.fill(box5, 1f);
        float[] k1025 = new float[1025];
        k1025[512] = 1f;
        Object[][] cases = {
            {"fast 3x3 on 2048", ConvSpec.builder(RandomCases.random(r, 1, 1, 3, 3)).padding(Padding.SAME).build(), 1, 2048, 2048},
            {"fast 11x11 on 1024", ConvSpec.builder(RandomCases.random(r, 1, 1, 11, 11)).padding(Padding.SAME).build(), 1, 1024, 1024},
            {"fast 3 -> 8 channels 3x3 on 512", ConvSpec.builder(RandomCases.random(r, 8, 3, 3, 3)).padding(Padding.SAME).build(), 3, 512, 512},
            {"fast 100x100 on 300", ConvSpec.builder(RandomCases.random(r, 1, 1, 100, 100)).padding(Padding.SAME).build(), 1, 300, 300},
            {"fast 1x1, padding 3000, on 10x10", ConvSpec.builder(RandomCases.random(r, 1, 1, 1, 1)).padding(Padding.of(3000)).build(), 1, 10, 10},
            {"separable 5x5 on 2048", ConvSpec.builder(new Kernel(1, 1, 5, 5, box5)).padding(Padding.SAME).build(), 1, 2048, 2048},
            {"separable 301x301 on 800", ConvSpec.builder(new Kernel(1, 1, 301, 301, box)).padding(Padding.SAME).build(), 1, 800, 800},
            {"direct 1x1025 dilation 2^20 on 64x64", ConvSpec.builder(new Kernel(1, 1, 1, 1025, k1025)).dilation(1, 1 << 20)
                    .padding(Padding.SAME).build(), 1, 64, 64},
            {"pool max 2x2 on 2048", ConvSpec.builder(Kernel.of(new int[][] {{1}})).pool(PoolSpec.of(PoolSpec.Type.MAX, 2)).build(), 1, 2048, 2048},
        };
        System.out.printf("%-40s %-10s %10s %10s %6s%n", "case", "path", "estimate", "measured", "ratio");
        for (Object[] c : cases) {
            Tensor in = RandomCases.randomTensor(r, (int) c[2], (int) c[3], (int) c[4]);
            ConvPlan plan = ConvPlan.of((ConvSpec) c[1], in);
            WorkEstimate w = WorkEstimate.of(plan, threads);
            double[] t = new double[7];
            for (int i = 0; i < t.length; i++) {
                long start = System.nanoTime();
                ConvEngine.run(plan, in, threads, WorkLimit.unlimited());
                t[i] = (System.nanoTime() - start) / 1e9;
            }
            double[] last = Arrays.copyOfRange(t, 2, t.length);
            Arrays.sort(last);
            double median = last[last.length / 2];
            System.out.printf("%-40s %-10s %9.4fs %9.4fs %6.2f%n", c[0], w.path(), w.seconds(), median, median / w.seconds());
        }
    }
}
