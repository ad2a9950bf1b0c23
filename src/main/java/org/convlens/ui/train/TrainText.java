package org.convlens.ui.train;

import org.convlens.engine.Messages;

import java.util.Locale;
import java.util.ResourceBundle;

/** The Training tab's texts ({@code org/convlens/ui/train/messages*.properties}). */
public final class TrainText {
    static final String BUNDLE = "org.convlens.ui.train.messages";
    private static final Messages TEXT = Messages.bundle(BUNDLE);

    private TrainText() {
    }

    public static String get(Locale locale, String key, Object... args) {
        return TEXT.text(locale, key, args);
    }

    /** The bundle for FXML's {@code %key} texts. */
    public static ResourceBundle bundle(Locale locale) {
        return TEXT.resources(locale);
    }
}
