package org.convlens.train;

import org.convlens.network.Network;
import org.convlens.network.NetworkPlan;
import org.convlens.network.Shape;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The thread CPU time of the default network's training passes alone (forward and backward, no
 * optimiser step, no test pass) over the shipped 10,000 training images in shards of 16 (a batch
 * of 64 cut as {@link Trainer} cuts it), one thread: a figure a busy machine disturbs less than
 * the wall-clock time of {@code tools/bench/train_vs_torch.py}. The weights stay as initialised,
 * so every epoch computes the same gradients; their hash, printed per epoch, tells whether two
 * builds give the same bits. Not a test. Run after {@code mvn -B test-compile}:
 * <pre>
 * java -cp target/classes:target/test-classes org.convlens.train.BatchPassBench [epochs]
 * </pre>
 */
public final class BatchPassBench {
    private BatchPassBench() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        Dataset train = IdxFiles.fashion().train();
        Network net = Weights.defaultNetwork(Shape.of(train.channels(), train.height(), train.width()),
                train.classCount(), 1);
        NetworkPlan plan = NetworkPlan.of(net);
        int shard = 16;
        BatchPass pass = new BatchPass(plan, shard);
        int n = train.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) (i * 7919L % n);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] seconds = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            long hash = 17;
            long t0 = mx.getCurrentThreadCpuTime();
            for (int f = 0; f < n; f += shard) {
                pass.train(plan, train, order, f, Math.min(shard, n - f), 1f / 64);
                hash = hash(hash, pass.weightGrad);
                hash = hash(hash, pass.biasGrad);
                hash = hash * 31 + Double.doubleToRawLongBits(pass.lossSum);
            }
            seconds[e] = (mx.getCurrentThreadCpuTime() - t0) / 1e9;
            System.out.printf("epoch %d: %.3f s CPU, gradients %016x%n", e + 1, seconds[e], hash);
        }
        double[] warm = Arrays.copyOfRange(seconds, 1, epochs);
        Arrays.sort(warm);
        System.out.printf("after the first: median %.3f s, best %.3f s%n", warm[warm.length / 2], warm[0]);
    }

    private static long hash(long h, float[][] arrays) {
        for (float[] a : arrays) {
            if (a != null) {
                for (float v : a) {
                    h = h * 31 + Float.floatToRawIntBits(v);
                }
            }
        }
        return h;
    }
}
