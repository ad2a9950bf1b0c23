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
    private int place = 1;
    /** Per language, how many texts lack it since the last report, and the first one's line. */
    private final java.util.Map<String, int[]> missing = new java.util.LinkedHashMap<>();
    private final WorkBudget budget;
    private long variant;

    Report(String file, Locale locale) {
        this(file, locale, WorkBudget.LESSON);
    }

    Report(String file, Locale locale, long budget) {
        this.file = file;
        this.locale = locale;
        this.budget = new WorkBudget(budget);
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

    /** Longest argument of a message (a quoted value is cut shorter by {@link YamlTree#describe}). */
    static final int MAX_QUOTED = 400;

    @Override
    public void error(int line, String key, Object... args) {
        errors++;
        problems.add(new LessonProblem(file, line, false, context + Text.get(locale, key, shown(args)), locale));
    }

    void warn(int line, String key, Object... args) {
        problems.add(new LessonProblem(file, line, true, context + Text.get(locale, key, shown(args)), locale));
    }

    /** An error whose message is already in words (from the engine). */
    void errorText(int line, String message) {
        errors++;
        problems.add(new LessonProblem(file, line, false, context + Text.printable(message, MAX_QUOTED), locale));
    }

    /** Text arguments as one short line each (they quote the file: names, values, references). */
    private static Object[] shown(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof CharSequence cs) {
                out[i] = Text.printable(cs.toString(), MAX_QUOTED);
            }
        }
        return out;
    }

    /** Which variant of a {@code fresh} lesson is read (0: the numbers as written). */
    long variant() {
        return variant;
    }

    void variant(long v) {
        this.variant = v;
    }

    /** What checking this file may still cost. */
    WorkBudget budget() {
        return budget;
    }

    /** Notes a text without {@code language}; reported by {@link #reportMissing} with the others of its step. */
    void missing(String language, int line) {
        missing.computeIfAbsent(language, k -> new int[] {0, line})[0]++;
    }

    /** One warning per language missing in the texts read since the last call: how many, and where the first is. */
    void reportMissing() {
        for (java.util.Map.Entry<String, int[]> e : missing.entrySet()) {
            warn(e.getValue()[1], "error.text.missing." + e.getKey(), e.getValue()[0]);
        }
        missing.clear();
    }

    /** Remembers the line being read (a step's), for a failure nobody foresaw. */
    void place(int line) {
        this.place = line;
    }

    int place() {
        return place;
    }

    int errorCount() {
        return errors;
    }

    List<LessonProblem> problems() {
        return List.copyOf(problems);
    }
}
