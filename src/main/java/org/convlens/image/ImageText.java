package org.convlens.image;

import org.convlens.engine.Messages;

import java.util.Locale;

/** The image package's messages ({@code org/convlens/image/messages*.properties}). */
public final class ImageText {
    public static final Messages TEXT = Messages.bundle("org.convlens.image.messages");

    private ImageText() {
    }

    /** A message in the default locale. */
    public static String get(String key, Object... args) {
        return TEXT.text(key, args);
    }

    /** A message in {@code locale}. */
    public static String get(Locale locale, String key, Object... args) {
        return TEXT.text(locale, key, args);
    }
}
