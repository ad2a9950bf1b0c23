package org.convlens.lesson;

/**
 * Something wrong with a lesson file, at a line.
 *
 * @param file the file as given to the loader (a path, or {@code lessons/NAME.yaml} for a shipped lesson)
 * @param line 1-based line
 * @param warning true for a warning (the lesson still loads), false for an error (it is skipped)
 * @param message what is wrong, in the loader's locale
 * @param locale the locale of the message (the word "warning" of {@link #toString} is in it too)
 */
public record LessonProblem(String file, int line, boolean warning, String message, java.util.Locale locale) {
    /** A problem whose message is in English (or needs no "warning" word: an error). */
    public LessonProblem(String file, int line, boolean warning, String message) {
        this(file, line, warning, message, java.util.Locale.ROOT);
    }

    /** {@code file:line: message}, with {@code warning: } (in the message's language) before a warning's message. */
    @Override
    public String toString() {
        return Text.printable(file, Integer.MAX_VALUE) + ":" + line + ": "
                + (warning ? Text.get(locale, "word.warning") + ": " : "") + Text.printable(message, Integer.MAX_VALUE);
    }
}
