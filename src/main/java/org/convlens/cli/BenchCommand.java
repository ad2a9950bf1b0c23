package org.convlens.cli;

import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.Padding;
import org.convlens.engine.Parallel;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.Pooling;
import org.convlens.engine.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code bench [--json] [--case SUBSTRING] [--threads N] [--runs N]}: times the fast engine on
 * the standard cases, each after warm-up, at 1 thread and at all threads; prints the median.
 * Figures only: nothing here asserts a speed.
 */
@Command(name = "bench", sortOptions = false)
final class BenchCommand implements Callable<Integer> {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    /** Warm-up of a case ends by this long after its start, compiled or not. */
    private static final long WARM_UP_LIMIT_NS = 10_000_000_000L;
    private final CliContext ctx;

    @Mixin
    ConvLensCommand.HelpOption help;

    @Option(names = "--json", descriptionKey = "bench.json")
    boolean json;

    @Option(names = "--case", paramLabel = "SUBSTRING", descriptionKey = "bench.case")
    String filter = "";

    @Option(names = "--threads", paramLabel = "N", converter = Converters.Threads.class, descriptionKey = "bench.threads")
    Integer threads;

    @Option(names = "--runs", paramLabel = "N", converter = Converters.Runs.class, descriptionKey = "bench.runs")
    int runs = 7;

    BenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** A benchmark case: an input and a plan. */
    record Case(String name, int channelsIn, int height, int width, ConvSpec spec, boolean poolOnly) {
        Case(String name, int channelsIn, int size, ConvSpec spec) {
            this(name, channelsIn, size, size, spec, false);
        }

        Case(String name, int channelsIn, int size, ConvSpec spec, boolean poolOnly) {
            this(name, channelsIn, size, size, spec, poolOnly);
        }

        long pixels() {
            return (long) height * width;
        }
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Random rnd = new Random(42);
        for (int size : new int[] {1024, 4096}) {
            for (int k : new int[] {3, 5, 7, 11}) {
                for (int s : new int[] {1, 2}) {
                    ConvSpec spec = ConvSpec.builder(randomKernel(rnd, 1, 1, k)).stride(s).padding(Padding.SAME).build();
                    cases.add(new Case("conv" + size + "_k" + k + "_s" + s, 1, size, spec));
                }
            }
        }
        Kernel identity = new Kernel(1, 1, 1, 1, new float[] {1f});
        for (PoolSpec.Type t : PoolSpec.Type.values()) {
            ConvSpec spec = ConvSpec.builder(identity).pool(PoolSpec.of(t, 2)).build();
            cases.add(new Case(t.id() + "pool4096", 1, 4096, spec, true));
        }
        cases.add(new Case("rgb2048", 3, 2048,
                ConvSpec.builder(randomKernel(rnd, 8, 3, 3)).padding(Padding.SAME).build()));
        // Beyond the standard list: a separable kernel, which takes the separable path.
        cases.add(new Case("conv4096_gauss15_s1", 1, 4096,
                ConvSpec.builder(gaussian(15, 3.0)).padding(Padding.SAME).build()));
        // What the photo view runs: a 12 MP colour photo, one 3x3 kernel per channel (depthwise).
        cases.add(new Case("photo12mp_rgb_k3", 3, 3000, 4000,
                ConvSpec.builder(randomKernel(rnd, 3, 1, 3)).groups(3).padding(Padding.SAME).build(), false));
        return cases;
    }

    /** A normalised size x size Gaussian of standard deviation sigma: rank one. */
    static Kernel gaussian(int size, double sigma) {
        double[] g = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double d = i - (size - 1) / 2.0;
            g[i] = Math.exp(-d * d / (2 * sigma * sigma));
            sum += g[i];
        }
        float[] w = new float[size * size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                w[i * size + j] = (float) (g[i] * g[j] / (sum * sum));
            }
        }
        return new Kernel(1, 1, size, size, w);
    }

    private static Kernel randomKernel(Random rnd, int out, int in, int k) {
        float[] w = new float[out * in * k * k];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) rnd.nextGaussian();
        }
        return new Kernel(out, in, k, k, w);
    }

    @Override
    public Integer call() {
        PrintStream out = ctx.out();
        List<Integer> threadCounts = threads != null ? List.of(threads)
                : List.of(1, Parallel.availableThreads()).stream().distinct().toList();
        int matched = 0;
        for (Case c : cases()) {
            if (!c.name().contains(filter)) {
                continue;
            }
            matched++;
            Tensor input = randomInput(c);
            ConvPlan plan = ConvPlan.of(c.spec(), input);
            for (int n : threadCounts) {
                double[] cpu = new double[runs];
                double[] ms = c.poolOnly() ? timePool(plan, input, n, runs, cpu)
                        : time(plan, input, n, runs, cpu);
                double median = median(ms);
                Arrays.sort(cpu);
                double mpix = c.pixels() / (median / 1000.0) / 1e6;
                if (json) {
                    // On one thread the work runs on this thread: its CPU time is the time an idle core would take.
                    String cpuField = n == 1 ? String.format(Locale.ROOT, ", \"cpu_ms\": %.3f", median(cpu)) : "";
                    out.printf(Locale.ROOT, "{\"case\": \"%s\", \"threads\": %d, \"median_ms\": %.3f, \"mpix_s\": %.1f,"
                            + " \"path\": \"%s\"%s}%n", c.name(), n, median, mpix, ConvEngine.pathName(), cpuField);
                } else {
                    out.printf(Locale.ROOT, "%-18s threads %-3d median %9.3f ms   %8.1f Mpix/s   (min %.3f, max %.3f, %d runs)%n",
                            c.name(), n, median, mpix, ms[0], ms[ms.length - 1], ms.length);
                }
                out.flush();
            }
        }
        matched += NetworkBench.run(filter, threadCounts, runs, json, out);
        if (matched == 0) {
            ctx.err().println(ctx.text("error.noCase", filter));
            return Cli.BAD_INPUT;
        }
        return Cli.OK;
    }

    private static Tensor randomInput(Case c) {
        Random rnd = new Random(7);
        float[] d = new float[(int) (c.channelsIn() * c.pixels())];
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextFloat();
        }
        return new Tensor(c.channelsIn(), c.height(), c.width(), d);
    }

    /**
     * Sorted run times in ms, after warm-up runs: at least 3 and half a second, then until a run
     * is within 1.3x of the fastest so far and the JIT has been quiet for 300 ms (at most 10 s),
     * because the vector path's compiled code comes from C2 only after seconds (its interpreted
     * and C1 code is 50x slower). The output
     * tensors are reused from run to run, as a live view does, so the figure is the computation,
     * not the zeroing of a fresh 64 MB array. Rank-one kernels may take the separable path.
     */
    private static double[] time(ConvPlan plan, Tensor input, int threads, int runs, double[] cpu) {
        long start = System.nanoTime();
        ConvEngine.Result[] res = {null};
        Runnable once = () -> res[0] = ConvEngine.run(plan, input, res[0], threads, null,
                ConvEngine.Accuracy.SEPARABLE_ALLOWED);
        double best = Double.MAX_VALUE;
        double last = Double.MAX_VALUE;
        JitQuiet jit = new JitQuiet();
        for (int i = 0; i < 3 || System.nanoTime() - start < 500_000_000L
                || ((last > 1.3 * best || !jit.quiet()) && System.nanoTime() - start < WARM_UP_LIMIT_NS); i++) {
            long t0 = System.nanoTime();
            once.run();
            last = (System.nanoTime() - t0) / 1e6;
            best = Math.min(best, last);
        }
        double[] ms = timed(once, runs, cpu);
        if (res[0].output().data().length == 0) {
            throw new AssertionError();
        }
        return ms;
    }

    /**
     * As {@link #time}, for the pooling stage alone over the input (the identity 1x1 conv is not
     * timed): after the vector path's warm-up thread is done too, half a second more and until
     * the JIT is quiet (each at most 10 s from the start).
     */
    private static double[] timePool(ConvPlan plan, Tensor input, int threads, int runs, double[] cpu) {
        Tensor out = new Tensor(input.channels(), plan.poolY().size(), plan.poolX().size());
        long start = System.nanoTime();
        long warmEnd = start + 500_000_000L;
        JitQuiet jit = new JitQuiet();
        for (int i = 0; i < 3 || System.nanoTime() < warmEnd
                || (!jit.quiet() && System.nanoTime() - start < WARM_UP_LIMIT_NS); i++) {
            Pooling.pool(plan, input, out, threads);
            if (Pooling.vectorPathWarmingUp() && System.nanoTime() - start < WARM_UP_LIMIT_NS) {
                warmEnd = System.nanoTime() + 500_000_000L;
            }
        }
        return timed(() -> Pooling.pool(plan, input, out, threads), runs, cpu);
    }

    /** Runs {@code once} {@code runs} times: sorted wall times in ms, each run's CPU time in {@code cpu}. */
    private static double[] timed(Runnable once, int runs, double[] cpu) {
        double[] ms = new double[runs];
        for (int r = 0; r < runs; r++) {
            long c0 = CPU.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            once.run();
            ms[r] = (System.nanoTime() - t0) / 1e6;
            cpu[r] = (CPU.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    /**
     * Whether the JIT has compiled nothing for the last 300 ms: C2 takes seconds to reach the
     * engine's loops, and until it has, every run is slow alike, so "within 1.3x of the fastest"
     * alone can stop the warm-up on interpreted or C1 code (the first case of a JVM measured 2x
     * to 5x its steady time).
     */
    static final class JitQuiet {
        private final java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        private long seen = -1;
        private long since = System.nanoTime();

        boolean quiet() {
            if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
                return true;
            }
            long total = jit.getTotalCompilationTime();
            long now = System.nanoTime();
            if (total != seen) {
                seen = total;
                since = now;
            }
            return now - since >= 300_000_000L;
        }
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
