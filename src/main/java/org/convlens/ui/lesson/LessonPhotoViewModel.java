package org.convlens.ui.lesson;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Tensor;
import org.convlens.image.ChannelPolicy;
import org.convlens.image.ColorMode;
import org.convlens.image.ColorScale;
import org.convlens.image.MapRenderer;
import org.convlens.image.MapStats;
import org.convlens.image.Photo;
import org.convlens.image.PhotoReader;
import org.convlens.image.Scaling;
import org.convlens.lesson.PhotoStep;

import java.io.InputStream;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * A lesson step's photo: read, filtered by the engine with the step's settings, and drawn, all in
 * the background; a newer request cancels the one running. No JavaFX nodes: the result is ARGB
 * pixels.
 */
public final class LessonPhotoViewModel {
    /** Photos are read at most this large (the panel is small). */
    static final long MAX_PIXELS = 1_000_000;

    /**
     * Pixels ready to draw.
     *
     * @param view what was asked
     * @param width photo width
     * @param height photo height
     * @param photo the photo as ARGB
     * @param resultWidth result width
     * @param resultHeight result height
     * @param result the filtered photo as ARGB
     * @param lo the value drawn darkest (or most blue)
     * @param hi the value drawn brightest (or most red)
     */
    public record Rendered(PhotoStep view, int width, int height, int[] photo, int resultWidth, int resultHeight,
                           int[] result, float lo, float hi) {
    }

    // Properties
    private final ReadOnlyObjectWrapper<Rendered> rendered = new ReadOnlyObjectWrapper<>(this, "rendered");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final Executor executor;
    private Task<Rendered> running;
    private PhotoStep shown;

    public LessonPhotoViewModel(Executor executor) {
        this.executor = executor;
    }

    public ReadOnlyObjectProperty<Rendered> renderedProperty() {
        return rendered.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the photo could not be shown, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Shows {@code view} (null clears); the same view again does nothing. */
    public void show(PhotoStep view, Locale locale) {
        if (view == shown && (rendered.get() != null || busy.get())) {
            return;
        }
        shown = view;
        if (running != null) {
            running.cancel();
            running = null;
        }
        error.set(null);
        if (view == null) {
            rendered.set(null);
            busy.set(false);
            return;
        }
        busy.set(true);
        Task<Rendered> t = new Task<>() {
            @Override
            protected Rendered call() throws Exception {
                return render(view);
            }
        };
        running = t;
        t.setOnSucceeded(e -> {
            if (running == t) {
                rendered.set(t.getValue());
                busy.set(false);
                running = null;
            }
        });
        t.setOnFailed(e -> {
            if (running == t) {
                rendered.set(null);
                Throwable x = t.getException();
                error.set(LessonText.get(locale, "photo.failed", view.file(), x instanceof org.convlens.image.PhotoException p
                        ? p.getMessage() : String.valueOf(x.getMessage())));
                busy.set(false);
                running = null;
            }
        });
        executor.execute(t);
    }

    /** Reads, filters and draws: the work of the background task. */
    static Rendered render(PhotoStep view) throws Exception {
        byte[] bytes;
        try (InputStream in = view.location().openStream()) {
            bytes = in.readNBytes(64 << 20);
        }
        Photo p = new PhotoReader(view.gray() ? ColorMode.GRAY : ColorMode.COLOR, MAX_PIXELS).read(bytes, view.file());
        Tensor in = p.tensor();
        ConvSpec spec = ChannelPolicy.forChannels(view.spec(), in.channels());
        Tensor out = ConvEngine.run(spec, in).output();
        int channel = in.channels() == 3 ? MapRenderer.RGB : 0;
        int[] photo = new int[in.width() * in.height()];
        MapRenderer.render(in, channel, ColorScale.of(Scaling.CLAMPED, MapStats.of(in)), MapRenderer.Window.whole(in),
                photo);
        Scaling scaling = Scaling.fromId(view.scale());
        ColorScale scale = ColorScale.of(scaling == null ? Scaling.RAW : scaling, MapStats.of(out));
        int[] result = new int[out.width() * out.height()];
        MapRenderer.render(out, out.channels() == 3 ? MapRenderer.RGB : 0, scale, MapRenderer.Window.whole(out), result);
        return new Rendered(view, in.width(), in.height(), photo, out.width(), out.height(), result, scale.lo(),
                scale.hi());
    }
}
