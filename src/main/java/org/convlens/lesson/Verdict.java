package org.convlens.lesson;

/**
 * How an answer went.
 *
 * @param outcome right, wrong, or not an answer this question takes
 * @param given the answer as understood (e.g. "47", "2 x 2", "B"), or the raw text if not understood
 * @param expected the correct answer as the engine gives it
 */
public record Verdict(Outcome outcome, String given, String expected) {
    /**
     * Right, wrong, or not counted: not understood (such as letters where a number was asked),
     * or, for a build task, settings changed that the task does not let the student change
     * ({@code given} then names them).
     */
    public enum Outcome {
        CORRECT, WRONG, NOT_UNDERSTOOD, NOT_ALLOWED
    }

    public boolean correct() {
        return outcome == Outcome.CORRECT;
    }

    /** True for an answer that counts (right or wrong). */
    public boolean understood() {
        return outcome == Outcome.CORRECT || outcome == Outcome.WRONG;
    }
}
