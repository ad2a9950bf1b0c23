package org.convlens.ui.lesson;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.convlens.lesson.LessonSession;
import org.convlens.lesson.ProgressStore;

import java.io.IOException;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The lesson player's side of {@link ProgressStore}: a lesson's progress and the player's settings
 * (mode, the lesson open last, whether the panel was shown) written as they change, a write that
 * fails said in the status bar (never thrown at the window), and a count of the saves that lists
 * showing progress refresh on.
 */
final class LessonProgress {
    private final ProgressStore store;
    private final Consumer<String> saveFailed;
    private final Supplier<Locale> locale;
    private final ReadOnlyIntegerWrapper saves = new ReadOnlyIntegerWrapper(this, "saves");

    /** @param saveFailed receives a message, in {@code locale}'s language, when a write fails */
    LessonProgress(ProgressStore store, Consumer<String> saveFailed, Supplier<Locale> locale) {
        this.store = store;
        this.saveFailed = saveFailed;
        this.locale = locale;
    }

    ProgressStore store() {
        return store;
    }

    /** Counts successful saves of progress. */
    ReadOnlyIntegerProperty savesProperty() {
        return saves.getReadOnlyProperty();
    }

    /** The saved progress under {@code key}, or null. */
    ProgressStore.Entry get(String key) {
        return store.get(key);
    }

    /** Writes {@code session}'s progress under {@code key}. */
    void save(String key, LessonSession session) {
        try {
            store.put(key, session.progress());
            saves.set(saves.get() + 1);
        } catch (IOException e) {
            failed(e);
        }
    }

    /** Forgets the progress under {@code key}; false if that could not be written. */
    boolean forget(String key) {
        try {
            store.remove(key);
            return true;
        } catch (IOException e) {
            failed(e);
            return false;
        }
    }

    String setting(String key, String fallback) {
        return store.setting(key, fallback);
    }

    void putSetting(String key, String value) {
        try {
            store.putSetting(key, value);
        } catch (IOException e) {
            failed(e);
        }
    }

    void failed(IOException e) {
        saveFailed.accept(LessonText.get(locale.get(), "status.save.failed", e.getMessage()));
    }
}
