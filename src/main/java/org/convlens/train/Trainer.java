package org.convlens.train;

import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.Parallel;
import org.convlens.engine.Tensor;
import org.convlens.engine.WorkEstimate;
import org.convlens.network.ConvLayer;
import org.convlens.network.Forward;
import org.convlens.network.LayerPlan;
import org.convlens.network.Network;
import org.convlens.network.NetworkMaps;
import org.convlens.network.NetworkPlan;
import org.convlens.network.Shape;
import org.convlens.network.grad.BackwardStep;
import org.convlens.network.grad.ConvBackward;
import org.convlens.network.grad.Losses;
import org.convlens.network.grad.NetworkBackward;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Trains a network on a {@link DataSplit} in the caller's thread: {@link #run} goes through the
 * epochs, each a shuffled pass over the training set in mini-batches followed by a pass over the
 * test set, and tells an {@link Observer} after every batch and every epoch. Another thread may
 * {@link #pause}, {@link #resume} or {@link #cancel} it (each takes effect between two batches) and
 * read {@link #snapshot} (the weights after the last step), {@link #layerSpec}/{@link #kernelSpec}
 * (a learned kernel as a single-layer spec the stepper opens) and {@link #backwardStep} (a layer's
 * backward step on a test image as the convolution it is) at any time.
 *
 * <p>A batch is cut into {@link #SHARDS} shards of consecutive images; each shard's forward and
 * backward pass runs on one thread ({@link BatchPass}: the conv layers through
 * {@link org.convlens.network.grad.BatchCanvas}) and the shards' gradients are added in shard
 * order, so a seed gives the same weights whatever the thread count.
 */
public final class Trainer {
    /** Shards a batch is cut into. */
    public static final int SHARDS = 4;

    /** How a run ended. */
    public enum Outcome {
        /** Every epoch ran. */
        FINISHED,
        /** {@link #cancel()} (or an interrupt) stopped it between two batches. */
        CANCELLED,
        /** The loss or a weight stopped being a finite number (a learning rate too large): stopped. */
        DIVERGED
    }

    /**
     * After each batch.
     *
     * @param epoch 1-based
     * @param batch 1-based within the epoch
     * @param batches batches in an epoch
     * @param loss the batch's mean loss
     * @param accuracy the share of the batch's images classified right
     * @param seconds since the epoch started (pauses left out)
     */
    public record BatchProgress(int epoch, int batch, int batches, float loss, float accuracy, double seconds) {
    }

    /**
     * After each epoch.
     *
     * @param epoch 1-based
     * @param loss the epoch's mean training loss (each batch's loss as it was computed, before its step)
     * @param trainAccuracy the share of training images classified right as they went by
     * @param testAccuracy the share of test images classified right after the epoch
     * @param testLoss the mean loss on the test set
     * @param seconds the epoch's time, the test pass included (pauses left out)
     */
    public record EpochResult(int epoch, float loss, float trainAccuracy, float testAccuracy, float testLoss,
                              double seconds) {
    }

    /** What {@link #run} reports; called on the training thread. */
    public interface Observer {
        default void batch(BatchProgress p) {
        }

        default void epoch(EpochResult e) {
        }
    }

    private final DataSplit data;
    private final TrainSettings settings;
    private final Network shape;
    private final int capacity;
    private final BatchPass[] passes;
    private final float[][] weights;
    private final float[][] biases;
    private final int[] paramLayer;
    private final Object lock = new Object();
    private volatile boolean paused;
    private volatile boolean cancelled;
    private volatile Network current;
    private volatile int[][] confusion;
    private final List<EpochResult> history = Collections.synchronizedList(new ArrayList<>());

    /**
     * Checks the network against the data and the run's memory against the settings' limit,
     * then allocates what the run needs. The network's weights are the starting point as they are
     * (see {@link Weights#heInitialised} for fresh ones).
     *
     * @throws DataException on {@code $} if the images are not the network's input shape or its
     *     output is not a vector with one value per class
     * @throws org.convlens.engine.WorkLimitException if the run would take more memory than the limit
     */
    public Trainer(Network net, DataSplit data, TrainSettings settings) {
        this.data = Objects.requireNonNull(data, "data");
        this.settings = Objects.requireNonNull(settings, "settings");
        NetworkPlan plan = NetworkPlan.of(net);
        check(plan, data);
        if (data.train().size() == 0 || data.test().size() == 0) {
            throw new DataException(data.train().name(), "data.empty");
        }
        this.capacity = (Math.min(settings.batchSize(), data.train().size()) + SHARDS - 1) / SHARDS;
        WorkEstimate e = estimate(plan, data, settings);
        settings.limit().check(new WorkEstimate(null, e.memoryBytes(), e.multiplyAdds(), 0, 0, e.largestPart(),
                e.largestBytes()));
        this.shape = net;
        this.current = net;
        this.passes = new BatchPass[SHARDS];
        for (int s = 0; s < SHARDS; s++) {
            passes[s] = new BatchPass(plan, capacity);
        }
        float[][] w = Weights.weights(net);
        float[][] b = Weights.biases(net);
        List<Integer> layers = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            if (w[i] != null) {
                layers.add(i);
            }
        }
        paramLayer = layers.stream().mapToInt(Integer::intValue).toArray();
        weights = w;
        biases = b;
    }

    /** Refuses a network that cannot be trained on {@code data}: one line saying why. */
    static void check(NetworkPlan plan, DataSplit data) {
        Shape in = plan.input();
        Dataset t = data.train();
        if (in.channels() != t.channels() || in.height() != t.height() || in.width() != t.width()) {
            throw new DataException("$", "train.inputShape",
                    in.toString(), t.channels() + " x " + t.height() + " x " + t.width());
        }
        Shape out = plan.output();
        if (!out.flat() || out.channels() != t.classCount()) {
            throw new DataException("$", "train.outputShape",
                    out.toString(), t.classCount());
        }
    }

    /**
     * What a run takes, from the plan alone: the memory of its shards' buffers and the optimiser's
     * state (checked against the limit; a run may take as long as it is let), and the time its
     * multiply-adds take at the engine's measured rates (a backward pass counted as two forward).
     */
    public static WorkEstimate estimate(NetworkPlan plan, DataSplit data, TrainSettings s) {
        int cap = (Math.min(s.batchSize(), Math.max(1, data.train().size())) + SHARDS - 1) / SHARDS;
        long bytes = SHARDS * BatchPass.bytes(plan, cap) + 16L * plan.parameters();
        long images = (long) s.epochs() * (3L * data.train().size() + data.test().size());
        double seconds = plan.estimate(1).seconds() * images / s.threads();
        long macs = plan.macs() * images;
        return new WorkEstimate(null, bytes, macs, seconds, 0, TrainText.TEXT.phraseOf("part.training", SHARDS, cap),
                bytes);
    }

    /** The settings of this run. */
    public TrainSettings settings() {
        return settings;
    }

    /**
     * Runs every epoch (or until cancelled or diverged) on the calling thread, telling
     * {@code observer} as it goes. Run it once.
     */
    public Outcome run(Observer observer) {
        Objects.requireNonNull(observer, "observer");
        Dataset train = data.train();
        int n = train.size();
        int batch = Math.min(settings.batchSize(), n);
        int batches = (n + batch - 1) / batch;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random shuffle = new Random(settings.seed() * 0x9E3779B97F4A7C15L + 1);
        int[] sizes = new int[paramLayer.length * 2];
        float[][] params = new float[sizes.length][];
        float[][] grads = new float[sizes.length][];
        for (int j = 0; j < paramLayer.length; j++) {
            params[2 * j] = weights[paramLayer[j]];
            params[2 * j + 1] = biases[paramLayer[j]];
            sizes[2 * j] = params[2 * j].length;
            sizes[2 * j + 1] = params[2 * j + 1].length;
            grads[2 * j] = new float[sizes[2 * j]];
            grads[2 * j + 1] = new float[sizes[2 * j + 1]];
        }
        Optimizer optimizer = new Optimizer(settings, sizes);
        // One plan for every batch where the plans read the weights in place (made per batch else).
        Network live = Weights.live(shape, weights, biases);
        NetworkPlan livePlan = live == null ? null : NetworkPlan.of(live);
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            long start = System.nanoTime();
            long pausedNanos = 0;
            for (int i = n - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double lossSum = 0;
            long correct = 0;
            for (int k = 0; k < batches; k++) {
                long waited = waitWhilePaused();
                pausedNanos += waited;
                if (waited < 0 || cancelled) {
                    return Outcome.CANCELLED;
                }
                int from = k * batch;
                int size = Math.min(batch, n - from);
                NetworkPlan plan = livePlan != null ? livePlan : NetworkPlan.of(current);
                float[] step;
                try {
                    step = step(plan, train, order, from, size);
                } catch (org.convlens.engine.SpecException e) {
                    // A map or gradient overflowed to infinity and the engine refused it as a kernel
                    // (the first batch's; later a gradient canvas is not checked again, and an
                    // overflow shows in the loss or in the weights, both checked below).
                    step = new float[] {Float.NaN, 0};
                }
                lossSum += step[0] * size;
                correct += (long) step[1];
                double seconds = (System.nanoTime() - start - pausedNanos) / 1e9;
                observer.batch(new BatchProgress(epoch, k + 1, batches, step[0], step[1] / size, seconds));
                if (!Float.isFinite(step[0])) {
                    return Outcome.DIVERGED;
                }
                for (int j = 0; j < paramLayer.length; j++) {
                    sumShards(paramLayer[j], grads[2 * j], grads[2 * j + 1]);
                }
                optimizer.step(params, grads, settings.learningRate());
                if (!allFinite(params)) {
                    return Outcome.DIVERGED;
                }
                synchronized (lock) {
                    current = Weights.with(shape, weights, biases);
                }
            }
            float[] test = evaluate(livePlan != null ? livePlan : NetworkPlan.of(current));
            if (test == null) {
                return Outcome.CANCELLED;
            }
            double seconds = (System.nanoTime() - start - pausedNanos) / 1e9;
            EpochResult r = new EpochResult(epoch, (float) (lossSum / n), (float) correct / n, test[1], test[0], seconds);
            history.add(r);
            observer.epoch(r);
        }
        return Outcome.FINISHED;
    }

    /** One step's forward and backward pass over {@code order[from, from + size)}: {mean loss, correct}. */
    private float[] step(NetworkPlan plan, Dataset train, int[] order, int from, int size) {
        float scale = 1f / size;
        int per = capacity;
        int shards = (size + per - 1) / per;
        Parallel.forRange(shards, settings.threads(), Long.MAX_VALUE, (a, b) -> {
            for (int s = a; s < b; s++) {
                int f = from + s * per;
                passes[s].train(plan, train, order, f, Math.min(per, from + size - f), scale);
            }
        });
        for (int s = shards; s < SHARDS; s++) {
            passes[s].images = 0;
        }
        double loss = 0;
        int correct = 0;
        for (int s = 0; s < shards; s++) {
            loss += passes[s].lossSum;
            correct += passes[s].correct;
        }
        return new float[] {(float) (loss / size), correct};
    }

    /** The shards' gradients of layer {@code i}, added in shard order. */
    private void sumShards(int i, float[] w, float[] b) {
        java.util.Arrays.fill(w, 0f);
        java.util.Arrays.fill(b, 0f);
        for (BatchPass p : passes) {
            if (p.images == 0) {
                continue;
            }
            float[] pw = p.weightGrad[i];
            float[] pb = p.biasGrad[i];
            for (int j = 0; j < w.length; j++) {
                w[j] += pw[j];
            }
            for (int j = 0; j < b.length; j++) {
                b[j] += pb[j];
            }
        }
    }

    /** {mean loss, accuracy} on the test set, and the confusion matrix; null if cancelled meanwhile. */
    private float[] evaluate(NetworkPlan plan) {
        Dataset test = data.test();
        int n = test.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int k = test.classCount();
        int[][][] conf = new int[SHARDS][k][k];
        double[] loss = new double[SHARDS];
        int[] correct = new int[SHARDS];
        Parallel.forRange(SHARDS, settings.threads(), Long.MAX_VALUE, (a, b) -> {
            for (int s = a; s < b; s++) {
                int lo = (int) ((long) n * s / SHARDS);
                int hi = (int) ((long) n * (s + 1) / SHARDS);
                for (int f = lo; f < hi && !cancelled; f += capacity) {
                    int m = Math.min(capacity, hi - f);
                    passes[s].test(plan, test, order, f, m);
                    loss[s] += passes[s].lossSum;
                    correct[s] += passes[s].correct;
                    for (int j = 0; j < m; j++) {
                        conf[s][test.label(f + j)][passes[s].predicted[j]]++;
                    }
                }
            }
        });
        if (cancelled) {
            return null;
        }
        double l = 0;
        int c = 0;
        int[][] total = new int[k][k];
        for (int s = 0; s < SHARDS; s++) {
            l += loss[s];
            c += correct[s];
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    total[a][b] += conf[s][a][b];
                }
            }
        }
        confusion = total;
        return new float[] {(float) (l / n), (float) c / n};
    }

    private static boolean allFinite(float[][] params) {
        for (float[] p : params) {
            for (float v : p) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Waits while paused: the nanoseconds waited, or -1 if cancelled or interrupted meanwhile. */
    private long waitWhilePaused() {
        if (Thread.currentThread().isInterrupted()) {
            cancelled = true;
            return -1;
        }
        if (!paused) {
            return 0;
        }
        long t0 = System.nanoTime();
        synchronized (lock) {
            while (paused && !cancelled) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancelled = true;
                }
            }
        }
        return cancelled ? -1 : System.nanoTime() - t0;
    }

    /** Holds the run before its next batch (from any thread). */
    public void pause() {
        synchronized (lock) {
            paused = true;
        }
    }

    /** Lets a paused run go on. */
    public void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
    }

    /** Stops the run before its next batch (or during its test pass); {@link #run} then returns {@link Outcome#CANCELLED}. */
    public void cancel() {
        synchronized (lock) {
            cancelled = true;
            lock.notifyAll();
        }
    }

    public boolean isPaused() {
        return paused;
    }

    /** The network with the weights after the last step (the starting weights before the first). */
    public Network snapshot() {
        return current;
    }

    /** Every finished epoch's result so far. */
    public List<EpochResult> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /** The last test pass's confusion matrix ({@code [true class][predicted class]} counts), or null before one. */
    public int[][] confusion() {
        int[][] c = confusion;
        if (c == null) {
            return null;
        }
        int[][] copy = new int[c.length][];
        for (int i = 0; i < c.length; i++) {
            copy[i] = c[i].clone();
        }
        return copy;
    }

    /**
     * Conv layer {@code layer} with its current weights as a single-layer spec: every setting of
     * the layer (stride, padding, activation, pooling...), kernel and bias as learned.
     *
     * @throws IllegalArgumentException if the layer is not a conv layer
     */
    public ConvSpec layerSpec(int layer) {
        return convLayer(snapshot(), layer).spec();
    }

    /**
     * The learned kernel of output channel {@code out} of conv layer {@code layer} as a
     * single-layer spec: its {@code Cin/groups x kh x kw} weights and its bias, the layer's
     * stride, padding, dilation and activation (groups 1, no pooling): what the stepper and the
     * Photos tab open.
     */
    public ConvSpec kernelSpec(int layer, int out) {
        ConvSpec s = convLayer(snapshot(), layer).spec();
        if (s.transposed()) {
            throw new IllegalArgumentException("layer " + layer + " is a transposed convolution");
        }
        Kernel k = s.kernel();
        if (out < 0 || out >= k.dim0()) {
            throw new IllegalArgumentException("output channel " + out + " is not in 0.." + (k.dim0() - 1));
        }
        int per = k.dim1() * k.height() * k.width();
        float[] w = java.util.Arrays.copyOfRange(k.data(), out * per, (out + 1) * per);
        float[] bias = s.bias() == null ? null : new float[] {s.bias()[out]};
        return s.toBuilder().kernel(new Kernel(1, k.dim1(), k.height(), k.width(), w)).bias(bias).groups(1)
                .pool(null).build();
    }

    /**
     * The backward step of conv layer {@code layer} for test image {@code image} with the current
     * weights and the cross-entropy against its label: {@link BackwardStep.Kind#INPUT} is the
     * transposed convolution of the layer's output gradient, {@link BackwardStep.Kind#KERNEL} the
     * correlation of its input with that gradient; both with their real numbers.
     */
    public BackwardStep backwardStep(int layer, int image, BackwardStep.Kind kind) {
        NetworkPlan plan = NetworkPlan.of(snapshot());
        convLayer(plan.network(), layer);
        Dataset test = data.test();
        if (image < 0 || image >= test.size()) {
            throw new IllegalArgumentException("test image " + image + " is not in 0.." + (test.size() - 1));
        }
        NetworkMaps maps = Forward.run(plan, test.image(image), 1);
        NetworkBackward.Result r = NetworkBackward.run(maps, new NetworkBackward.CrossEntropy(test.label(image)), 1);
        LayerPlan l = plan.layer(layer);
        ConvPlan conv = l.conv();
        Tensor g = r.convOutput()[layer];
        return kind == BackwardStep.Kind.INPUT ? ConvBackward.inputStep(conv, g)
                : ConvBackward.kernelStep(conv, maps.map(l.firstMap() - 1), g);
    }

    /** The current network's class probabilities for test image {@code image}. */
    public float[] probabilities(int image) {
        NetworkMaps maps = Forward.run(NetworkPlan.of(snapshot()), data.test().image(image), 1);
        return Losses.softmax(maps.output().data());
    }

    private static ConvLayer convLayer(Network net, int layer) {
        if (layer < 0 || layer >= net.layers().size() || !(net.layers().get(layer) instanceof ConvLayer c)) {
            throw new IllegalArgumentException("layer " + layer + " is not a conv layer");
        }
        return c;
    }
}
