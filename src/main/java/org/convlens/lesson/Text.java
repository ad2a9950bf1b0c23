package org.convlens.lesson;

import org.convlens.engine.Messages;

import java.util.Locale;

/** The lesson package's messages ({@code org/convlens/lesson/messages*.properties}). */
final class Text {
    static final Messages BUNDLE = Messages.bundle("org.convlens.lesson.messages");

    private Text() {
    }

    static String get(String key, Object... args) {
        return BUNDLE.text(key, args);
    }

    static String get(Locale locale, String key, Object... args) {
        return BUNDLE.text(locale, key, args);
    }
}
