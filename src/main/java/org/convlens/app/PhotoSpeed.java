package org.convlens.app;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Parallel;
import org.convlens.image.ChannelPolicy;
import org.convlens.image.Photo;
import org.convlens.spec.Numbers;
import org.convlens.ui.FxWait;
import org.convlens.ui.Shell;
import org.convlens.ui.photo.PhotoResult;
import org.convlens.ui.photo.PhotoView;
import org.convlens.ui.photo.PhotoViewModel;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * {@code --measure-photo [EDITS] PHOTO...}: in the real window, the Photos tab's time from an edit
 * of a kernel cell (typed into its field) to the JavaFX pulse that puts the result on screen, as
 * the tab's own "on screen" figure measures it, for each photo with a dense 3 x 3 kernel
 * ({@code w[i] = sin(i + 1)}, as tools/bench/photo_bench.py); and next to it, in the same process
 * and on the same photo, the engine alone ({@code ConvEngine.run} with its output reused, as the
 * tab does). Medians of EDITS edits after two warm-up edits; one JSON line per photo on standard
 * error. Figures only: nothing asserts a speed. tools/bench/photo_screen_bench.sh runs it under
 * Xvfb beside OpenCV's cv2.filter2D on the same photos.
 */
final class PhotoSpeed {
    private static final int WARM_UP = 2;
    private static volatile PhotoViewModel current;
    private final Shell shell;
    private final PrintStream out;
    private final int edits;
    private final List<Path> photos;

    private PhotoSpeed(Shell shell, PrintStream out, int edits, List<Path> photos) {
        this.shell = shell;
        this.out = out;
        this.edits = edits;
        this.photos = photos;
    }

    /** Starts the measurement on a thread of its own (it waits; the JavaFX thread never does), then quits. */
    static void start(Shell shell, List<String> args, PrintStream out) {
        int i = args.indexOf("--measure-photo");
        int edits = 9;
        List<Path> photos = new ArrayList<>();
        for (String a : args.subList(i + 1, args.size())) {
            if (a.startsWith("--")) {
                break;
            }
            if (a.matches("\\d+")) {
                edits = Integer.parseInt(a);
            } else {
                photos.add(Path.of(a));
            }
        }
        PhotoSpeed s = new PhotoSpeed(shell, out, Math.max(1, edits), photos);
        Thread t = new Thread(() -> {
            try {
                s.measure();
            } catch (Throwable e) {
                e.printStackTrace(out);
            } finally {
                out.flush();
                Platform.runLater(shell::quit);
            }
        }, "convlens-measure-photo");
        t.setDaemon(true);
        t.start();
    }

    static float[][] kernel(int k) {
        float[][] r = new float[k][k];
        for (int i = 0; i < k * k; i++) {
            r[i / k][i % k] = (float) Math.sin(i + 1);
        }
        return r;
    }

    private void measure() throws InterruptedException {
        Thread.sleep(1500);
        FxWait.run(() -> shell.selectTab("photos"));
        waitFor(() -> view() != null, 60);
        PhotoView view = FxWait.get(this::view);
        PhotoViewModel vm = view.viewModel();
        waitFor(() -> vm.photoProperty().get() != null && vm.shownCountProperty().get() > 0 && !vm.busyProperty().get(), 120);
        String pipeline = FxWait.get(() -> com.sun.prism.GraphicsPipeline.getPipeline() == null ? "?"
                : com.sun.prism.GraphicsPipeline.getPipeline().getClass().getSimpleName());
        out.printf(Locale.ROOT, "measure-photo: %s, window %.0f x %.0f, %d processors, engine path %s%n", pipeline,
                shell.stage().getWidth(), shell.stage().getHeight(), Runtime.getRuntime().availableProcessors(),
                ConvEngine.pathName());
        for (Path p : photos) {
            measure(view, vm, p);
        }
    }

    private void measure(PhotoView view, PhotoViewModel vm, Path path) throws InterruptedException {
        String name = path.getFileName().toString();
        FxWait.run(() -> vm.open(path));
        current = vm;
        waitFor(() -> vm.photoProperty().get() != null && vm.photoProperty().get().name().endsWith(name)
                && vm.resultProperty().get() != null && vm.resultProperty().get().photo() == vm.photoProperty().get()
                && !vm.resultProperty().get().isPreview() && !vm.busyProperty().get(), 60);
        float[][] rows = kernel(3);
        int before = FxWait.get(() -> vm.shownCountProperty().get());
        FxWait.run(() -> vm.layer().setKernelRows(rows));
        waitFor(() -> vm.shownCountProperty().get() > before && full(vm) && !vm.busyProperty().get(), 300);
        Thread.sleep(300);
        List<double[]> rowsMs = new ArrayList<>();
        for (int i = 0; i < edits + WARM_UP; i++) {
            String value = Numbers.shortest(rows[0][0] + (i + 1) * 0.125f);
            FxWait.run(() -> ((TextField) view.root().lookup("#photo-k0_0")).setText(value));
            waitFor(() -> full(vm) && !vm.busyProperty().get()
                    && Numbers.shortest(vm.resultProperty().get().plan().spec().kernel().get(0, 0, 0, 0)).equals(value)
                    && Double.isFinite(vm.shownMsProperty().get()) && vm.shownMsProperty().get() > 0
                    && shownIs(vm), 300);
            // a gap, as between a person's edits: the frame after settles
            Thread.sleep(150);
            double[] r = FxWait.get(() -> new double[] {vm.shownMsProperty().get(), vm.previewShownMsProperty().get(),
                vm.resultProperty().get().engineMs()});
            if (i >= WARM_UP) {
                rowsMs.add(r);
            }
        }
        Photo photo = FxWait.get(() -> vm.photoProperty().get());
        ConvSpec spec = FxWait.get(() -> ChannelPolicy.forChannels(vm.resultProperty().get().plan().spec(), photo.channels()));
        ConvPlan plan = ConvPlan.of(spec, photo.tensor());
        ConvEngine.Result[] last = {null};
        double engine = median(edits, () -> last[0] = ConvEngine.run(plan, photo.tensor(), last[0], Parallel.availableThreads()));
        double step = FxWait.get(() -> vm.viewStepProperty().get());
        out.printf(Locale.ROOT, "{\"side\": \"edit_to_screen\", \"photo\": \"%s\", \"width\": %d, \"height\": %d,"
                        + " \"channels\": %d, \"kernel\": 3, \"view_step\": %.2f, \"edits\": %d, \"on_screen_ms\": %.2f,"
                        + " \"preview_on_screen_ms\": %.2f, \"engine_in_tab_ms\": %.2f, \"engine_alone_ms\": %.2f}%n",
                name, photo.width(), photo.height(), photo.channels(), step, rowsMs.size(), median(rowsMs, 0),
                median(rowsMs, 1), median(rowsMs, 2), engine);
    }

    /** True when the result shown is the one timed (the full one). */
    private static boolean shownIs(PhotoViewModel vm) {
        PhotoViewModel.Display d = vm.displayProperty().get();
        return d != null && d.source() == vm.resultProperty().get();
    }

    private static boolean full(PhotoViewModel vm) {
        PhotoResult r = vm.resultProperty().get();
        return r != null && !r.isPreview();
    }

    private static double median(List<double[]> rows, int col) {
        double[] v = rows.stream().mapToDouble(r -> r[col]).filter(Double::isFinite).sorted().toArray();
        return v.length == 0 ? Double.NaN : v[v.length / 2];
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

    private PhotoView view() {
        Node n = shell.stage().getScene().lookup("#photo-resultPane");
        while (n != null && !(n.getUserData() instanceof PhotoView)) {
            n = n.getParent();
        }
        return n == null ? null : (PhotoView) n.getUserData();
    }

    /** Waits until {@code cond}, evaluated on the JavaFX thread, holds; a time-out says what the tab holds. */
    private static void waitFor(BooleanSupplier cond, int seconds) throws InterruptedException {
        FxWait.until(cond, seconds, 5, () -> {
            PhotoViewModel vm = current;
            return vm == null ? "" : FxWait.get(() -> ": photo "
                    + (vm.photoProperty().get() == null ? null : vm.photoProperty().get().name()) + ", result "
                    + vm.resultProperty().get() + ", busy " + vm.busyProperty().get() + ", error "
                    + vm.errorProperty().get() + ", status " + vm.statusProperty().get());
        });
    }
}
