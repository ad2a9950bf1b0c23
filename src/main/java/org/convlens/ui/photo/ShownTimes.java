package org.convlens.ui.photo;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import org.convlens.ui.LocalText;

import java.util.Locale;

/**
 * How long each edit took to reach the screen: "engine 34 ms, on screen 52 ms after the edit" (and
 * the preview's time when one came first), measured at the JavaFX pulse that puts its result on
 * screen, the first time it is drawn: {@link #drawn} when the pane has written it into its image,
 * {@link #pulse} when the next pulse hands that image to the renderer. A result drawn again (a
 * zoom, a pan) is not an edit and is not timed again. No JavaFX nodes.
 */
final class ShownTimes {
    private final LocalText timing;
    private final ReadOnlyDoubleWrapper shownMs = new ReadOnlyDoubleWrapper(this, "shownMs", Double.NaN);
    private final ReadOnlyDoubleWrapper previewShownMs = new ReadOnlyDoubleWrapper(this, "previewShownMs", Double.NaN);
    private final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper(this, "shownCount", 0);
    private long previewEdit;
    /** The last result timed: drawn again, it is not timed again. */
    private PhotoResult timed;

    ShownTimes(ObjectProperty<Locale> locale) {
        this.timing = new LocalText(locale);
    }

    /** A result drawn into the pane but not yet timed: the next {@link #pulse} times it. */
    private PhotoResult pending;

    /** Counts {@code d} as drawn; a result seen for the first time is timed at the next {@link #pulse}. */
    void drawn(PhotoViewModel.Display d) {
        shownCount.set(shownCount.get() + 1);
        if (d == null || d.source() == null || d.source() == timed) {
            return;
        }
        pending = d.source();
    }

    /** A pulse after the layout pass: the result drawn since the last one reaches the screen with it. */
    void pulse() {
        PhotoResult r = pending;
        if (r == null) {
            return;
        }
        pending = null;
        timed = r;
        double since = r.editNanos() == 0 ? Double.NaN : (System.nanoTime() - r.editNanos()) / 1e6;
        if (r.isPreview()) {
            previewEdit = r.editNanos();
            previewShownMs.set(since);
            timing.set(l -> PhotoText.get(l, "timing.preview", r.preview(), fmt(since)));
            return;
        }
        shownMs.set(since);
        boolean afterPreview = r.editNanos() != 0 && r.editNanos() == previewEdit;
        double preview = previewShownMs.get();
        timing.set(l -> {
            String full = Double.isNaN(since) ? PhotoText.get(l, "timing.engine", fmt(r.engineMs()))
                    : PhotoText.get(l, "timing.both", fmt(r.engineMs()), fmt(since));
            return afterPreview ? PhotoText.get(l, "timing.afterPreview", fmt(preview), full) : full;
        });
    }

    private static String fmt(double ms) {
        return ms < 10 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.0f", ms);
    }

    ReadOnlyStringProperty timingProperty() {
        return timing.property();
    }

    ReadOnlyDoubleProperty shownMsProperty() {
        return shownMs.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty previewShownMsProperty() {
        return previewShownMs.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }
}
