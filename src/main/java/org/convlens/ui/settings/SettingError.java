package org.convlens.ui.settings;

import java.util.Locale;
import java.util.function.Function;

/**
 * Why the current settings cannot be computed.
 *
 * @param at the setting the problem is about (from the engine's field)
 * @param edited the setting the user changed last, where the message is shown too
 * @param text the message in a locale
 */
public record SettingError(Setting at, Setting edited, Function<Locale, String> text) {
    /** True if the message belongs at {@code s}. */
    public boolean concerns(Setting s) {
        return s == at || s == edited;
    }

    public String message(Locale locale) {
        return text.apply(locale);
    }
}
