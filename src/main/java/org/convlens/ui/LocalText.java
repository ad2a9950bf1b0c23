package org.convlens.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

import java.util.Locale;
import java.util.function.Function;

/**
 * A line a view-model shows (a status, an error, a timing) that follows the window's language: it
 * keeps how to say the line, not what it said, and says it again when the language changes. No
 * JavaFX nodes.
 */
public final class LocalText {
    /** Nothing to say. */
    public static final Function<Locale, String> NONE = l -> "";

    private final ObservableValue<Locale> locale;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private Function<Locale, String> source = NONE;

    /** A line in the language {@code locale} holds, changing with it. */
    public LocalText(ObservableValue<Locale> locale) {
        this.locale = locale;
        locale.addListener(o -> text.set(source.apply(locale.getValue())));
    }

    /** Says {@code line} from now on, in the current language and every later one. */
    public void set(Function<Locale, String> line) {
        source = line == null ? NONE : line;
        text.set(source.apply(locale.getValue()));
    }

    public void clear() {
        set(NONE);
    }

    /** The line in the current language. */
    public ReadOnlyStringProperty property() {
        return text.getReadOnlyProperty();
    }

    public String get() {
        return text.get();
    }

    public boolean isEmpty() {
        return text.get().isEmpty();
    }
}
