package org.convlens.ui.train;

import org.convlens.engine.ConvSpec;
import org.convlens.network.ConvLayer;
import org.convlens.network.Network;
import org.convlens.network.grad.BackwardStep;
import org.convlens.spec.NetworkFiles;
import org.convlens.spec.Problem;
import org.convlens.train.TrainSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Training tab's state without a window: short runs on a few hundred of the shipped
 * Fashion-MNIST images, on the calling thread (or a thread of the test's own for pause/cancel).
 * Messages asserted in English.
 */
class TrainingViewModelTest {
    private static TrainingViewModel small(java.util.concurrent.Executor ex, java.util.function.Consumer<Runnable> fx) {
        TrainingViewModel vm = new TrainingViewModel(ex, fx);
        vm.localeProperty().set(Locale.ENGLISH);
        vm.trainImagesProperty().set(320);
        vm.epochsProperty().set(1);
        vm.batchSizeProperty().set(32);
        vm.pushIntervalProperty().set(0);
        return vm;
    }

    private static float[] firstKernels(Network n) {
        return ((ConvLayer) n.layers().get(0)).spec().kernel().data().clone();
    }

    @Test
    void aRunLearnsReportsCurvesAndTheKernelsChange() {
        TrainingViewModel vm = small(Runnable::run, Runnable::run);
        vm.epochsProperty().set(2);
        vm.start();
        assertEquals(TrainingViewModel.State.FINISHED, vm.stateProperty().get(), vm.messageProperty().get());
        assertEquals(1.0, vm.progressProperty().get(), 1e-9);
        assertEquals(20, vm.trainLoss().size(), "one point per batch when reports are not throttled: 2 x 10 batches");
        assertEquals(2, vm.testAccuracy().size());
        assertEquals(2, vm.testLoss().size());
        double first = vm.trainLoss().get(0).y();
        double last = vm.trainLoss().get(vm.trainLoss().size() - 1).y();
        assertTrue(last < first, "the loss goes down: " + first + " -> " + last);
        assertTrue(vm.testAccuracy().get(1).y() > 0.3, "better than chance after 2 epochs: " + vm.testAccuracy());
        Network start = org.convlens.train.Weights.defaultNetwork(org.convlens.network.Shape.of(1, 28, 28), 10, 1);
        assertFalse(Arrays.equals(firstKernels(start), firstKernels(vm.networkProperty().get())), "the kernels learned");
        assertTrue(vm.messageProperty().get().startsWith("Done after epoch 2: test accuracy "), vm.messageProperty().get());
        int[][] c = vm.inspector().confusionProperty().get();
        assertNotNull(c);
        assertEquals(2000, Arrays.stream(c).flatMapToInt(Arrays::stream).sum(), "every test image counted once");
        Inspector.Answer a = vm.inspector().answerProperty().get();
        assertNotNull(a);
        assertEquals(1f, sum(a.probabilities()), 1e-4f);
        assertEquals(a.maps().plan().maps().size(), a.maps().maps().size());
    }

    @Test
    void aRunGoesToItsOwnExecutorNotTheWindowsSharedOne() {
        java.util.List<Runnable> shared = new java.util.ArrayList<>();
        java.util.List<Runnable> runs = new java.util.ArrayList<>();
        TrainingViewModel vm = new TrainingViewModel(shared::add, runs::add, Runnable::run);
        vm.trainImagesProperty().set(64);
        vm.epochsProperty().set(1);
        vm.start();
        assertEquals(1, runs.size(), "the run");
        assertEquals(0, shared.size(), "nothing of the run on the shared threads");
        runs.remove(0).run();
        assertEquals(TrainingViewModel.State.FINISHED, vm.stateProperty().get(), vm.messageProperty().get());
    }

    @Test
    void aConfusionCellListsExactlyTheImagesItCounts() {
        TrainingViewModel vm = small(Runnable::run, Runnable::run);
        vm.start();
        int[][] c = vm.inspector().confusionProperty().get();
        int actual = 0;
        int predicted = -1;
        for (int a = 0; a < c.length && predicted < 0; a++) {
            for (int p = 0; p < c.length; p++) {
                if (a != p && c[a][p] > 0 && c[a][p] < Inspector.MAX_LISTED) {
                    actual = a;
                    predicted = p;
                    break;
                }
            }
        }
        assertTrue(predicted >= 0);
        vm.inspector().openCell(actual, predicted);
        assertEquals(c[actual][predicted], vm.inspector().cellImages().size());
        for (int i : vm.inspector().cellImages()) {
            assertEquals(actual, vm.inspector().test().label(i));
        }
        vm.inspector().imageProperty().set(vm.inspector().cellImages().get(0));
        assertEquals(predicted, vm.inspector().answerProperty().get().predicted());
    }

    @Test
    void aLearningRateTooLargeBlowsTheLossUpAndSaysSo() {
        TrainingViewModel vm = small(Runnable::run, Runnable::run);
        vm.start();
        assertTrue(Double.isNaN(vm.blownUpProperty().get()), "the default rate does not blow up");
        vm.optimizerProperty().set(TrainSettings.OptimizerKind.SGD);
        vm.learningRateProperty().set(100);
        vm.start();
        assertEquals(TrainingViewModel.State.FINISHED, vm.stateProperty().get());
        assertTrue(vm.blownUpProperty().get() > 1000, "loss " + vm.trainLoss());
        String m = vm.messageProperty().get();
        assertTrue(m.startsWith("Done after epoch 1: test accuracy "), m);
        assertTrue(m.contains("\u2014 the loss blew up to ") && m.endsWith(": the learning rate 100 is too large"), m);
        assertTrue(m.contains("(it began at 2."), m);

        // Seen even when the blow-up and its recovery fall within one report (each batch is looked at).
        vm.pushIntervalProperty().set(1_000_000);
        vm.start();
        assertEquals(1, vm.trainLoss().size(), "one report for the whole run");
        assertTrue(vm.blownUpProperty().get() > 1000, "loss " + vm.trainLoss());
    }

    @Test
    void aLearningRateSoLargeTheLossStopsBeingANumberEndsTheRunAndSaysSo() {
        TrainingViewModel vm = small(Runnable::run, Runnable::run);
        vm.optimizerProperty().set(TrainSettings.OptimizerKind.SGD);
        vm.learningRateProperty().set(1e30);
        vm.start();
        assertEquals(TrainingViewModel.State.DIVERGED, vm.stateProperty().get(), vm.messageProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("The loss blew up at epoch 1, batch "), vm.messageProperty().get());
        assertTrue(vm.messageProperty().get().contains("learning rate 1.0E30 is too large"), vm.messageProperty().get());
    }

    @Test
    void aLearnedKernelAndABackwardStepOpenAsStepperScenarios() {
        TrainingViewModel vm = small(Runnable::run, Runnable::run);
        vm.start();
        Problem k = vm.inspector().kernelProblem(0, 3);
        ConvSpec learned = ((ConvLayer) vm.networkProperty().get().layers().get(0)).spec();
        assertArrayEquals(Arrays.copyOfRange(learned.kernel().data(), 27, 36), k.spec().kernel().data());
        assertEquals(vm.inspector().test().image(0), k.input(), "the first layer reads the chosen image");
        Problem k2 = vm.inspector().kernelProblem(1, 0);
        assertEquals(8, k2.input().channels(), "the second layer reads the first one's 8 maps");
        Problem in = vm.inspector().backwardProblem(1, BackwardStep.Kind.INPUT);
        Problem kg = vm.inspector().backwardProblem(1, BackwardStep.Kind.KERNEL);
        assertTrue(in.spec().transposed(), "the input gradient is a transposed convolution");
        assertEquals(16, in.input().channels(), "of the output gradient of layer 2's 16 channels");
        assertEquals(8, kg.input().channels(), "the kernel gradient correlates layer 2's input");
    }

    @Test
    void pauseHoldsTheRunResumeLetsItGoCancelStopsIt() throws Exception {
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try {
            TrainingViewModel vm = small(ex, Runnable::run);
            vm.trainImagesProperty().set(10_000);
            vm.epochsProperty().set(3);
            vm.start();
            waitFor(() -> vm.trainLoss().size() >= 2);
            vm.pause();
            assertEquals(TrainingViewModel.State.PAUSED, vm.stateProperty().get());
            Thread.sleep(300);
            int held = vm.trainLoss().size();
            Thread.sleep(300);
            assertTrue(vm.trainLoss().size() <= held + 1, "at most the batch under way finishes while paused");
            vm.resume();
            int resumed = vm.trainLoss().size();
            waitFor(() -> vm.trainLoss().size() > resumed + 1);
            vm.cancel();
            waitFor(() -> vm.stateProperty().get() == TrainingViewModel.State.CANCELLED);
            assertTrue(vm.messageProperty().get().startsWith("Cancelled at epoch 1, batch "), vm.messageProperty().get());
            assertTrue(vm.progressProperty().get() < 0.5);
        } finally {
            ex.shutdownNow();
            assertTrue(ex.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aSavedNetworkOpensAgainWithTheSameKernels(@TempDir Path dir) {
        TrainingViewModel vm = small(Runnable::run, Runnable::run);
        vm.start();
        Network trained = vm.networkProperty().get();
        Path out = dir.resolve("trained");
        vm.save(out);
        assertTrue(Files.isRegularFile(out.resolve(NetworkFiles.WEIGHTS)), vm.messageProperty().get());
        assertTrue(Files.isRegularFile(out.resolve(NetworkFiles.SCRIPT)));
        TrainingViewModel other = small(Runnable::run, Runnable::run);
        other.open(out);
        assertEquals(TrainingViewModel.State.IDLE, other.stateProperty().get(), other.messageProperty().get());
        assertArrayEquals(firstKernels(trained), firstKernels(other.networkProperty().get()));
        assertNotNull(other.inspector().kernelProblem(0, 0), "its kernels open in the stepper");
        assertNotNull(other.openedProperty().get(), "the next run starts from it");
    }

    @Test
    void aBrokenNetworkFileIsOneLineSayingWhere(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("network.json");
        Files.writeString(f, "{\"input\": [1, 28, 28], \"layers\": [ {\"type\": \"conv\"} ]}");
        TrainingViewModel vm = small(Runnable::run, Runnable::run);
        vm.open(f);
        assertEquals(TrainingViewModel.State.FAILED, vm.stateProperty().get());
        String m = vm.messageProperty().get();
        assertTrue(m.startsWith("Cannot open " + f + ": $.input: "), m);
        assertFalse(m.contains("\n"));
    }

    @Test
    void anIdxFolderChosenAsDataTrainsAndTheMovedKernelsAreNowMinusStart(@TempDir Path dir) throws Exception {
        for (String f : new String[] {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
            Files.copy(Path.of("src/main/resources/datasets/fashion", f), dir.resolve(f));
        }
        TrainingViewModel vm = small(Runnable::run, Runnable::run);
        vm.dataPathProperty().set(dir);
        vm.start();
        assertEquals(TrainingViewModel.State.FINISHED, vm.stateProperty().get(), vm.messageProperty().get());
        Network start = vm.startNetworkProperty().get();
        Network now = vm.networkProperty().get();
        org.convlens.engine.Tensor moved = LearnedKernels.moved(start, now, 3 - 2);
        float[] a = ((ConvLayer) start.layers().get(1)).spec().kernel().data();
        float[] b = ((ConvLayer) now.layers().get(1)).spec().kernel().data();
        assertEquals(16 * 8, moved.channels(), "a tile per output and input channel");
        assertEquals(b[40] - a[40], moved.data()[40]);
        assertEquals(java.util.List.of(0, 1), LearnedKernels.convLayers(now));
        assertEquals(null, LearnedKernels.moved(start, now, 2), "layer 3 is no conv layer");

        vm.dataPathProperty().set(dir.resolve("nothing-here"));
        vm.start();
        assertEquals(TrainingViewModel.State.FAILED, vm.stateProperty().get());
        assertTrue(vm.messageProperty().get().contains("nothing-here"), vm.messageProperty().get());
    }

    @Test
    void aClosedExecutorIsNoErrorOnTheWindowsThread() {
        TrainingViewModel vm = small(Runnable::run, Runnable::run);
        vm.start();
        java.util.concurrent.Executor closed = r -> {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        };
        TrainingViewModel late = small(closed, Runnable::run);
        late.start();
        assertEquals(TrainingViewModel.State.FAILED, late.stateProperty().get());
        assertEquals("No new run: the window is closing", late.messageProperty().get());
        Inspector in = new Inspector(closed, Runnable::run);
        in.use(vm.trainer(), new org.convlens.train.DataSplit(vm.inspector().test(), vm.inspector().test()));
        in.imageProperty().set(5);
        in.refresh();
        in.openCell(0, 1);
        in.nextWrong(0);
        assertEquals(null, in.answerProperty().get(), "nothing computed, nothing thrown");
    }

    private static float sum(float[] p) {
        float s = 0;
        for (float v : p) {
            s += v;
        }
        return s;
    }

    private static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }
}
