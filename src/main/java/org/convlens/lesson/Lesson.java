package org.convlens.lesson;

import java.util.List;

/**
 * A validated lesson: every step's state runs on the engine, every highlight exists, every
 * question's answer was computed by the engine.
 *
 * @param id the file name without {@code .yaml}, e.g. {@code 01-kernel}; also the progress key
 * @param source the file as named in messages
 * @param title the title
 * @param level how much it assumes
 * @param summary one or two sentences for the lesson list
 * @param steps the steps, at least one
 * @param fresh true if the lesson asks for fresh random numbers each time it is played
 *              ({@code fresh: true}): {@link LessonLibrary#variant} loads it again with other numbers
 * @param variant which variant this is (0: the numbers as the file writes them)
 */
public record Lesson(String id, String source, Localized<String> title, Level level, Localized<RichText> summary,
                     List<Step> steps, boolean fresh, long variant) {
    public Lesson {
        steps = List.copyOf(steps);
    }

    /** A lesson with its numbers as written. */
    public Lesson(String id, String source, Localized<String> title, Level level, Localized<RichText> summary,
                  List<Step> steps) {
        this(id, source, title, level, summary, steps, false, 0);
    }

    /** The same lesson under another source name. */
    Lesson named(String newSource) {
        return new Lesson(id, newSource, title, level, summary, steps, fresh, variant);
    }

    /** How many steps ask a question. */
    public int questionCount() {
        return (int) steps.stream().filter(s -> s.question() != null).count();
    }
}
