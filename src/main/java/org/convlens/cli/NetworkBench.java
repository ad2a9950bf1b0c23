package org.convlens.cli;

import org.convlens.engine.Activation;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.Padding;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.Tensor;
import org.convlens.network.ConvLayer;
import org.convlens.network.FieldTracer;
import org.convlens.network.FlattenLayer;
import org.convlens.network.Forward;
import org.convlens.network.Layer;
import org.convlens.network.LinearLayer;
import org.convlens.network.Network;
import org.convlens.network.NetworkMaps;
import org.convlens.network.NetworkPlan;
import org.convlens.network.PoolLayer;
import org.convlens.network.Shape;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * The {@code bench} subcommand's network cases: LeNet-5's forward pass on 256 images of 28 x 28
 * (the images shared out across threads), a VGG block (64 channels, two 3x3 layers with ReLU) on
 * 56 x 56, and lighting a receptive field after a click on a ten-layer stack over 256 x 256 (what
 * one cell reads in every map, and what one input cell feeds). {@code tools/bench/network_vs_torch.py}
 * times PyTorch on the same networks in the same session.
 */
final class NetworkBench {
    private NetworkBench() {
    }

    /** A case: a name, the input pixels of one run, and the run at a thread count. */
    record Case(String name, long pixels, boolean threaded, IntConsumer run) {
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Random r = new Random(5);
        NetworkPlan lenet = NetworkPlan.of(lenet5(r));
        Forward lf = new Forward(lenet);
        List<Tensor> images = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            images.add(new Tensor(1, 28, 28, values(r, 28 * 28, 1f)));
        }
        cases.add(new Case("lenet5_x256", 256L * 28 * 28, true, threads -> lf.outputs(images, threads)));
        NetworkPlan vgg = NetworkPlan.of(new Network(Shape.of(64, 56, 56), List.of(conv3x3(r, 64, 64), conv3x3(r, 64, 64))));
        Forward vf = new Forward(vgg);
        Tensor in = new Tensor(64, 56, 56, values(r, 64 * 56 * 56, 1f));
        NetworkMaps[] reuse = new NetworkMaps[1];
        cases.add(new Case("vgg64_56", 56L * 56, true, threads -> reuse[0] = vf.run(in, reuse[0], threads)));
        List<Layer> stack = new ArrayList<>();
        stack.add(conv3x3(r, 8, 1));
        for (int i = 1; i < 10; i++) {
            stack.add(conv3x3(r, 8, 8));
        }
        NetworkPlan tall = NetworkPlan.of(new Network(Shape.of(1, 256, 256), stack));
        FieldTracer tracer = new FieldTracer(tall);
        int last = tall.maps().size() - 1;
        int[] click = {0};
        cases.add(new Case("field10x256_click", 256L * 256, false, threads -> {
            int i = click[0]++;
            tracer.reads(last, i % 8, (i * 37) % 256, (i * 91) % 256);
            tracer.reaches(0, 0, (i * 53) % 256, (i * 29) % 256);
        }));
        return cases;
    }

    /** Runs the cases whose name contains {@code filter}; returns how many matched. */
    static int run(String filter, List<Integer> threadCounts, int runs, boolean json, PrintStream out) {
        int matched = 0;
        for (Case c : cases()) {
            if (!c.name().contains(filter)) {
                continue;
            }
            matched++;
            for (int threads : c.threaded() ? threadCounts : List.of(1)) {
                double[][] times = time(c, threads, runs);
                double[] ms = times[0];
                double median = median(ms);
                double mpix = c.pixels() / (median / 1000.0) / 1e6;
                if (json) {
                    String cpu = threads == 1 ? String.format(Locale.ROOT, ", \"cpu_ms\": %.3f", median(times[1])) : "";
                    out.printf(Locale.ROOT, "{\"case\": \"%s\", \"threads\": %d, \"median_ms\": %.3f, \"mpix_s\": %.1f%s}%n",
                            c.name(), threads, median, mpix, cpu);
                } else {
                    out.printf(Locale.ROOT, "%-18s threads %-3d median %9.3f ms   %8.1f Mpix/s   (min %.3f, max %.3f, %d runs)%n",
                            c.name(), threads, median, mpix, ms[0], ms[ms.length - 1], ms.length);
                }
                out.flush();
            }
        }
        return matched;
    }

    /**
     * Sorted run times in ms after warm-up (at least 10 runs and one second: on a loaded machine
     * half a second left C2 still compiling the loops): wall clock, and the calling thread's CPU
     * time (all the work at one thread; on a busy machine it shows the work without the waits).
     */
    private static double[][] time(Case c, int threads, int runs) {
        long warmEnd = System.nanoTime() + 1_000_000_000L;
        for (int i = 0; i < 10 || System.nanoTime() < warmEnd; i++) {
            c.run().accept(threads);
        }
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        double[] ms = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = bean.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            c.run().accept(threads);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (bean.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        return new double[][] {ms, cpu};
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** LeNet-5 as PyTorch tutorials and torchsummary show it (conv 5x5 padding 2, max pools, 400-120-84-10). */
    static Network lenet5(Random r) {
        return new Network(Shape.of(1, 28, 28), List.of(
                new ConvLayer(ConvSpec.builder(kernel(r, 6, 1, 5)).bias(values(r, 6, 0.2f)).padding(Padding.of(2))
                        .activation(Activation.RELU).pool(PoolSpec.of(PoolSpec.Type.MAX, 2)).build()),
                new ConvLayer(ConvSpec.builder(kernel(r, 16, 6, 5)).bias(values(r, 16, 0.08f))
                        .activation(Activation.RELU).build()),
                new PoolLayer(PoolSpec.of(PoolSpec.Type.MAX, 2)),
                new FlattenLayer(),
                linear(r, 120, 400, Activation.RELU),
                linear(r, 84, 120, Activation.RELU),
                linear(r, 10, 84, Activation.NONE)));
    }

    private static ConvLayer conv3x3(Random r, int out, int in) {
        return new ConvLayer(ConvSpec.builder(kernel(r, out, in, 3)).bias(values(r, out, 0.1f)).padding(Padding.of(1))
                .activation(Activation.RELU).build());
    }

    /** Weights as PyTorch initialises them: uniform in +-1/sqrt(fan in). */
    private static Kernel kernel(Random r, int out, int in, int k) {
        return new Kernel(out, in, k, k, values(r, out * in * k * k, (float) (1 / Math.sqrt(in * k * k))));
    }

    private static LinearLayer linear(Random r, int out, int in, Activation a) {
        float b = (float) (1 / Math.sqrt(in));
        return new LinearLayer(out, in, values(r, out * in, b), values(r, out, b), a);
    }

    private static float[] values(Random r, int n, float bound) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (r.nextFloat() * 2 - 1) * bound;
        }
        return v;
    }
}
