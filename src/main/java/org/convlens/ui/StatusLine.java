package org.convlens.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableValue;

import java.util.Locale;
import java.util.function.Function;

/**
 * The window's status line: the last thing worth saying, in the window's language (it is said
 * again when the language changes), and whether it is a problem. No JavaFX nodes.
 */
public final class StatusLine {
    private final LocalText text;
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(this, "error");

    public StatusLine(ObservableValue<Locale> locale) {
        this.text = new LocalText(locale);
    }

    /** Says {@code line}; {@code problem}: something went wrong (shown as such). */
    public void say(Function<Locale, String> line, boolean problem) {
        error.set(problem);
        text.set(line);
    }

    /** Says a line that is already in the window's language (from a tab). */
    public void say(String line) {
        say(l -> line, false);
    }

    public ReadOnlyStringProperty textProperty() {
        return text.property();
    }

    public String get() {
        return text.get();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
