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
    /**
     * True if the message belongs at {@code s}: where the problem is, and where the last edit was,
     * unless the two messages would stand one under the other (channels and groups): then it is
     * said once, where the problem is.
     */
    public boolean concerns(Setting s) {
        return s == at || s == edited && !(together(at) && together(edited));
    }

    /** The settings whose messages stand together (the kernel's channels and groups). */
    private static boolean together(Setting s) {
        return s == Setting.CHANNELS || s == Setting.GROUPS;
    }

    public String message(Locale locale) {
        return text.apply(locale);
    }
}
