package org.convlens.app;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Scene;
import javafx.util.Duration;
import org.convlens.engine.Padding;
import org.convlens.engine.Tensor;
import org.convlens.spec.Problem;
import org.convlens.spec.SpecReader;
import org.convlens.ui.FrameRateMeter;
import org.convlens.ui.Shell;
import org.convlens.ui.WindowViewModel;
import org.convlens.ui.export.ImageExport;
import org.convlens.ui.grid.GridView;
import org.convlens.ui.stepper.Link;
import org.convlens.ui.stepper.Pen;
import org.convlens.ui.stepper.ScenarioViewModel;
import org.convlens.ui.stepper.StepperViewModel;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Options that drive the running window, for documentation and measurement:
 * <ul>
 *   <li>{@code --screenshots DIR}: walks through the main views and writes a PNG of the real
 *       window for each into DIR (the README's pictures), then quits;</li>
 *   <li>{@code --measure-fps [SECONDS]}: plays a 32 x 32 input with a 5 x 5 kernel at 60 steps a
 *       second and reports the frames JavaFX rendered per second, then quits;</li>
 *   <li>{@code --measure-photo [EDITS] PHOTO...}: the Photos tab's time from an edit to the
 *       screen on each photo, next to the engine's time alone ({@link PhotoSpeed}), then quits.</li>
 * </ul>
 * Both run in a fresh temporary app folder, so they never touch the user's saved scenario.
 */
final class Tools {
    /** Options that open the window rather than the command line. */
    static final List<String> WINDOW_OPTIONS = List.of("--presentation", "--screenshots", "--measure-fps",
            "--measure-photo");

    private Tools() {
    }

    static boolean isWindowOption(String a) {
        return a.startsWith("--lesson") || WINDOW_OPTIONS.contains(a);
    }

    /** True if the arguments ask for a tool run (which gets a temporary app folder). */
    static boolean isToolRun(List<String> args) {
        return args.contains("--screenshots") || args.contains("--measure-fps") || args.contains("--measure-photo");
    }

    static void useTemporaryHome() {
        try {
            Path tmp = Files.createTempDirectory("convlens-tool-");
            tmp.toFile().deleteOnExit();
            System.setProperty("convlens.home", tmp.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void run(Shell shell, List<String> args) {
        int i = args.indexOf("--screenshots");
        if (i >= 0) {
            Path dir = Path.of(i + 1 < args.size() ? args.get(i + 1) : "docs/screenshots");
            new Screenshots(shell, dir).start();
        }
        i = args.indexOf("--measure-fps");
        if (i >= 0) {
            double seconds = 10;
            if (i + 1 < args.size()) {
                try {
                    seconds = Double.parseDouble(args.get(i + 1));
                } catch (NumberFormatException e) {
                    seconds = 10;
                }
            }
            measureFps(shell, seconds, System.err);
        }
        if (args.contains("--measure-photo")) {
            PhotoSpeed.start(shell, args, System.err);
        }
    }

    /** A 32 x 32 input of seeded random whole numbers, a 5 x 5 Gaussian, same padding: 1,296 input cells drawn. */
    static Problem benchmarkScenario(ScenarioViewModel s) {
        s.load(org.convlens.ui.stepper.WorkedExample.problem());
        s.inHeightProperty().set(32);
        s.inWidthProperty().set(32);
        s.applyPreset("gaussian");
        s.layer().kernelHeightProperty().set(5);
        s.layer().kernelWidthProperty().set(5);
        s.applyPreset("gaussian");
        s.layer().paddingRuleProperty().set(Padding.Rule.SAME);
        Tensor t = s.inputProperty().get().copy();
        Random r = new Random(32);
        for (int k = 0; k < t.data().length; k++) {
            t.data()[k] = r.nextInt(10);
        }
        String json = org.convlens.spec.SpecWriter.toJson(new Problem(t, s.getComputation().problem().spec()));
        Problem p = SpecReader.read(json);
        s.load(p);
        return p;
    }

    /**
     * Plays the benchmark scenario at 60 steps a second and counts rendered frames. First, for
     * comparison, it measures the machine's ceiling: the same window with only the status text
     * changing every frame.
     */
    static void measureFps(Shell shell, double seconds, PrintStream out) {
        StepperViewModel vm = shell.stepper();
        benchmarkScenario(shell.scenario());
        vm.first();
        vm.loopProperty().set(true);
        vm.speedProperty().set(StepperViewModel.MAX_SPEED);
        GridView input = (GridView) shell.stage().getScene().lookup("#inputGrid");
        GridView output = (GridView) shell.stage().getScene().lookup("#outputGrid");
        FrameRateMeter baseline = new FrameRateMeter();
        FrameRateMeter meter = new FrameRateMeter();
        javafx.animation.AnimationTimer ticker = new javafx.animation.AnimationTimer() {
            private long n;

            @Override
            public void handle(long now) {
                shell.showStatus("frame " + n++);
            }
        };
        long[] start = new long[4];
        int[] steps = new int[1];
        vm.stepProperty().addListener(o -> steps[0]++);
        double base = Math.min(4, seconds / 2);
        Timeline t = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            baseline.start();
            ticker.start();
        }), new KeyFrame(Duration.seconds(1 + base), e -> {
            ticker.stop();
            baseline.stop();
            shell.showStatus("");
            meter.start();
            start[0] = input.drawCount();
            start[1] = output.drawCount();
            start[2] = input.incrementalDrawCount();
            steps[0] = 0;
            vm.togglePlay();
        }), new KeyFrame(Duration.seconds(1 + base + seconds), e -> {
            meter.stop();
            vm.playingProperty().set(false);
            String pipeline = com.sun.prism.GraphicsPipeline.getPipeline() == null ? "?"
                    : com.sun.prism.GraphicsPipeline.getPipeline().getClass().getSimpleName();
            out.printf(Locale.ROOT, "measure-fps: %d x %d input (%d x %d with padding), %d x %d kernel, window %.0f x %.0f,"
                            + " %s, %d processors%n", 32, 32, vm.getFrame().input().rows(), vm.getFrame().input().cols(),
                    5, 5, shell.stage().getWidth(), shell.stage().getHeight(), pipeline,
                    Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "measure-fps: ceiling (only a label changing): %.1f frames/s over %.0f s%n",
                    baseline.meanFps(), base);
            out.printf(Locale.ROOT, "measure-fps: playback at %.0f steps/s: %.1f frames/s over %.0f s (%d frames,"
                            + " slowest %.1f ms), %d steps shown, input grid drawn %d times (%d of them only the"
                            + " changed cells)%n",
                    StepperViewModel.MAX_SPEED, meter.meanFps(), seconds, meter.frames(), meter.slowestFrameMillis(),
                    steps[0], input.drawCount() - start[0], input.incrementalDrawCount() - start[2]);
            out.flush();
            shell.quit();
        }));
        t.play();
    }

    /** The README's screenshots, each of the real window as the user sees it. */
    static final class Screenshots {
        private final Shell shell;
        private final Path dir;
        private final List<Runnable> steps = new ArrayList<>();

        Screenshots(Shell shell, Path dir) {
            this.shell = shell;
            this.dir = dir;
        }

        private void then(Runnable setUp, String name) {
            steps.add(setUp);
            steps.add(() -> shoot(name));
        }

        private void shoot(String name) {
            Scene scene = shell.stage().getScene();
            try {
                Files.createDirectories(dir);
                ImageExport.writePng(ImageExport.snapshot(scene.getRoot()), dir.resolve(name + ".png"));
                System.err.println("screenshot: " + dir.resolve(name + ".png"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void start() {
            StepperViewModel vm = shell.stepper();
            ScenarioViewModel s = shell.scenario();
            WindowViewModel w = shell.windowModel();
            then(() -> {
                vm.jumpTo(5);
                vm.pinnedLinkProperty().set(null);
            }, "stepper");
            then(() -> {
                vm.termPaceProperty().set(true);
                vm.jumpTo(9);
                for (int k = 0; k < 5; k++) {
                    vm.forward();
                }
            }, "term-by-term");
            then(() -> {
                vm.termPaceProperty().set(false);
                vm.jumpTo(9);
                vm.pinnedLinkProperty().set(new Link(Link.Grid.INPUT, 1, 4));
            }, "linking");
            then(() -> {
                vm.pinnedLinkProperty().set(null);
                s.load(read("examples/everything.json"));
                vm.jumpTo(31);
            }, "channels-padding-pooling");
            then(() -> vm.jumpTo(vm.totalStepsProperty().get() - 3), "pooling");
            then(() -> {
                s.load(org.convlens.ui.stepper.WorkedExample.problem());
                s.inHeightProperty().set(3);
                s.inWidthProperty().set(3);
                s.layer().strideYProperty().set(2);
                s.layer().strideXProperty().set(2);
                s.layer().transposedProperty().set(true);
                vm.jumpTo(12);
            }, "transposed");
            then(() -> {
                s.load(org.convlens.ui.stepper.WorkedExample.problem());
                s.layer().strideXProperty().set(2);
                s.layer().strideYProperty().set(4);
                vm.jumpTo(1);
            }, "stride-uncovered");
            then(() -> s.layer().kernelHeightProperty().set(8), "impossible-setting");
            then(() -> {
                benchmarkScenario(s);
                vm.jumpTo(300);
            }, "large-32x32");
            then(() -> {
                s.load(org.convlens.ui.stepper.WorkedExample.problem());
                s.layer().paddingRuleProperty().set(Padding.Rule.EXPLICIT);
                s.layer().padTopProperty().set(1);
                s.layer().padLeftProperty().set(2);
                vm.jumpTo(6);
                w.themeProperty().set(WindowViewModel.Theme.DARK);
            }, "dark");
            then(() -> {
                w.themeProperty().set(WindowViewModel.Theme.LIGHT);
                w.setPresentation(true);
            }, "presentation");
            then(() -> {
                // The classroom: ReLU set, so the map before it stands beside the output; the
                // class quizzed (Q covers the output and the sum); a circle drawn with the pen (P).
                s.load(org.convlens.ui.stepper.WorkedExample.problem());
                s.layer().activationProperty().set(org.convlens.engine.Activation.Type.RELU);
                vm.jumpTo(9);
                vm.quizProperty().set(true);
                var pen = vm.pen();
                pen.activeProperty().set(true);
                // marks are held by the cells they are drawn on: a circle round the window, an arrow to the kernel
                pen.begin(Pen.Shape.CIRCLE, new Pen.Point("inputGrid", 2.5, 3.5));
                pen.extend(new Pen.Point("inputGrid", 4.3, 3.5));
                pen.begin(Pen.Shape.ARROW, new Pen.Point("inputGrid", 4.5, 2.2));
                pen.extend(new Pen.Point("kernelGrid", -0.2, 1.5));
            }, "classroom");
            // zoomed in, the marks stay on their cells
            then(() -> {
                w.zoomIn();
                w.zoomIn();
            }, "classroom-zoomed");
            then(() -> {
                w.zoomReset();
                vm.quizProperty().set(false);
                vm.pen().clear();
                vm.pen().activeProperty().set(false);
            }, "classroom-revealed");
            then(() -> {
                // All channels (A): 3 input channels, 2 output channels, groups 1, at output channel 1
                s.load(org.convlens.ui.stepper.WorkedExample.problem());
                s.inChannelsProperty().set(3);
                s.layer().outChannelsProperty().set(2);
                s.randomInput();
                s.randomKernel();
                vm.allChannelsProperty().set(true);
                vm.jumpTo(16 + 5);
            }, "all-channels");
            then(() -> {
                // groups 2: 4 input channels, 4 output channels, each output reading its group's 2
                s.inChannelsProperty().set(4);
                s.layer().outChannelsProperty().set(4);
                s.layer().groupsProperty().set(2);
                s.randomInput();
                s.randomKernel();
                vm.jumpTo(2 * 16 + 5);
            }, "all-channels-groups");
            then(() -> w.setPresentation(true), "all-channels-presentation");
            then(() -> {
                vm.allChannelsProperty().set(false);
                w.setPresentation(false);
                w.localeProperty().set(Locale.SIMPLIFIED_CHINESE);
                vm.jumpTo(6);
            }, "chinese");
            then(() -> {
                w.localeProperty().set(Locale.TRADITIONAL_CHINESE);
                vm.jumpTo(6);
            }, "chinese-traditional");
            then(() -> {
                w.localeProperty().set(Locale.ENGLISH);
                shell.toggleHelp();
            }, "keyboard-help");
            steps.add(() -> {
                shell.toggleHelp();
                // The Photos tab takes every setting of the stepper: a 3 x 5 Gaussian, stride 1 x 2.
                s.load(org.convlens.ui.stepper.WorkedExample.problem());
                s.layer().kernelWidthProperty().set(5);
                s.applyPreset("gaussian");
                s.layer().strideXProperty().set(2);
                s.layer().paddingRuleProperty().set(Padding.Rule.SAME);
                shell.selectTab("photos");
            });
            for (int k = 0; k < 5; k++) {
                steps.add(() -> { });
            }
            then(() -> { }, "photos");
            steps.add(() -> shell.selectTab("network"));
            steps.add(() -> { });
            then(() -> {
                javafx.scene.Node n = shell.stage().getScene().lookup("#network-root");
                var net = (org.convlens.ui.network.NetworkViewModel) n.getProperties()
                        .get(org.convlens.ui.network.NetworkViewModel.class);
                net.pickedProperty().set(new org.convlens.ui.network.NetworkViewModel.Cell(4, 3, 2, 2));
            }, "network");
            // The Compare tab: the stepper's worked example twice, zeros against reflect padding
            // (both padded by 1), then stride 1 against 2 with B done, then presented (F5).
            steps.add(() -> {
                s.load(org.convlens.ui.stepper.WorkedExample.problem());
                shell.selectTab("compare");
            });
            steps.add(() -> { });
            then(() -> compare().jumpTo(7), "compare");
            then(() -> {
                compare().use(org.convlens.ui.compare.Contrast.STRIDE);
                compare().jumpTo(6);
            }, "compare-stride");
            then(() -> w.setPresentation(true), "compare-presentation");
            steps.add(() -> w.setPresentation(false));
            steps.add(() -> shell.selectTab("stepper"));
            steps.add(shell::quit);
            next(0);
        }

        private org.convlens.ui.compare.CompareViewModel compare() {
            javafx.scene.Node n = shell.stage().getScene().lookup("#compare-root");
            return (org.convlens.ui.compare.CompareViewModel) n.getProperties()
                    .get(org.convlens.ui.compare.CompareViewModel.class);
        }

        private void next(int k) {
            if (k >= steps.size()) {
                return;
            }
            // each change gets time to lay out and render before the next runs
            Timeline t = new Timeline(new KeyFrame(Duration.millis(k == 0 ? 1500 : 700), e -> {
                steps.get(k).run();
                next(k + 1);
            }));
            t.play();
        }

        private static Problem read(String path) {
            try {
                return SpecReader.read(Path.of(path));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

}
