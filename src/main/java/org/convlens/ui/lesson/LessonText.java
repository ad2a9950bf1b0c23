package org.convlens.ui.lesson;

import org.convlens.engine.Messages;

import java.util.Locale;
import java.util.ResourceBundle;

/** The lesson player's texts: {@code org/convlens/ui/lesson/messages*.properties}. */
public final class LessonText {
    public static final String BUNDLE = "org.convlens.ui.lesson.messages";
    private static final Messages MESSAGES = Messages.bundle(BUNDLE);

    private LessonText() {
    }

    public static String get(Locale locale, String key, Object... args) {
        return MESSAGES.text(locale, key, args);
    }

    public static ResourceBundle bundle(Locale locale) {
        return MESSAGES.resources(locale);
    }
}
