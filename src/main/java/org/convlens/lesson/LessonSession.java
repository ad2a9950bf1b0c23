package org.convlens.lesson;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Playing one lesson: which step is shown, the answers given, the score. Plain Java; the
 * player's view-model wraps it. A question's first understood answer is the one that scores;
 * the student may try again to learn, and the last try is kept for the feedback.
 */
public final class LessonSession {
    private final Lesson lesson;
    private int index;
    private final Map<Integer, Attempt> attempts = new HashMap<>();
    private final Map<Integer, Boolean> revealed = new HashMap<>();
    private final Map<Integer, Boolean> hinted = new HashMap<>();
    private boolean finished;

    /**
     * The answers to one question.
     *
     * @param first the first understood answer: the one that scores
     * @param firstText what was typed for it
     * @param last the latest understood answer
     * @param tries how many understood answers were given
     */
    public record Attempt(Verdict first, String firstText, Verdict last, int tries) {
    }

    /**
     * The score so far.
     *
     * @param correct questions answered right at the first try
     * @param answered questions answered
     * @param questions questions in the lesson
     */
    public record Score(int correct, int answered, int questions) {
    }

    public LessonSession(Lesson lesson) {
        this.lesson = lesson;
    }

    public Lesson lesson() {
        return lesson;
    }

    /** The 0-based index of the step shown. */
    public int index() {
        return index;
    }

    public Step current() {
        return lesson.steps().get(index);
    }

    public boolean canGoBack() {
        return index > 0;
    }

    public boolean canGoForward() {
        return index < lesson.steps().size() - 1;
    }

    public boolean isLast() {
        return index == lesson.steps().size() - 1;
    }

    /** Moves to the next step; returns false at the last one. */
    public boolean next() {
        if (!canGoForward()) {
            return false;
        }
        index++;
        return true;
    }

    public boolean back() {
        if (!canGoBack()) {
            return false;
        }
        index--;
        return true;
    }

    /** Moves to step {@code i} (clamped to the lesson). */
    public void goTo(int i) {
        index = Math.max(0, Math.min(i, lesson.steps().size() - 1));
    }

    /**
     * Checks an answer to the current step's question and records it if understood.
     *
     * @throws IllegalStateException if the step has no question
     */
    public Verdict answer(String typed) {
        Question q = current().question();
        if (q == null) {
            throw new IllegalStateException("step " + (index + 1) + " has no question");
        }
        Verdict v = q.check(typed);
        if (v.understood()) {
            Attempt a = attempts.get(index);
            attempts.put(index, a == null ? new Attempt(v, typed, v, 1) : new Attempt(a.first(), a.firstText(), v,
                    a.tries() + 1));
        }
        return v;
    }

    /** The answers to the current step's question, or null if none yet. */
    public Attempt attempt() {
        return attempts.get(index);
    }

    public Attempt attempt(int step) {
        return attempts.get(step);
    }

    /** Whether the answer of the current step was revealed (teacher mode). */
    public boolean revealed() {
        return revealed.getOrDefault(index, false);
    }

    public void reveal() {
        revealed.put(index, true);
    }

    public boolean hinted() {
        return hinted.getOrDefault(index, false);
    }

    public void hint() {
        hinted.put(index, true);
    }

    /** Marks the lesson done (the student reached the end and asked for the score). */
    public void finish() {
        finished = true;
    }

    public boolean finished() {
        return finished;
    }

    public Score score() {
        int correct = 0;
        for (Attempt a : attempts.values()) {
            correct += a.first().correct() ? 1 : 0;
        }
        return new Score(correct, attempts.size(), lesson.questionCount());
    }

    /** What to remember of this session. */
    public ProgressStore.Entry progress() {
        Map<Integer, String> answers = new HashMap<>();
        attempts.forEach((i, a) -> answers.put(i, a.firstText()));
        return new ProgressStore.Entry(index, lesson.steps().size(), answers, finished);
    }

    /**
     * Picks up where remembered progress left off. Answers are checked again against the
     * lesson as it is now (a changed lesson re-scores them); answers to steps that no longer
     * ask a question are dropped.
     */
    public void restore(ProgressStore.Entry p) {
        if (p == null) {
            return;
        }
        List<Step> steps = lesson.steps();
        goTo(p.step());
        for (Map.Entry<Integer, String> e : p.answers().entrySet()) {
            int i = e.getKey();
            if (i >= 0 && i < steps.size() && steps.get(i).question() != null) {
                Verdict v = steps.get(i).question().check(e.getValue());
                if (v.understood()) {
                    attempts.put(i, new Attempt(v, e.getValue(), v, 1));
                }
            }
        }
        finished = p.finished();
    }
}
