package org.convlens.ui.photo;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Parallel;
import org.convlens.engine.SpecException;
import org.convlens.engine.Tensor;
import org.convlens.image.ColorMode;
import org.convlens.image.ColorScale;
import org.convlens.image.MapRenderer;
import org.convlens.image.MapStats;
import org.convlens.image.Npy;
import org.convlens.image.OutputGeometry;
import org.convlens.image.Photo;
import org.convlens.image.PhotoException;
import org.convlens.image.PhotoReader;
import org.convlens.image.PngOut;
import org.convlens.image.Samples;
import org.convlens.image.Scaling;
import org.convlens.spec.Problem;
import org.convlens.ui.LocalText;
import org.convlens.ui.settings.LayerSettingsViewModel;
import org.convlens.ui.settings.SettingError;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The photo view's state: the photo, the settings, the latest result and how it is shown.
 *
 * <p>Every edit of a setting asks for a run: the live runs (coalesced, cancelled when stale,
 * previews first on a large photo) are {@link PhotoRuns}'s. Opening a photo and the exports go
 * through the injected executor as {@link javafx.concurrent.Task}s too; the JavaFX thread never
 * waits for one.
 */
public final class PhotoViewModel {
    /** Side of the patch sent to the stepper. */
    public static final int PATCH = 8;
    /** Working bytes per pixel in the app: input, two results alive while a new one is made, display. */
    private static final int BYTES_PER_PIXEL = 3 * 4 * 3 + 8;

    /** What the result pane shows: a map, which channel, on which scale, placed where on the input. */
    public record Display(Tensor map, int channel, ColorScale scale, MapStats stats, OutputGeometry geometry,
                          PhotoResult source) {
    }

    private final Executor executor;
    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale", Locale.ENGLISH);
    private final PhotoLayerViewModel settings = new PhotoLayerViewModel(locale);

    // Properties
    private final ReadOnlyObjectWrapper<Photo> photo = new ReadOnlyObjectWrapper<>(this, "photo");
    private final ObjectProperty<ColorMode> colorMode = new SimpleObjectProperty<>(this, "colorMode", ColorMode.COLOR);
    private final ReadOnlyObjectWrapper<PhotoResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObjectProperty<Scaling> scaling = new SimpleObjectProperty<>(this, "scaling", Scaling.RAW);
    private final IntegerProperty channel = new SimpleIntegerProperty(this, "channel", MapRenderer.RGB);
    private final ObservableList<Integer> channels = FXCollections.observableArrayList();
    private final BooleanProperty showPooled = new SimpleBooleanProperty(this, "showPooled", true);
    private final ReadOnlyObjectWrapper<Display> display = new ReadOnlyObjectWrapper<>(this, "display");
    private final ReadOnlyObjectWrapper<Display> inputDisplay = new ReadOnlyObjectWrapper<>(this, "inputDisplay");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final LocalText error = new LocalText(locale);
    private final LocalText notice = new LocalText(locale);
    private final LocalText status = new LocalText(locale);
    private final ShownTimes times = new ShownTimes(locale);
    private final ReadOnlyObjectWrapper<Problem> patch = new ReadOnlyObjectWrapper<>(this, "patch");

    private Consumer<Problem> patchSink;
    private final long maxPixels;

    private final PhotoRuns runs;
    private Task<Photo> loading;
    private PhotoReader loadingReader;

    /**
     * @param executor runs the long work (tests pass one that runs it on the calling thread)
     * @param fx runs a step on the JavaFX thread after the current event ({@code Platform::runLater};
     *     tests on the JavaFX thread may pass {@code Runnable::run})
     */
    public PhotoViewModel(Executor executor, Consumer<Runnable> fx) {
        this(executor, executor, fx, PhotoReader.defaultMaxPixels(BYTES_PER_PIXEL));
    }

    /**
     * @param runExecutor runs the live runs of the settings on the photo: a thread of their own
     *     ({@link PhotoRuns#ownThread()}) in the app, so an edit never waits behind other work
     */
    public PhotoViewModel(Executor executor, Executor runExecutor, Consumer<Runnable> fx) {
        this(executor, runExecutor, fx, PhotoReader.defaultMaxPixels(BYTES_PER_PIXEL));
    }

    PhotoViewModel(Executor executor, Consumer<Runnable> fx, long maxPixels) {
        this(executor, executor, fx, maxPixels);
    }

    private PhotoViewModel(Executor executor, Executor runExecutor, Consumer<Runnable> fx, long maxPixels) {
        this.executor = executor;
        this.maxPixels = maxPixels;
        this.runs = new PhotoRuns(runExecutor, fx, new RunHost(), photo, result, viewStep, showPooled);
        settings.layer().revisionProperty().addListener(o -> edited());
        colorMode.addListener((o, a, b) -> reloadInMode());
        scaling.addListener(o -> updateDisplay());
        channel.addListener(o -> updateDisplay());
        showPooled.addListener(o -> updateDisplay());
        result.addListener(o -> updateDisplay());
    }

    /** The tab's settings: the layer, its messages, the kernel cells and the kernel as a filter. */
    public PhotoLayerViewModel settings() {
        return settings;
    }

    /** The layer's settings as the tab edits them: the shared model, loaded from the stepper's. */
    public LayerSettingsViewModel layer() {
        return settings.layer();
    }

    /** The window's language: every line this view-model shows follows it. */
    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public ReadOnlyObjectProperty<Photo> photoProperty() {
        return photo.getReadOnlyProperty();
    }

    /** Colour (3 channels, the kernel applied to each) or gray (one channel, BT.601 luma). */
    public ObjectProperty<ColorMode> colorModeProperty() {
        return colorMode;
    }

    public ReadOnlyObjectProperty<PhotoResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ObjectProperty<Scaling> scalingProperty() {
        return scaling;
    }

    /** The result channel shown, or {@link MapRenderer#RGB} for the three as a colour image. */
    public IntegerProperty channelProperty() {
        return channel;
    }

    /** The channels that can be shown ({@link MapRenderer#RGB} first when the result has three). */
    public ObservableList<Integer> channelChoices() {
        return channels;
    }

    /** Show the pooled map (when the settings pool) rather than the feature map before pooling. */
    public BooleanProperty showPooledProperty() {
        return showPooled;
    }

    public ReadOnlyObjectProperty<Display> displayProperty() {
        return display.getReadOnlyProperty();
    }

    /** The input photo as the left pane shows it (clamped, RGB or gray). */
    public ReadOnlyObjectProperty<Display> inputDisplayProperty() {
        return inputDisplay.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What went wrong last (a file that cannot be read, a setting that does not fit the photo), or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.property();
    }

    /** Things to know about the photo (scaled down, decoder warnings), or empty. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.property();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.property();
    }

    /** "engine 34 ms, on screen 52 ms after the edit". */
    public ReadOnlyStringProperty timingProperty() {
        return times.timingProperty();
    }

    /** Time from the edit to the result on screen, of the last result shown. */
    public ReadOnlyDoubleProperty shownMsProperty() {
        return times.shownMsProperty();
    }

    /** Counts results put on screen (for tests and the benchmark). */
    public ReadOnlyIntegerProperty shownCountProperty() {
        return times.shownCountProperty();
    }

    /** The last patch sent to the stepper. */
    public ReadOnlyObjectProperty<Problem> patchProperty() {
        return patch.getReadOnlyProperty();
    }

    /** Where "send to stepper" goes: the main window's stepper. Null: the patch is only kept in {@link #patchProperty()}. */
    public void setPatchSink(Consumer<Problem> sink) {
        this.patchSink = sink;
    }

    // Commands

    /** Opens a photo file in the background; a bad file leaves the current photo and result as they are. */
    public void open(Path file) {
        load(file.getFileName().toString(), r -> r.read(file));
    }

    /** Opens a bundled sample. */
    public void openSample(String name) {
        load(name, r -> r.read(Samples.bytes(name), name));
    }

    private interface Read {
        Photo read(PhotoReader r) throws PhotoException;
    }

    private void load(String name, Read read) {
        cancelLoading();
        PhotoReader reader = new PhotoReader(colorMode.get(), maxPixels);
        Task<Photo> t = new Task<>() {
            @Override
            protected Photo call() throws Exception {
                reader.onProgress(p -> updateProgress(p, 1));
                return read.read(reader);
            }
        };
        loading = t;
        loadingReader = reader;
        reread = () -> load(name, read);
        busy.set(true);
        status.set(l -> PhotoText.get(l, "status.opening", name));
        progress.bind(t.progressProperty());
        t.setOnSucceeded(e -> {
            if (loading != t) {
                return;
            }
            finishLoading();
            Photo p = t.getValue();
            photo.set(p);
            error.clear();
            notice.set(l -> String.join("\n", p.notices()));
            status.set(l -> PhotoText.get(l, "status.opened", p.name(), p.fileWidth(), p.fileHeight(),
                    p.format().displayName()));
            inputDisplay.set(inputDisplayOf(p));
            settings.updateChannelInfo(p);
            edited();
        });
        t.setOnFailed(e -> {
            if (loading != t) {
                return;
            }
            finishLoading();
            Throwable x = t.getException();
            error.set(l -> x instanceof PhotoException pe ? pe.line(l)
                    : PhotoText.get(l, "error.unexpected", name, String.valueOf(x)));
            status.clear();
        });
        t.setOnCancelled(e -> {
            if (loading == t) {
                finishLoading();
                status.set(l -> PhotoText.get(l, "status.cancelled"));
            }
        });
        executor.execute(t);
    }

    private Runnable reread;

    private void reloadInMode() {
        if (reread != null && photo.get() != null) {
            reread.run();
        }
    }

    private void finishLoading() {
        progress.unbind();
        loading = null;
        loadingReader = null;
        busy.set(runs.running());
    }

    private void cancelLoading() {
        if (loading != null) {
            Task<Photo> t = loading;
            PhotoReader r = loadingReader;
            finishLoading();
            if (r != null) {
                r.abort();
            }
            t.cancel(true);
        }
    }

    /**
     * Compiles the engine's, the statistics' and the renderer's loops before the first edit (on a
     * small made-up photo, through the run executor), so the first edit is not the one that pays
     * for the JIT: on a 512 x 512 photo the first 3 x 3 run took 137 ms, the next ones 3 ms.
     */
    public void warmUp() {
        runs.warmUp();
    }

    /** Stops whatever runs (opening a photo or computing). */
    public void cancel() {
        cancelLoading();
        runs.cancel();
    }

    /** A setting changed: run again soon. */
    private void edited() {
        runs.edited();
    }

    /** The settings as they run on photo {@code p}, or null after saying at the setting why they cannot. */
    private ConvSpec specFor(Photo p) {
        ConvSpec s = settings.check(p);
        showSettingProblem();
        return s;
    }

    /** Checks the settings against the photo now, showing any problem at its setting and in the error line. */
    private void checkSettings() {
        settings.check(photo.get());
        showSettingProblem();
    }

    /** True while {@link #error} holds a settings problem (cleared once the settings work again). */
    private boolean settingErrorShown;

    private void showSettingProblem() {
        SettingError e = settings.problem();
        if (e != null) {
            error.set(l -> PhotoText.get(l, "error.setting", e.message(l)));
            settingErrorShown = true;
        } else if (settingErrorShown) {
            settingErrorShown = false;
            error.clear();
        }
    }

    /** What the runs need from this view-model: the settings checked, busy and progress, the error line. */
    private final class RunHost implements PhotoRuns.Host {
        @Override
        public ConvSpec specFor(Photo p) {
            return PhotoViewModel.this.specFor(p);
        }

        @Override
        public void checkSettings() {
            PhotoViewModel.this.checkSettings();
        }

        @Override
        public void started(Task<PhotoResult> t) {
            busy.set(true);
            progress.bind(t.progressProperty());
        }

        @Override
        public void ended() {
            progress.unbind();
            progress.set(0);
            busy.set(loading != null);
        }

        @Override
        public void succeeded() {
            if (settings.problem() == null) {
                error.clear();
            }
        }

        @Override
        public void failed(Photo p, Throwable x) {
            if (x instanceof SpecException se) {
                error.set(l -> PhotoText.get(l, "error.setting", se.message(l)));
            } else if (x instanceof OutOfMemoryError) {
                error.set(l -> PhotoText.get(l, "error.memory"));
            } else if (!(x instanceof Parallel.CancelledException) && !(x instanceof CancellationException)) {
                error.set(l -> PhotoText.get(l, "error.unexpected", p.name(), String.valueOf(x)));
            }
        }
    }

    /** Input pixels per screen pixel of the view; set by the view. Previews are made when it is 2 or more. */
    public DoubleProperty viewStepProperty() {
        return viewStep;
    }

    private final DoubleProperty viewStep = new javafx.beans.property.SimpleDoubleProperty(this, "viewStep", 1);

    /** For tests: the photo size from which previews are made. */
    void setPreviewPixels(long pixels) {
        runs.setPreviewPixels(pixels);
    }

    /** The view calls this once it has drawn {@code d} into its picture. */
    public void markShown(Display d) {
        times.drawn(d);
    }

    /**
     * The view calls this at every pulse of its scene after the layout pass: a result drawn since
     * the last one reaches the screen with this pulse, and its edit-to-screen time is taken now.
     */
    public void markPulse() {
        times.pulse();
    }

    /** Time from the edit to the preview on screen, of the last preview shown. */
    public ReadOnlyDoubleProperty previewShownMsProperty() {
        return times.previewShownMsProperty();
    }

    private void updateDisplay() {
        PhotoResult r = result.get();
        if (r == null) {
            display.set(null);
            return;
        }
        boolean pooled = showPooled.get() && r.result().pooled() != null;
        Tensor map = pooled ? r.result().pooled() : r.result().featureMap();
        MapStats stats = pooled ? r.pooledStats() : r.featureStats();
        int c = map.channels();
        java.util.List<Integer> choices = new java.util.ArrayList<>();
        if (c == 3) {
            choices.add(MapRenderer.RGB);
        }
        for (int i = 0; i < c; i++) {
            choices.add(i);
        }
        if (!channels.equals(choices)) {
            channels.setAll(choices);
        }
        if (!choices.contains(channel.get())) {
            channel.set(choices.get(0));
        }
        ColorScale scale = ColorScale.of(scaling.get(), stats);
        display.set(new Display(map, channel.get(), scale, stats, OutputGeometry.of(r.plan(), pooled), r));
    }

    private static Display inputDisplayOf(Photo p) {
        Tensor t = p.tensor();
        ColorScale clamp = ColorScale.of(Scaling.CLAMPED, new MapStats(0, 1, 1, 0, 0, 0));
        return new Display(t, t.channels() == 3 ? MapRenderer.RGB : 0, clamp, null, OutputGeometry.IDENTITY, null);
    }

    /** Readout of the values under the point {@code (x, y)} of the input (continuous input coordinates). */
    public String probe(double x, double y) {
        return PhotoCells.probe(photo.get(), display.get(), x, y, locale.get());
    }

    /**
     * Sends the {@link #PATCH} x {@link #PATCH} patch whose top-left input pixel is {@code (x, y)}
     * (moved inside the photo if needed) to the stepper, with the current settings and valid padding:
     * every cell the stepper computes is then exactly the result cell it came from.
     *
     * @return the patch's top-left corner, {@code [y, x]}, or null without a photo or valid settings
     */
    public int[] sendPatch(int x, int y) {
        Photo p = photo.get();
        ConvSpec s = p == null ? null : specFor(p);
        if (p == null || s == null) {
            return null;
        }
        PhotoCells.Patch made = PhotoCells.patch(p, s, x, y, PATCH);
        Problem problem = made.problem();
        int y0 = made.y();
        int x0 = made.x();
        int size = made.size();
        try {
            ConvPlan.of(problem.spec(), problem.input());
        } catch (SpecException e) {
            error.set(l -> PhotoText.get(l, "error.patch", e.message(l)));
            return null;
        }
        patch.set(problem);
        if (patchSink != null) {
            patchSink.accept(problem);
        }
        status.set(l -> PhotoText.get(l, "status.patch", y0, x0, size));
        return new int[] {y0, x0};
    }

    /** Writes the result as shown (PNG) in the background. */
    public void exportPng(Path file) {
        Display d = display.get();
        if (d == null || d.source().isPreview()) {
            return;
        }
        export(file, () -> PngOut.write(PngOut.image(d.map(), d.channel(), d.scale()), file));
    }

    /** Writes the engine's output (the pooled map when pooling) as .npy float32 in the background. */
    public void exportNpy(Path file) {
        PhotoResult r = result.get();
        if (r == null || r.isPreview()) {
            return;
        }
        export(file, () -> {
            try {
                Npy.write(r.result().output(), file);
            } catch (IOException e) {
                throw new PhotoException(file.toString(), "error.write", String.valueOf(e.getMessage()));
            }
        });
    }

    private interface Write {
        void write() throws PhotoException;
    }

    private void export(Path file, Write w) {
        runs.exportStarted();
        Task<Void> t = new Task<>() {
            @Override
            protected Void call() throws Exception {
                w.write();
                return null;
            }
        };
        t.setOnSucceeded(e -> {
            runs.exportEnded();
            status.set(l -> PhotoText.get(l, "status.exported", file));
        });
        t.setOnFailed(e -> {
            runs.exportEnded();
            Throwable x = t.getException();
            error.set(l -> x instanceof PhotoException pe ? pe.line(l)
                    : PhotoText.get(l, "error.unexpected", file, String.valueOf(x)));
        });
        executor.execute(t);
    }
}
