package org.convlens.ui.photo;

import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.concurrent.Task;
import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Padding;
import org.convlens.engine.Parallel;
import org.convlens.image.MapStats;
import org.convlens.image.Photo;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * The Photos tab's live runs of the settings on the photo, for {@link PhotoViewModel}.
 *
 * <p>Every edit of a setting asks for a run; edits within one event are coalesced.
 * While a run is going, a new edit cancels it when it still has more than
 * {@link #CANCEL_IF_REMAINING_MS} to go (it would show stale numbers late), otherwise lets it
 * finish and starts the newest settings right after, so dragging a value shows results all the
 * way instead of cancelling each one. Runs go through the injected executor as
 * {@link javafx.concurrent.Task}s and report progress; the JavaFX thread never waits for one.
 * On a large photo seen zoomed out, a run shows an exact preview (every k-th output row and
 * column) before the full result; a full run writes into the tensors of the full result it
 * replaces, unless an export may still be reading them.
 */
final class PhotoRuns {
    /** A running job that would take longer than this is cancelled by a newer edit. */
    static final double CANCEL_IF_REMAINING_MS = 120;
    /** Photos smaller than this many pixels are fast enough without a preview. */
    static final long PREVIEW_PIXELS = 2_000_000L;

    /** What the runs need from the view-model they run for. */
    interface Host {
        /** The settings as they run on photo {@code p}, or null after saying at the setting why they cannot. */
        ConvSpec specFor(Photo p);

        /** Checks the settings against the photo now, showing any problem at its setting. */
        void checkSettings();

        /** Run {@code t} started: the tab is busy with it and shows its progress. */
        void started(Task<PhotoResult> t);

        /** The run going ended (done, failed or cancelled). */
        void ended();

        /** A full result came: before it is shown, a problem line that no longer holds goes. */
        void succeeded();

        /** The run of the settings on {@code p} failed with {@code x} (a cancel included). */
        void failed(Photo p, Throwable x);
    }

    private final Executor executor;
    private final Consumer<Runnable> fx;
    private final Host host;
    private final ObservableObjectValue<Photo> photo;
    private final ObjectProperty<PhotoResult> result;
    private final ObservableDoubleValue viewStep;
    private final ObservableBooleanValue showPooled;

    /**
     * The tensors of the full result shown before the current one, handed to the next run to write
     * into: allocating and zeroing a fresh 144 MB result for every edit on a 12 MP colour photo
     * cost more than the convolution. Null while an export may still read them, or when keeping
     * a second result would take more than an eighth of the heap.
     */
    private ConvEngine.Result spare;
    /**
     * The same for previews: the tensors of the preview shown before the current result. A 12 MP
     * colour preview is 2.25 MB, past the size G1 allocates as a humongous object (half a 2 MB
     * region with a 6 GB heap), and each such allocation with the heap half full of photos
     * started a concurrent marking cycle that took a core for about 160 ms: the next edit's full
     * run then shared the two cores with the collector.
     */
    private ConvEngine.Result previewSpare;
    private int exportsRunning;
    private Task<PhotoResult> running;
    private long runningSince;
    private double lastRunMs;
    private boolean dirty;
    private boolean scheduled;
    private long editNanos;
    private long previewPixels = PREVIEW_PIXELS;

    /**
     * @param executor runs the long work
     * @param fx runs a step on the JavaFX thread after the current event
     * @param photo the photo the settings run on
     * @param result where each result (a preview, then the full one) is shown
     * @param viewStep input pixels per screen pixel of the view: previews are made when it is 2 or more
     * @param showPooled whether the pooled map is shown (then no preview is made)
     */
    PhotoRuns(Executor executor, Consumer<Runnable> fx, Host host, ObservableObjectValue<Photo> photo,
              ObjectProperty<PhotoResult> result, ObservableDoubleValue viewStep, ObservableBooleanValue showPooled) {
        this.executor = executor;
        this.fx = fx;
        this.host = host;
        this.photo = photo;
        this.result = result;
        this.viewStep = viewStep;
        this.showPooled = showPooled;
    }

    /**
     * A thread of the live runs' own: an edit's run never queues behind other work of the window
     * (opening a photo, an export, another tab's jobs on the shared executor), which showed as
     * "engine 14 ms, on screen 348 ms" under load.
     */
    static ExecutorService ownThread() {
        return org.convlens.ui.OwnThread.named("convlens-photo-run", Thread.NORM_PRIORITY);
    }

    /** Runs the loops of a run a few times on a small made-up photo, so the JIT has compiled them before the first edit. */
    void warmUp() {
        executor.execute(PhotoWarmUp::run);
    }

    /** For tests: the photo size from which previews are made. */
    void setPreviewPixels(long pixels) {
        this.previewPixels = pixels;
    }

    /** True while a run is going. */
    boolean running() {
        return running != null;
    }

    /** Stops the run going, and forgets an edit not yet run. */
    void cancel() {
        dirty = false;
        if (running != null) {
            running.cancel(true);
        }
    }

    /** A setting changed: run again soon. */
    void edited() {
        if (editNanos == 0) {
            editNanos = System.nanoTime();
        }
        dirty = true;
        host.checkSettings();
        if (!scheduled) {
            scheduled = true;
            fx.accept(() -> {
                scheduled = false;
                maybeStart();
            });
        }
    }

    /** An export starts: it may read the result shown, which the next run must not write into. */
    void exportStarted() {
        exportsRunning++;
        spare = null;
        previewSpare = null;
    }

    /** An export ended, well or not. */
    void exportEnded() {
        exportsRunning--;
    }

    private void maybeStart() {
        if (!dirty) {
            return;
        }
        if (running != null) {
            if (remainingMs() > CANCEL_IF_REMAINING_MS) {
                running.cancel(true);
            }
            return;
        }
        Photo p = photo.get();
        ConvSpec s = p == null ? null : host.specFor(p);
        if (p == null || s == null) {
            dirty = false;
            editNanos = 0;
            return;
        }
        dirty = false;
        long edit = editNanos;
        editNanos = 0;
        int k = previewFactor(p, s);
        ConvEngine.Result reuse = exportsRunning == 0 ? spare : null;
        ConvEngine.Result previewReuse = exportsRunning == 0 ? previewSpare : null;
        spare = null;
        previewSpare = null;
        Task<PhotoResult> t = new Task<>() {
            @Override
            protected PhotoResult call() {
                ConvPlan plan = ConvPlan.of(s, p.tensor());
                if (k > 1) {
                    updateValue(preview(p, plan, k, edit, previewReuse));
                }
                long t0 = System.nanoTime();
                ConvEngine.Result r = ConvEngine.run(plan, p.tensor(), reuse, Parallel.availableThreads(),
                        (done, total) -> updateProgress(done, total));
                double ms = (System.nanoTime() - t0) / 1e6;
                MapStats fs = MapStats.of(r.featureMap());
                MapStats ps = r.pooled() == null ? null : MapStats.of(r.pooled());
                return new PhotoResult(p, r, fs, ps, ms, edit, 1);
            }
        };
        t.valueProperty().addListener((o, a, v) -> {
            if (v != null && v.isPreview() && running == t) {
                show(v);
            }
        });
        running = t;
        runningSince = System.nanoTime();
        host.started(t);
        t.setOnSucceeded(e -> {
            done(t);
            PhotoResult r = t.getValue();
            lastRunMs = r.engineMs();
            host.succeeded();
            show(r);
            maybeStart();
        });
        t.setOnFailed(e -> {
            done(t);
            host.failed(p, t.getException());
            maybeStart();
        });
        t.setOnCancelled(e -> {
            done(t);
            maybeStart();
        });
        executor.execute(t);
    }

    private void done(Task<PhotoResult> t) {
        if (running == t) {
            running = null;
            host.ended();
        }
    }

    /**
     * Every k-th output row and column, exactly: the same plan with the stride times {@code k} and
     * the padding it resolved to, so output cell (j, i) of the preview is cell (k j, k i) of the full
     * result. Only for an ordinary convolution without pooling shown.
     */
    private static PhotoResult preview(Photo p, ConvPlan plan, int k, long edit, ConvEngine.Result reuse) {
        int[] pad = plan.padding();
        ConvSpec spec = plan.spec().toBuilder().stride(plan.strideY() * k, plan.strideX() * k)
                .padding(Padding.of(pad[0], pad[1], pad[2], pad[3])).pool(null).build();
        ConvPlan pp = ConvPlan.of(spec, p.tensor());
        long t0 = System.nanoTime();
        ConvEngine.Result r = ConvEngine.run(pp, p.tensor(), reuse, Parallel.availableThreads());
        double ms = (System.nanoTime() - t0) / 1e6;
        return new PhotoResult(p, r, MapStats.of(r.featureMap()), null, ms, edit, k);
    }

    private int previewFactor(Photo p, ConvSpec s) {
        int k = (int) Math.floor(viewStep.get() / Math.max(1, s.strideY()));
        boolean pooledShown = s.pool() != null && showPooled.get();
        if (k < 2 || pooledShown || s.transposed() || (long) p.width() * p.height() < previewPixels
                || s.strideY() != s.strideX()) {
            return 1;
        }
        return Math.min(k, 8);
    }

    /** Estimated time the running job still needs: from its progress, else from the last run. */
    private double remainingMs() {
        double elapsed = (System.nanoTime() - runningSince) / 1e6;
        double p = running.getProgress();
        if (p > 0.05) {
            return elapsed / p * (1 - p);
        }
        return lastRunMs > 0 ? lastRunMs - elapsed : Double.MAX_VALUE;
    }

    /**
     * Shows {@code r}; the full result or preview it replaces becomes the spare the next run or
     * preview writes into.
     */
    private void show(PhotoResult r) {
        PhotoResult old = result.get();
        result.set(r);
        if (old == null || old.result() == r.result() || !small(old.result())) {
            return;
        }
        if (old.isPreview()) {
            previewSpare = old.result();
        } else {
            spare = old.result();
        }
    }

    private static boolean small(ConvEngine.Result r) {
        long floats = r.featureMap().data().length + (r.pooled() == null ? 0L : r.pooled().data().length);
        return floats * 4 * 8 <= Runtime.getRuntime().maxMemory();
    }
}
