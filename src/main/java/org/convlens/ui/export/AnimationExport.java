package org.convlens.ui.export;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.scene.Node;
import org.convlens.ui.UiText;
import org.convlens.ui.stepper.StepperViewModel;
import org.convlens.io.AtomicFiles;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Records the animation as a GIF: on the JavaFX thread, one step per frame pulse, it moves the
 * stepper to the step and snapshots the view (the same rendering the user sees); a background
 * {@link Task} encodes the frames as they come. The window stays responsive; {@link #cancel()}
 * stops it; the stepper goes back to where it was.
 */
public final class AnimationExport {
    /** More steps than this are sampled evenly, so a 32 x 32 run makes a GIF of sensible size. */
    public static final int MAX_FRAMES = 300;
    private static final BufferedImage END = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);

    private final StepperViewModel stepper;
    private final Node node;
    private final Path file;
    private final Executor executor;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final BlockingQueue<BufferedImage> frames = new LinkedBlockingQueue<>(8);
    private Consumer<String> onDone = e -> { };
    private volatile boolean cancelled;
    private AnimationTimer timer;

    public AnimationExport(StepperViewModel stepper, Node node, Path file, Executor executor) {
        this.stepper = stepper;
        this.node = node;
        this.file = file;
        this.executor = executor;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Called on the JavaFX thread when done: null on success, else what went wrong. */
    public void setOnDone(Consumer<String> c) {
        this.onDone = c;
    }

    public void cancel() {
        cancelled = true;
    }

    /** The steps recorded: all of them, or {@link #MAX_FRAMES} evenly spread, last step included. */
    public static int[] steps(int total) {
        int n = Math.min(total, MAX_FRAMES);
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = n == 1 ? 0 : (int) Math.round((double) i * (total - 1) / (n - 1));
        }
        return s;
    }

    /** Starts recording; returns at once. */
    public void start(Locale locale) {
        int[] steps = steps(stepper.totalStepsProperty().get());
        int keepStep = stepper.getStep();
        int keepTerm = stepper.termProperty().get();
        boolean keepPace = stepper.termPaceProperty().get();
        boolean wasPlaying = stepper.playingProperty().get();
        stepper.playingProperty().set(false);
        stepper.termPaceProperty().set(false);
        int delay = (int) Math.max(100, Math.min(1000, 1000 / Math.max(stepper.speedProperty().get(), 0.5)));

        Task<Void> encode = new Task<>() {
            @Override
            protected Void call() throws Exception {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                int done = 0;
                try (GifWriter gif = new GifWriter(bytes)) {
                    while (true) {
                        BufferedImage f = frames.take();
                        if (f == END || cancelled) {
                            break;
                        }
                        gif.add(f, done == steps.length - 1 ? Math.max(delay, 1500) : delay);
                        done++;
                        updateProgress(done, steps.length);
                        updateMessage(UiText.get(locale, "status.gif.progress", done, steps.length));
                    }
                }
                if (!cancelled) {
                    AtomicFiles.write(file, bytes.toByteArray());
                }
                return null;
            }
        };
        encode.messageProperty().addListener((o, a, b) -> message.set(b));
        progress.bind(encode.progressProperty());
        Runnable restore = () -> {
            stepper.termPaceProperty().set(keepPace);
            stepper.jumpTo(keepStep);
            stepper.termProperty().set(keepTerm);
            stepper.playingProperty().set(wasPlaying);
        };
        encode.setOnSucceeded(e -> onDone.accept(cancelled ? UiText.get(locale, "status.gif.cancelled") : null));
        encode.setOnFailed(e -> onDone.accept(String.valueOf(encode.getException().getMessage())));
        executor.execute(encode);

        timer = new AnimationTimer() {
            private int next;

            @Override
            public void handle(long now) {
                if (frames.remainingCapacity() == 0) {
                    return; // the encoder is behind: wait for it (never block the JavaFX thread)
                }
                if (cancelled || next >= steps.length) {
                    stop();
                    frames.offer(END);
                    restore.run();
                    return;
                }
                stepper.jumpTo(steps[next]);
                frames.offer(ImageExport.snapshot(node));
                next++;
            }
        };
        if (Platform.isFxApplicationThread()) {
            timer.start();
        } else {
            Platform.runLater(timer::start);
        }
    }
}
