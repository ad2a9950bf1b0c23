package org.convlens.ui.photo;

import org.convlens.engine.Messages;

import java.util.Locale;
import java.util.ResourceBundle;

/** The photo view's texts ({@code org/convlens/ui/photo/messages*.properties}). */
public final class PhotoText {
    static final String BUNDLE = "org.convlens.ui.photo.messages";
    private static final Messages TEXT = Messages.bundle(BUNDLE);

    private PhotoText() {
    }

    /** A text of the photo view in {@code locale}. */
    public static String get(Locale locale, String key, Object... args) {
        return TEXT.text(locale, key, args);
    }

    /** The bundle for FXML's {@code %key} texts. */
    public static ResourceBundle bundle(Locale locale) {
        return TEXT.resources(locale);
    }
}
