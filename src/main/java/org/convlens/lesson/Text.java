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

    /**
     * A piece of a lesson file (a name, a value, a file reference) as it goes into a one-line
     * message: line breaks, tabs and other control characters escaped ({@code \n}), and cut
     * after {@code max} characters, so a message stays one line and never echoes a whole file.
     */
    static String printable(String s, int max) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), max) + 8);
        for (int i = 0; i < s.length(); i++) {
            if (b.length() >= max) {
                return b.append('\u2026').toString();
            }
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
