package org.convlens.train;

import org.convlens.engine.Parallel;
import org.convlens.engine.WorkLimit;

import java.util.Objects;

/**
 * How a network is trained: mini-batch gradient descent on the mean softmax cross-entropy of a
 * batch, with SGD (momentum) or Adam as PyTorch's torch.optim has them, L2 weight decay added to
 * each gradient ({@code weight_decay}, as torch.optim does), He initialisation from {@code seed}
 * and the training set shuffled each epoch from {@code seed}. The same seed gives the same weights,
 * bit for bit, whatever the thread count: a batch is cut into shards the same way on any machine,
 * each shard is computed on one thread and the shards' gradients are added in order.
 *
 * @param epochs passes over the training set, at least 1
 * @param batchSize images per step, at least 1
 * @param learningRate the step size, positive
 * @param optimizer SGD with momentum or Adam
 * @param momentum SGD's momentum (0 for none), in [0, 1)
 * @param weightDecay L2 penalty added to every gradient, at least 0
 * @param seed the seed of the initial weights and of the order of the images
 * @param threads threads to run the shards on, at least 1
 * @param limit what the run may allocate (its memory is checked before anything is allocated)
 */
public record TrainSettings(int epochs, int batchSize, float learningRate, OptimizerKind optimizer, float momentum,
                            float weightDecay, long seed, int threads, WorkLimit limit) {
    /** The optimisers. */
    public enum OptimizerKind {
        SGD("sgd"), ADAM("adam");

        private final String id;

        OptimizerKind(String id) {
            this.id = id;
        }

        /** The name on the command line. */
        public String id() {
            return id;
        }

        /** The optimiser named {@code id}, or null. */
        public static OptimizerKind fromId(String id) {
            for (OptimizerKind k : values()) {
                if (k.id.equals(id)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** The most images one step may take. */
    public static final int MAX_BATCH = 4096;
    /** The most epochs a run may ask for. */
    public static final int MAX_EPOCHS = 10_000;

    public TrainSettings {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(limit, "limit");
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new IllegalArgumentException("epochs must be 1 to " + MAX_EPOCHS + ", got " + epochs);
        }
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batch size must be 1 to " + MAX_BATCH + ", got " + batchSize);
        }
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (!(weightDecay >= 0) || Float.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be 0 or more, got " + weightDecay);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** The default learning rate as a person types it (the float in {@link #defaults()} is its nearest). */
    public static final double DEFAULT_LEARNING_RATE = 0.002;

    /**
     * The defaults the default network reaches its goal with: 8 epochs of Adam (learning rate
     * 0.002), batches of 64, no weight decay, seed 1, every processor, the standard limit. The
     * Training tab and a lesson's {@code train} start from these.
     */
    public static TrainSettings defaults() {
        return new TrainSettings(8, 64, (float) DEFAULT_LEARNING_RATE, OptimizerKind.ADAM, 0.9f, 0f, 1, Parallel.availableThreads(),
                WorkLimit.standard());
    }

    public TrainSettings withEpochs(int e) {
        return new TrainSettings(e, batchSize, learningRate, optimizer, momentum, weightDecay, seed, threads, limit);
    }

    public TrainSettings withBatchSize(int b) {
        return new TrainSettings(epochs, b, learningRate, optimizer, momentum, weightDecay, seed, threads, limit);
    }

    public TrainSettings withLearningRate(float lr) {
        return new TrainSettings(epochs, batchSize, lr, optimizer, momentum, weightDecay, seed, threads, limit);
    }

    public TrainSettings withOptimizer(OptimizerKind o) {
        return new TrainSettings(epochs, batchSize, learningRate, o, momentum, weightDecay, seed, threads, limit);
    }

    public TrainSettings withMomentum(float m) {
        return new TrainSettings(epochs, batchSize, learningRate, optimizer, m, weightDecay, seed, threads, limit);
    }

    public TrainSettings withWeightDecay(float wd) {
        return new TrainSettings(epochs, batchSize, learningRate, optimizer, momentum, wd, seed, threads, limit);
    }

    public TrainSettings withSeed(long s) {
        return new TrainSettings(epochs, batchSize, learningRate, optimizer, momentum, weightDecay, s, threads, limit);
    }

    public TrainSettings withThreads(int t) {
        return new TrainSettings(epochs, batchSize, learningRate, optimizer, momentum, weightDecay, seed, t, limit);
    }

    public TrainSettings withLimit(WorkLimit l) {
        return new TrainSettings(epochs, batchSize, learningRate, optimizer, momentum, weightDecay, seed, threads, l);
    }
}
