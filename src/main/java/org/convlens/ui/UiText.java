package org.convlens.ui;

import org.convlens.engine.Messages;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The window's text: every visible string comes from {@code org/convlens/ui/messages*.properties}
 * (English and Simplified Chinese). Formatting as {@link Messages}: arguments print as given.
 */
public final class UiText {
    /** The bundle's base name. */
    public static final String BUNDLE = "org.convlens.ui.messages";
    /** The languages the window ships in. */
    public static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    private static final Messages MESSAGES = Messages.bundle(BUNDLE);

    private UiText() {
    }

    public static String get(Locale locale, String key, Object... args) {
        return MESSAGES.text(locale, key, args);
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale);
    }

    /** The shipped locale closest to {@code l}: Chinese for any zh, else English. */
    public static Locale supported(Locale l) {
        return l != null && "zh".equals(l.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
}
