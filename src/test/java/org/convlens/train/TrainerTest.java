package org.convlens.train;

import org.convlens.engine.ConvSpec;
import org.convlens.engine.Tensor;
import org.convlens.engine.WorkLimit;
import org.convlens.engine.WorkLimitException;
import org.convlens.network.Forward;
import org.convlens.network.Network;
import org.convlens.network.NetworkPlan;
import org.convlens.network.Shape;
import org.convlens.network.grad.BackwardStep;
import org.convlens.network.grad.NetworkBackward;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Short training runs on a slice of the shipped Fashion-MNIST subset: seconds, not minutes. */
class TrainerTest {
    private static final DataSplit FASHION = IdxFiles.fashion();
    private static final DataSplit SMALL = new DataSplit(FASHION.train().first(640), FASHION.test().first(200));

    private static TrainSettings settings(int threads) {
        return TrainSettings.defaults().withEpochs(3).withBatchSize(32).withThreads(threads)
                .withLimit(WorkLimit.unlimited());
    }

    private static List<Trainer.EpochResult> train(TrainSettings s, Network[] out) {
        Network net = Weights.defaultNetwork(Shape.of(1, 28, 28), 10, s.seed());
        Trainer t = new Trainer(net, SMALL, s);
        assertEquals(Trainer.Outcome.FINISHED, t.run(new Trainer.Observer() {
        }));
        if (out != null) {
            out[0] = t.snapshot();
        }
        return t.history();
    }

    @Test
    void lossGoesDownAndTheNetworkLearns() {
        List<Trainer.EpochResult> h = train(settings(2), null);
        assertEquals(3, h.size());
        assertTrue(h.get(2).loss() < h.get(0).loss() * 0.8f, h.toString());
        // Ten classes: chance is 10%.
        assertTrue(h.get(2).testAccuracy() > 0.5f, h.toString());
    }

    @Test
    void oneSeedGivesTheSameWeightsBitForBitWhateverTheThreads() {
        Network[] a = new Network[1];
        Network[] b = new Network[1];
        Network[] c = new Network[1];
        List<Trainer.EpochResult> ha = train(settings(2).withEpochs(1), a);
        List<Trainer.EpochResult> hb = train(settings(2).withEpochs(1), b);
        List<Trainer.EpochResult> hc = train(settings(1).withEpochs(1), c);
        for (int i = 0; i < Weights.weights(a[0]).length; i++) {
            assertArrayEquals(Weights.weights(a[0])[i], Weights.weights(b[0])[i], "layer " + i);
            assertArrayEquals(Weights.weights(a[0])[i], Weights.weights(c[0])[i], "layer " + i);
            assertArrayEquals(Weights.biases(a[0])[i], Weights.biases(c[0])[i], "layer " + i);
        }
        assertEquals(ha.get(0).loss(), hb.get(0).loss());
        assertEquals(ha.get(0).loss(), hc.get(0).loss());
        Network[] d = new Network[1];
        train(settings(2).withEpochs(1).withSeed(2), d);
        assertTrue(!java.util.Arrays.equals(Weights.weights(a[0])[0], Weights.weights(d[0])[0]));
    }

    @Test
    void sgdWithMomentumAndWeightDecayLearnsToo() {
        List<Trainer.EpochResult> h = train(settings(2).withOptimizer(TrainSettings.OptimizerKind.SGD)
                .withLearningRate(0.05f).withWeightDecay(1e-4f), null);
        assertTrue(h.get(2).loss() < h.get(0).loss(), h.toString());
    }

    @Test
    void aBatchOnCanvasesGivesTheSumOfEachImagesBackwardPass() {
        // The trainer's shard pass against the one-image backward pass (itself checked against autograd).
        Network net = Weights.defaultNetwork(Shape.of(1, 28, 28), 10, 7);
        NetworkPlan plan = NetworkPlan.of(net);
        BatchPass pass = new BatchPass(plan, 5);
        int[] order = {3, 1, 4, 1, 5};
        pass.train(plan, SMALL.train(), order, 0, 5, 1f);
        float[][] wantW = new float[plan.layers().size()][];
        float[][] wantB = new float[plan.layers().size()][];
        double loss = 0;
        for (int i : order) {
            NetworkBackward.Result r = NetworkBackward.run(Forward.run(plan, SMALL.train().image(i), 1),
                    new NetworkBackward.CrossEntropy(SMALL.train().label(i)), 1);
            loss += r.loss();
            for (int l = 0; l < wantW.length; l++) {
                if (r.layers()[l] == null) {
                    continue;
                }
                wantW[l] = add(wantW[l], r.layers()[l].weight());
                wantB[l] = add(wantB[l], r.layers()[l].bias());
            }
        }
        assertEquals(loss, pass.lossSum, 1e-4 * Math.max(1, loss));
        for (int l = 0; l < wantW.length; l++) {
            if (wantW[l] != null) {
                close("weights of layer " + l, wantW[l], pass.weightGrad[l]);
                close("bias of layer " + l, wantB[l], pass.biasGrad[l]);
            }
        }
    }

    @Test
    void everyLayerKindOnCanvasesGivesTheSumOfEachImagesBackwardPass() {
        // Reflect padding, stride, groups, a negative leaky slope, average pooling with ceil mode,
        // a transposed layer (image by image), activation and pool layers, linear with an activation.
        java.util.Random r = new java.util.Random(5);
        int n = 7;
        byte[] px = new byte[n * 2 * 9 * 8];
        r.nextBytes(px);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
        }
        Dataset data = Dataset.of("random", 2, 9, 8, px, labels, List.of("a", "b", "c"));
        List<org.convlens.network.Layer> layers = List.of(
                new org.convlens.network.ConvLayer(ConvSpec.builder(new org.convlens.engine.Kernel(4, 1, 3, 2, new float[24]))
                        .groups(2).padding(org.convlens.engine.Padding.of(1, 0, 1, 1))
                        .paddingMode(org.convlens.engine.PaddingMode.REFLECT)
                        .activation(org.convlens.engine.Activation.leakyRelu(-0.3f))
                        .pool(new org.convlens.engine.PoolSpec(org.convlens.engine.PoolSpec.Type.AVG, 2, 2, 2, 2, 0, 0, true, false))
                        .bias(new float[4]).build()),
                new org.convlens.network.ConvLayer(ConvSpec.builder(new org.convlens.engine.Kernel(4, 3, 2, 2, new float[48]))
                        .transposed(true).stride(2).activation(org.convlens.engine.Activation.TANH).bias(new float[3]).build()),
                new org.convlens.network.ActivationLayer(org.convlens.engine.Activation.RELU),
                new org.convlens.network.PoolLayer(org.convlens.engine.PoolSpec.of(org.convlens.engine.PoolSpec.Type.MAX, 2)),
                new org.convlens.network.ConvLayer(ConvSpec.builder(new org.convlens.engine.Kernel(5, 3, 3, 3, new float[135]))
                        .stride(2, 1).padding(org.convlens.engine.Padding.of(1)).activation(org.convlens.engine.Activation.SIGMOID)
                        .bias(new float[5]).build()),
                new org.convlens.network.FlattenLayer());
        Network shape = new Network(Shape.of(2, 9, 8), layers);
        int flat = (int) NetworkPlan.of(shape).output().size();
        List<org.convlens.network.Layer> all = new ArrayList<>(layers);
        all.add(new org.convlens.network.LinearLayer(6, flat, new float[6 * flat], new float[6], org.convlens.engine.Activation.TANH));
        all.add(org.convlens.network.LinearLayer.of(3, 6, new float[18]));
        Network net = Weights.heInitialised(new Network(Shape.of(2, 9, 8), all), 11);
        NetworkPlan plan = NetworkPlan.of(net);
        BatchPass pass = new BatchPass(plan, 4);
        int[] order = {6, 2, 2, 5};
        pass.train(plan, data, order, 0, 4, 1f);
        float[][] wantW = new float[plan.layers().size()][];
        float[][] wantB = new float[plan.layers().size()][];
        double loss = 0;
        for (int i : order) {
            NetworkBackward.Result g = NetworkBackward.run(Forward.run(plan, data.image(i), 1),
                    new NetworkBackward.CrossEntropy(data.label(i)), 1);
            loss += g.loss();
            for (int l = 0; l < wantW.length; l++) {
                if (g.layers()[l] != null) {
                    wantW[l] = add(wantW[l], g.layers()[l].weight());
                    wantB[l] = add(wantB[l], g.layers()[l].bias());
                }
            }
        }
        assertEquals(loss, pass.lossSum, 1e-4 * Math.max(1, loss));
        for (int l = 0; l < wantW.length; l++) {
            if (wantW[l] != null) {
                close("weights of layer " + l, wantW[l], pass.weightGrad[l]);
                close("bias of layer " + l, wantB[l], pass.biasGrad[l]);
            }
        }
        // And a short run of it learns something without diverging.
        Trainer t = new Trainer(net, new DataSplit(data, data), settings(1).withBatchSize(4).withEpochs(2));
        assertEquals(Trainer.Outcome.FINISHED, t.run(new Trainer.Observer() {
        }));
    }

    @Test
    void pauseResumeAndCancelFromAnotherThread() throws Exception {
        Trainer t = new Trainer(Weights.defaultNetwork(Shape.of(1, 28, 28), 10, 1), SMALL,
                settings(1).withEpochs(50).withBatchSize(8));
        CountDownLatch firstBatch = new CountDownLatch(1);
        List<Integer> seen = new ArrayList<>();
        AtomicReference<Trainer.Outcome> outcome = new AtomicReference<>();
        Thread worker = new Thread(() -> outcome.set(t.run(new Trainer.Observer() {
            @Override
            public void batch(Trainer.BatchProgress p) {
                synchronized (seen) {
                    seen.add(p.batch());
                }
                firstBatch.countDown();
            }
        })));
        worker.start();
        assertTrue(firstBatch.await(20, java.util.concurrent.TimeUnit.SECONDS));
        t.pause();
        // The batch under way ends first (however long a loaded machine makes it): then the
        // worker waits. Events, not sleeps, so a slow batch cannot fail the test.
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (worker.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(Thread.State.WAITING, worker.getState(), "the run holds before its next batch");
        int before;
        synchronized (seen) {
            before = seen.size();
        }
        Thread.sleep(300);
        synchronized (seen) {
            assertEquals(before, seen.size(), "batches ran while paused");
        }
        assertTrue(t.isPaused());
        Network paused = t.snapshot();
        t.resume();
        deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            synchronized (seen) {
                if (seen.size() > before) {
                    break;
                }
            }
            Thread.sleep(5);
        }
        synchronized (seen) {
            assertTrue(seen.size() > before, "no batch after resume");
        }
        t.cancel();
        worker.join(20_000);
        assertEquals(Trainer.Outcome.CANCELLED, outcome.get());
        assertTrue(paused != t.snapshot());
    }

    @Test
    void aLearnedKernelAndABackwardStepAreConvolutionsTheStepperOpens() {
        Trainer t = new Trainer(Weights.defaultNetwork(Shape.of(1, 28, 28), 10, 1), SMALL, settings(2).withEpochs(1));
        t.run(new Trainer.Observer() {
        });
        ConvSpec k = t.kernelSpec(1, 5);
        assertArrayEquals(new int[] {1, 8, 3, 3}, k.kernel().shape());
        ConvSpec layer = t.layerSpec(1);
        for (int i = 0; i < 72; i++) {
            assertEquals(layer.kernel().data()[5 * 72 + i], k.kernel().data()[i]);
        }
        assertEquals(layer.bias()[5], k.bias()[0]);
        BackwardStep in = t.backwardStep(1, 0, BackwardStep.Kind.INPUT);
        Tensor g = in.runInputGradient(1);
        assertArrayEquals(new int[] {8, 14, 14}, g.shape());
        BackwardStep kern = t.backwardStep(1, 0, BackwardStep.Kind.KERNEL);
        assertArrayEquals(new int[] {16, 8, 3, 3}, kern.runKernelGradient(1).shape());
        NetworkBackward.Result r = NetworkBackward.run(Forward.run(NetworkPlan.of(t.snapshot()), SMALL.test().image(0), 1),
                new NetworkBackward.CrossEntropy(SMALL.test().label(0)), 1);
        close("kernel step", r.layers()[1].weight(), kern.runKernelGradient(1).data());
        assertThrows(IllegalArgumentException.class, () -> t.kernelSpec(2, 0));
        float[] p = t.probabilities(0);
        double sum = 0;
        for (float v : p) {
            sum += v;
        }
        assertEquals(1, sum, 1e-5);
        int[][] conf = t.confusion();
        int total = 0;
        for (int[] row : conf) {
            for (int v : row) {
                total += v;
            }
        }
        assertEquals(200, total);
    }

    @Test
    void aLearningRateFarTooLargeDivergesAndSaysSo() {
        Trainer t = new Trainer(Weights.defaultNetwork(Shape.of(1, 28, 28), 10, 1), SMALL,
                settings(2).withOptimizer(TrainSettings.OptimizerKind.SGD).withLearningRate(1e30f));
        assertEquals(Trainer.Outcome.DIVERGED, t.run(new Trainer.Observer() {
        }));
    }

    @Test
    void networksThatDoNotFitTheDataOrTheMemoryAreRefusedBeforeAllocating() {
        Network wrongInput = Weights.defaultNetwork(Shape.of(3, 28, 28), 10, 1);
        assertEquals("train.inputShape", assertThrows(DataException.class,
                () -> new Trainer(wrongInput, SMALL, settings(1))).key());
        Network wrongClasses = Weights.defaultNetwork(Shape.of(1, 28, 28), 7, 1);
        assertEquals("train.outputShape", assertThrows(DataException.class,
                () -> new Trainer(wrongClasses, SMALL, settings(1))).key());
        TrainSettings tiny = settings(1).withLimit(new WorkLimit(1000, 10, 1000));
        assertThrows(WorkLimitException.class,
                () -> new Trainer(Weights.defaultNetwork(Shape.of(1, 28, 28), 10, 1), SMALL, tiny));
    }

    private static float[] add(float[] a, float[] b) {
        float[] r = a == null ? new float[b.length] : a;
        for (int i = 0; i < b.length; i++) {
            r[i] += b[i];
        }
        return r;
    }

    private static void close(String what, float[] want, float[] got) {
        assertEquals(want.length, got.length, what);
        for (int i = 0; i < want.length; i++) {
            float a = want[i];
            float b = got[i];
            int at = i;
            assertTrue(Math.abs(a - b) <= 1e-4f * Math.max(1f, Math.abs(a)), () -> what + " [" + at + "]: " + a + " vs " + b);
        }
    }
}
