package org.convlens.ui.network;

import org.convlens.engine.Messages;

import java.util.Locale;
import java.util.ResourceBundle;

/** The Network tab's texts ({@code org/convlens/ui/network/messages*.properties}). */
public final class NetworkText {
    static final String BUNDLE = "org.convlens.ui.network.messages";
    private static final Messages TEXT = Messages.bundle(BUNDLE);

    private NetworkText() {
    }

    public static String get(Locale locale, String key, Object... args) {
        return TEXT.text(locale, key, args);
    }

    /** The bundle for FXML's {@code %key} texts. */
    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale);
    }
}
