package org.convlens.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects the problems of one file; a context such as "step 3" goes before each message. */
final class Report implements RichTextParser.Sink {
    private final String file;
    private final Locale locale;
    private final List<LessonProblem> problems = new ArrayList<>();
    private String context = "";
    private int errors;

    Report(String file, Locale locale) {
        this.file = file;
        this.locale = locale;
    }

    String file() {
        return file;
    }

    Locale locale() {
        return locale;
    }

    /** Sets the prefix for following messages ({@code ""} for none). */
    void context(String prefix) {
        this.context = prefix;
    }

    @Override
    public void error(int line, String key, Object... args) {
        errors++;
        problems.add(new LessonProblem(file, line, false, context + Text.get(locale, key, args)));
    }

    void warn(int line, String key, Object... args) {
        problems.add(new LessonProblem(file, line, true, context + Text.get(locale, key, args)));
    }

    /** An error whose message is already in words (from the engine). */
    void errorText(int line, String message) {
        errors++;
        problems.add(new LessonProblem(file, line, false, context + message));
    }

    int errorCount() {
        return errors;
    }

    List<LessonProblem> problems() {
        return List.copyOf(problems);
    }
}
