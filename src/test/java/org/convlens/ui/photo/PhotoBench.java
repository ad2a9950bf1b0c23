package org.convlens.ui.photo;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.Padding;
import org.convlens.engine.Parallel;
import org.convlens.image.ChannelPolicy;
import org.convlens.image.ColorMode;
import org.convlens.spec.Numbers;
import org.convlens.ui.FxWait;
import org.convlens.image.Photo;
import org.convlens.image.PhotoReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The photo benchmark, Java side: for a photo (12 megapixels in tools/bench/photo_bench.sh) and
 * 3x3, 7x7, 15x15 kernels (dense, {@code w[i] = sin(i + 1)}, as photo_bench.py), prints
 * <ul>
 *   <li>engine time alone: {@code ConvEngine.run} on the colour photo (depthwise, 3 channels),
 *       output tensors reused between runs as the view does
 *       and on its gray version, "same" zero padding, median of N runs after warm-up;</li>
 *   <li>edit to screen: in the real photo view (headless JavaFX, Monocle), the time from changing
 *       one kernel value to the new result drawn into the result pane's image, median of N edits,
 *       measured by the view-model ({@link PhotoViewModel#shownMsProperty()}).</li>
 * </ul>
 * Figures only, one JSON line each; nothing asserts a speed. Run with tools/bench/photo_bench.sh.
 */
public final class PhotoBench {
    private PhotoBench() {
    }

    static float[][] kernel(int k) {
        float[][] r = new float[k][k];
        for (int i = 0; i < k * k; i++) {
            r[i / k][i % k] = (float) Math.sin(i + 1);
        }
        return r;
    }

    public static void main(String[] args) throws Exception {
        Path photoPath = Path.of(args.length > 0 ? args[0] : "target/bench/photo12mp.png");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Photo colour = new PhotoReader(ColorMode.COLOR, 64_000_000L).read(photoPath);
        Photo gray = new PhotoReader(ColorMode.GRAY, 64_000_000L).read(photoPath);
        int threads = Parallel.availableThreads();
        for (int k : new int[] {3, 7, 15}) {
            for (Photo p : List.of(colour, gray)) {
                ConvSpec spec = ChannelPolicy.forChannels(
                        ConvSpec.builder(Kernel.of(kernel(k))).padding(Padding.SAME).build(), p.channels());
                ConvPlan plan = ConvPlan.of(spec, p.tensor());
                // Output tensors reused from run to run, as the photo view reuses its spare result.
                ConvEngine.Result[] last = {null};
                double ms = median(runs, () -> last[0] = ConvEngine.run(plan, p.tensor(), last[0], threads));
                System.out.printf(Locale.ROOT, "{\"side\": \"engine\", \"case\": \"%s_k%d\", \"width\": %d, \"height\": %d,"
                        + " \"threads\": %d, \"median_ms\": %.2f}%n", p.channels() == 3 ? "rgb" : "gray", k, p.width(),
                        p.height(), threads, ms);
            }
        }
        gray = null;
        colour = null;
        editToScreen(photoPath, runs);
        Platform.exit();
        System.exit(0);
    }

    private static double median(int runs, Runnable r) {
        r.run();
        r.run();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    private static void editToScreen(Path photoPath, int runs) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        AtomicReference<PhotoViewModel> vmRef = new AtomicReference<>();
        FxWait.run(() -> {
            PhotoViewModel vm = PhotoView.defaultModel();
            PhotoView v = PhotoView.load(vm, Locale.ENGLISH).withTheme("dark");
            Stage stage = new Stage();
            stage.setScene(new Scene(v.root(), 1280, 800));
            stage.show();
            vmRef.set(vm);
            vm.open(photoPath);
        });
        PhotoViewModel vm = vmRef.get();
        waitFor(() -> vm.displayProperty().get() != null && vm.shownCountProperty().get() > 0, 120);
        for (int k : new int[] {3, 7, 15}) {
            float[][] rows = kernel(k);
            int before = shown(vm);
            FxWait.run(() -> vm.layer().setKernelRows(rows));
            waitFor(() -> vm.shownCountProperty().get() > before
                    && vm.resultProperty().get().plan().spec().kernel().height() == k, 120);
            List<Double> ms = new ArrayList<>();
            List<Double> preview = new ArrayList<>();
            for (int i = 0; i < runs + 2; i++) {
                int b = shown(vm);
                String value = Numbers.shortest(rows[0][0] + (i + 1) * 0.125f);
                FxWait.run(() -> vm.settings().setKernelCell(0, 0, value));
                waitFor(() -> vm.shownCountProperty().get() > b && !vm.busyProperty().get(), 120);
                Thread.sleep(50);
                double v = FxWait.get(() -> vm.shownMsProperty().get());
                double pv = FxWait.get(() -> vm.previewShownMsProperty().get());
                double engine = FxWait.get(() -> vm.resultProperty().get().engineMs());
                if (i >= 2) {
                    ms.add(v);
                    preview.add(pv);
                    engineMs.add(engine);
                }
            }
            ms.sort(Double::compare);
            preview.sort(Double::compare);
            engineMs.sort(Double::compare);
            System.out.printf(Locale.ROOT, "{\"side\": \"edit_to_screen\", \"case\": \"rgb_k%d\", \"median_ms\": %.2f,"
                    + " \"preview_ms\": %.2f, \"view_step\": %.2f, \"engine_in_app_ms\": %.2f, \"edits\": %d}%n", k,
                    ms.get(ms.size() / 2), preview.get(preview.size() / 2), FxWait.get(() -> vm.viewStepProperty().get()),
                    engineMs.get(engineMs.size() / 2), ms.size());
            engineMs.clear();
        }
    }

    private static final List<Double> engineMs = new ArrayList<>();

    private static int shown(PhotoViewModel vm) {
        return FxWait.get(() -> vm.shownCountProperty().get());
    }

    /** Waits until {@code cond}, evaluated on the JavaFX thread, holds. */
    private static void waitFor(java.util.function.BooleanSupplier cond, int seconds) throws InterruptedException {
        FxWait.until(cond, seconds, 2, () -> "");
    }
}
