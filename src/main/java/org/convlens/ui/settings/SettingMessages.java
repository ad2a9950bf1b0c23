package org.convlens.ui.settings;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The message each setting's control shows: the current {@link SettingError} (if it concerns
 * that setting), in the window's language, following both. One per editor of settings (the
 * stepper, the Photos tab, a network layer). No JavaFX nodes.
 */
public final class SettingMessages {
    private final ObjectProperty<SettingError> error = new SimpleObjectProperty<>(this, "error");
    private final Map<Setting, StringBinding> messages = new EnumMap<>(Setting.class);

    /** Messages in the language {@code locale} holds, changing with it. */
    public SettingMessages(ReadOnlyObjectProperty<Locale> locale) {
        for (Setting s : Setting.values()) {
            messages.put(s, Bindings.createStringBinding(() -> {
                SettingError e = error.get();
                return e != null && e.concerns(s) ? e.message(locale.get()) : "";
            }, error, locale));
        }
    }

    /** Why the settings cannot be used now, or null. */
    public ObjectProperty<SettingError> errorProperty() {
        return error;
    }

    /** The message to show at {@code s} ("" when none). */
    public StringBinding at(Setting s) {
        return messages.get(s);
    }
}
