package org.convlens.ui;

import org.convlens.engine.Messages;
import org.convlens.lesson.Localized;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The window's text: every visible string comes from {@code org/convlens/ui/messages*.properties}
 * (English, Simplified Chinese and Traditional Chinese in Taiwan usage). Formatting as
 * {@link Messages}: arguments print as given.
 */
public final class UiText {
    /** The bundle's base name. */
    public static final String BUNDLE = "org.convlens.ui.messages";
    /** The languages the window ships in. */
    public static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE);

    private static final Messages MESSAGES = Messages.bundle(BUNDLE);

    private UiText() {
    }

    public static String get(Locale locale, String key, Object... args) {
        return MESSAGES.text(locale, key, args);
    }

    /** The bundle for FXML's {@code %key} texts (English stays English on a Chinese machine). */
    public static ResourceBundle bundle(Locale locale) {
        return MESSAGES.resources(locale);
    }

    /**
     * The shipped locale closest to {@code l}: Traditional Chinese ({@code zh_TW}) for Chinese
     * written in Traditional characters (script Hant, or Taiwan, Hong Kong or Macau with no script:
     * {@link Localized#traditional}), Simplified Chinese for any other zh, else English.
     */
    public static Locale supported(Locale l) {
        if (l == null || !"zh".equals(l.getLanguage())) {
            return Locale.ENGLISH;
        }
        return Localized.traditional(l) ? Locale.TRADITIONAL_CHINESE : Locale.SIMPLIFIED_CHINESE;
    }
}
