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
 */
public record Lesson(String id, String source, Localized<String> title, Level level, Localized<RichText> summary,
                     List<Step> steps) {
    public Lesson {
        steps = List.copyOf(steps);
    }

    /** How many steps ask a question. */
    public int questionCount() {
        return (int) steps.stream().filter(s -> s.question() != null).count();
    }
}
