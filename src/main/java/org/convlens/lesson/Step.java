package org.convlens.lesson;

/**
 * One step of a lesson: what to say, what the window shows, and maybe a question.
 *
 * @param number 1-based position in the lesson
 * @param line the line of the step in its file
 * @param title a short heading, or null
 * @param text the narration
 * @param scenario the state the stepper shows (inherited from the step before, with this step's changes)
 * @param highlight what to point at
 * @param question the question, or null
 * @param photo a photo to filter with the step's settings, or null
 * @param fit a training demonstration, or null
 * @param network a network the Network tab shows, or null; the scenario is then its conv layer the
 *     stepper shows, on that layer's real input
 * @param train settings the Training tab opens with (the student runs it), or null
 */
public record Step(int number, int line, Localized<String> title, Localized<RichText> text, Scenario scenario,
                   Highlight highlight, Question question, PhotoStep photo, FitDemo fit, LessonNetwork network, LessonTraining train) {
    /** A step without a network. */
    public Step(int number, int line, Localized<String> title, Localized<RichText> text, Scenario scenario,
                Highlight highlight, Question question, PhotoStep photo, FitDemo fit) {
        this(number, line, title, text, scenario, highlight, question, photo, fit, null, null);
    }

    /** A step with a network or none, without training. */
    public Step(int number, int line, Localized<String> title, Localized<RichText> text, Scenario scenario,
                Highlight highlight, Question question, PhotoStep photo, FitDemo fit, LessonNetwork network) {
        this(number, line, title, text, scenario, highlight, question, photo, fit, network, null);
    }

    /** True if the step is shown in another tab than the stepper: the Network tab or the Training tab. */
    public boolean showsOtherTab() {
        return network != null || train != null;
    }
}
