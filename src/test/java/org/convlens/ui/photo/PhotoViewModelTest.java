package org.convlens.ui.photo;

import javafx.application.Platform;
import org.convlens.engine.ConvEngine;
import org.convlens.engine.Tensor;
import org.convlens.image.ColorMode;
import org.convlens.image.MapRenderer;
import org.convlens.image.Scaling;
import org.convlens.spec.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The view-model on the JavaFX thread, with executors the test drives (no view, no robot). */
class PhotoViewModelTest {
    @BeforeAll
    static void toolkit() throws java.util.concurrent.TimeoutException {
        // Started as TestFX starts it: a toolkit started with Platform.startup left the window
        // tests that ran after it in the same JVM without keyboard input.
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    /** Runs {@code body} on the JavaFX thread and waits for it, rethrowing what it throws. */
    static void fx(Runnable body) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.countDown();
            }
        });
        try {
            assertTrue(done.await(60, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        if (failure.get() instanceof RuntimeException re) {
            throw re;
        }
        if (failure.get() instanceof Error err) {
            throw err;
        }
    }

    /**
     * Runs {@code steps} one after another on the JavaFX thread, letting the events each one posts
     * (a Task reports its end with Platform.runLater) run before the next.
     */
    static void steps(Runnable... steps) {
        for (Runnable s : steps) {
            fx(s);
            for (int i = 0; i < 8; i++) {
                fx(() -> { });
            }
        }
    }

    /** Holds submitted work until the test runs it. */
    static final class Queue implements Executor {
        final ArrayDeque<Runnable> jobs = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            jobs.add(r);
        }

        void runAll() {
            while (!jobs.isEmpty()) {
                jobs.poll().run();
            }
        }
    }

    private PhotoViewModel vm;

    @Test
    void theWarmUpGoesThroughTheRunExecutorAndRunsWithoutError() {
        Queue runs = new Queue();
        steps(() -> {
            vm = new PhotoViewModel(Runnable::run, runs, Runnable::run);
            vm.warmUp();
            assertEquals(1, runs.jobs.size(), "the warm-up is a job of the run executor, not of the JavaFX thread");
            assertNull(vm.resultProperty().get());
        });
        runs.runAll();
        steps(() -> assertNull(vm.resultProperty().get(), "the warm-up shows nothing"));
    }

    @Test
    void theEditToScreenFigureIsTakenAtThePulseAfterTheDrawAndOnlyOnce() {
        steps(() -> {
            vm = new PhotoViewModel(Runnable::run, Runnable::run);
            vm.openSample("camera.png");
        }, () -> {
            PhotoViewModel.Display d = vm.displayProperty().get();
            assertNotNull(d);
            vm.markPulse();
            assertEquals("", vm.timingProperty().get(), "nothing drawn yet: no figure");
            vm.markShown(d);
            assertEquals(1, vm.shownCountProperty().get());
            assertEquals("", vm.timingProperty().get(), "drawn, but not on screen before the pulse");
            assertTrue(Double.isNaN(vm.shownMsProperty().get()));
            vm.markPulse();
            assertTrue(vm.timingProperty().get().startsWith("engine"), vm.timingProperty().get());
            double ms = vm.shownMsProperty().get();
            assertTrue(ms >= 0, "edit to pulse: " + ms);
            vm.markShown(d);
            vm.markPulse();
            assertEquals(ms, vm.shownMsProperty().get(), "a redraw of the same result is not timed again");
        });
    }

    @Test
    void aBadFileLeavesPhotoAndResultAsTheyWere(@TempDir Path tmp) throws Exception {
        Path bad = Files.writeString(tmp.resolve("holiday.jpg"), "not really a photo");
        AtomicReference<Object[]> before = new AtomicReference<>();
        steps(() -> {
            vm = new PhotoViewModel(Runnable::run, Runnable::run);
            vm.openSample("camera.png");
        }, () -> {
            assertNotNull(vm.resultProperty().get());
            before.set(new Object[] {vm.photoProperty().get(), vm.resultProperty().get()});
            vm.open(bad);
        }, () -> {
            assertTrue(vm.errorProperty().get().endsWith("holiday.jpg: not an image: its first bytes are not those of a PNG, JPEG, BMP or GIF file"), vm.errorProperty().get());
            assertSame(before.get()[0], vm.photoProperty().get());
            assertSame(before.get()[1], vm.resultProperty().get());
            vm.open(tmp.resolve("gone.png"));
        }, () -> {
            assertTrue(vm.errorProperty().get().contains("no such file"), vm.errorProperty().get());
            assertSame(before.get()[0], vm.photoProperty().get());
        });
    }

    @Test
    void aNewerEditCancelsTheStaleRunAndOnlyTheLatestSettingsAreShown() {
        Queue q = new Queue();
        steps(() -> {
            vm = new PhotoViewModel(q, Runnable::run);
            vm.openSample("coins.png");
            q.runAll();
        }, q::runAll, () -> {
            assertNotNull(vm.resultProperty().get());
            vm.settings().setKernelCell(1, 1, "1");
            assertEquals(1, q.jobs.size());
            assertTrue(vm.busyProperty().get());
            vm.settings().setKernelCell(1, 1, "2");
            vm.settings().setKernelCell(1, 1, "3");
        }, q::runAll, q::runAll, q::runAll, () -> {
            assertEquals(3f, vm.resultProperty().get().plan().spec().kernel().get(0, 0, 1, 1));
            assertTrue(!vm.busyProperty().get());
        });
    }

    @Test
    void aRunThatIsAlmostDoneIsLetFinishThenTheLatestEditRuns() {
        Queue q = new Queue();
        steps(() -> {
            vm = new PhotoViewModel(q, Runnable::run);
            vm.openSample("coins.png");
            q.runAll();
        }, q::runAll, () -> vm.settings().setKernelCell(0, 0, "5"), q::runAll, () -> {
            // The last run of this photo took a few ms, well under the cancel threshold, so the queued
            // run is kept and the newest edit follows it.
            vm.settings().setKernelCell(0, 0, "6");
            vm.settings().setKernelCell(0, 0, "7");
            assertEquals(1, q.jobs.size());
            q.jobs.poll().run();
        }, () -> {
            assertEquals(6f, vm.resultProperty().get().plan().spec().kernel().get(0, 0, 0, 0));
            q.runAll();
        }, () -> assertEquals(7f, vm.resultProperty().get().plan().spec().kernel().get(0, 0, 0, 0)));
    }

    @Test
    void invalidCellKeepsTheLastResultAndSaysWhere() {
        AtomicReference<PhotoResult> r = new AtomicReference<>();
        steps(() -> {
            vm = new PhotoViewModel(Runnable::run, Runnable::run);
            vm.openSample("coins.png");
        }, () -> {
            r.set(vm.resultProperty().get());
            assertNotNull(r.get());
            vm.settings().setKernelCell(2, 0, "1..5");
        }, () -> {
            assertSame(r.get(), vm.resultProperty().get());
            assertTrue(vm.settings().cellErrorProperty().get().startsWith("kernel cell row 3, column 1"),
                    vm.settings().cellErrorProperty().get());
        });
    }

    @Test
    void settingThatDoesNotFitThePhotoIsReported() {
        steps(() -> {
            vm = new PhotoViewModel(Runnable::run, Runnable::run);
            vm.openSample("coins.png");
        }, () -> {
            vm.layer().paddingModeProperty().set(org.convlens.engine.PaddingMode.REFLECT);
            vm.layer().set(org.convlens.spec.LayerSettings.Name.PADDING, "400");
        }, () -> assertTrue(vm.errorProperty().get().contains("reflect padding of 400"), vm.errorProperty().get()));
    }

    @Test
    void grayModeGivesOneChannelAndColourThreeShownAsRgb() {
        steps(() -> {
            vm = new PhotoViewModel(Runnable::run, Runnable::run);
            vm.openSample("chelsea.png");
        }, () -> {
            assertEquals(3, vm.displayProperty().get().map().channels());
            assertEquals(MapRenderer.RGB, vm.channelProperty().get());
            assertTrue(vm.settings().channelInfoProperty().get().contains("groups = 3"));
            vm.colorModeProperty().set(ColorMode.GRAY);
        }, () -> {
            assertEquals(1, vm.photoProperty().get().channels());
            assertEquals(1, vm.displayProperty().get().map().channels());
            assertEquals(0, vm.channelProperty().get());
            vm.scalingProperty().set(Scaling.ABSOLUTE);
            assertEquals(0f, vm.displayProperty().get().scale().lo());
        });
    }

    @Test
    void pooledMapIsShownAndTheFeatureMapOnRequest() {
        steps(() -> {
            vm = new PhotoViewModel(Runnable::run, Runnable::run);
            vm.openSample("coins.png");
        }, () -> vm.layer().poolEnabledProperty().set(true), () -> {
            Tensor pooled = vm.displayProperty().get().map();
            assertSame(vm.resultProperty().get().result().pooled(), pooled);
            assertEquals(2.0, vm.displayProperty().get().geometry().scaleX());
            vm.showPooledProperty().set(false);
            assertSame(vm.resultProperty().get().result().featureMap(), vm.displayProperty().get().map());
        });
    }

    /** The stepper gets the patch and settings that make exactly the result cells there. */
    @Test
    void patchSentToTheStepperReproducesTheResultThere() {
        AtomicReference<Problem> sent = new AtomicReference<>();
        steps(() -> {
            vm = new PhotoViewModel(Runnable::run, Runnable::run);
            vm.setPatchSink(sent::set);
            vm.openSample("astronaut.png");
        }, () -> {
            int[] at = vm.sendPatch(200, 150);
            assertArrayEquals(new int[] {150, 200}, at);
            Problem p = sent.get();
            assertArrayEquals(new int[] {3, 8, 8}, p.input().shape());
            Tensor patchOut = ConvEngine.run(p.spec(), p.input()).output();
            Tensor photoOut = vm.resultProperty().get().result().featureMap();
            assertArrayEquals(new int[] {3, 6, 6}, patchOut.shape());
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < 6; i++) {
                    for (int j = 0; j < 6; j++) {
                        // "same" padding: result (y, x) is centred on input (y, x); the patch's valid
                        // output (i, j) is centred on input (150 + 1 + i, 200 + 1 + j).
                        assertEquals(photoOut.get(c, 151 + i, 201 + j), patchOut.get(c, i, j));
                    }
                }
            }
            assertArrayEquals(new int[] {0, 512 - 8}, vm.sendPatch(100000, -5));
        });
    }

    @Test
    void exportsTheEngineOutputAsNpyAndTheMapAsShownAsPng(@TempDir Path tmp) {
        Path npy = tmp.resolve("r.npy");
        Path png = tmp.resolve("r.png");
        steps(() -> {
            vm = new PhotoViewModel(Runnable::run, Runnable::run);
            vm.openSample("coins.png");
        }, () -> {
            vm.scalingProperty().set(Scaling.CLAMPED);
            vm.exportNpy(npy);
            vm.exportPng(png);
        }, () -> {
            try {
                assertEquals(vm.resultProperty().get().result().output(), org.convlens.image.Npy.read(npy));
                var img = javax.imageio.ImageIO.read(png.toFile());
                Tensor t = vm.resultProperty().get().result().output();
                assertEquals(t.width(), img.getWidth());
                float v = t.get(0, 40, 50);
                assertEquals(Math.round(Math.max(0f, Math.min(1f, v)) * 255f), img.getRaster().getSample(50, 40, 0));
                assertTrue(vm.statusProperty().get().startsWith("Wrote "), vm.statusProperty().get());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * Preview cell (j, i) of each of the three channels is full-result cell (3 j, 3 i), checked on every
     * {@code rowStep}-th row and {@code colStep}-th column of the preview.
     */
    private static void assertEveryThirdCell(Tensor p, Tensor f, int rowStep, int colStep) {
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < p.height(); j += rowStep) {
                for (int i = 0; i < p.width(); i += colStep) {
                    assertEquals(f.get(c, 3 * j, 3 * i), p.get(c, j, i));
                }
            }
        }
    }

    /** A view model with a photo large enough for previews, seen zoomed out (3.4 pixels a screen pixel). */
    private Runnable openZoomedOut() {
        return () -> {
            vm = new PhotoViewModel(Runnable::run, Runnable::run);
            vm.setPreviewPixels(100_000);
            vm.viewStepProperty().set(3.4);
            vm.openSample("hubble_deep_field.jpg");
        };
    }

    /** Zoomed out, an edit first shows every k-th result cell (exact there), then the full result. */
    @Test
    void zoomedOutEditShowsAnExactPreviewFirst() {
        java.util.List<PhotoResult> seen = new java.util.ArrayList<>();
        steps(openZoomedOut(), () -> {
            vm.resultProperty().addListener((o, a, r) -> seen.add(r));
            vm.settings().setKernelCell(1, 1, "0.5");
        }, () -> {
            assertEquals(2, seen.size(), "a preview, then the full result");
            PhotoResult preview = seen.get(0);
            PhotoResult full = seen.get(1);
            assertEquals(3, preview.preview());
            assertTrue(!full.isPreview());
            assertSame(full, vm.resultProperty().get());
            Tensor p = preview.result().featureMap();
            Tensor f = full.result().featureMap();
            assertEquals((f.height() + 2) / 3, p.height());
            assertEveryThirdCell(p, f, 7, 5);
            assertEquals(3.0, preview.plan().strideX() * 1.0);
        });
    }

    /**
     * A preview writes into the tensors of the preview shown before (no fresh allocation an edit:
     * on a 12 MP photo each was a humongous object that set G1 marking), with its own exact values.
     */
    @Test
    void theNextPreviewWritesIntoThePreviewItReplaced() {
        java.util.List<PhotoResult> seen = new java.util.ArrayList<>();
        steps(openZoomedOut(), () -> {
            vm.resultProperty().addListener((o, a, r) -> seen.add(r));
            vm.settings().setKernelCell(1, 1, "0.5");
        }, () -> vm.settings().setKernelCell(0, 0, "-2"), () -> {
            assertEquals(4, seen.size(), "two previews, each followed by its full result");
            PhotoResult first = seen.get(0);
            PhotoResult second = seen.get(2);
            assertTrue(first.isPreview() && second.isPreview());
            assertSame(first.result().featureMap(), second.result().featureMap());
            Tensor p = second.result().featureMap();
            Tensor f = seen.get(3).result().featureMap();
            assertEveryThirdCell(p, f, 5, 3);
        });
    }

    @Test
    void withoutAPhotoNothingRuns() {
        steps(() -> {
            vm = new PhotoViewModel(Runnable::run, Runnable::run);
            vm.layer().applyPreset("laplacian");
        }, () -> {
            assertNull(vm.resultProperty().get());
            assertNull(vm.sendPatch(0, 0));
            assertTrue(vm.settings().bandProperty().get().startsWith("high-pass"), vm.settings().bandProperty().get());
        });
    }
}
