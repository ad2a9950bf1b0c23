package org.convlens.lesson;

import org.convlens.spec.Problem;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Playing one lesson: which step is shown, the answers given, the score. Plain Java; the
 * player's view-model wraps it.
 *
 * <p>A question's first understood answer is the one that scores. What the student sees
 * follows {@link Stage}, the self-study rule: a wrong answer gets "try again" and the hint; the
 * answer and the explanation come with a right answer, after a second wrong one, or on "show
 * answer" ({@link #showAnswer}). A question is <em>answered</em> once it has an understood
 * answer or its answer was shown; a lesson is {@linkplain Score#done() done} when every question
 * is answered, whether or not the student pressed on past the last step.
 */
public final class LessonSession {
    /** Wrong answers after which self-study shows the answer. */
    public static final int WRONG_TRIES_BEFORE_ANSWER = 2;

    private final Lesson lesson;
    private int index;
    private final Map<Integer, Attempt> attempts = new HashMap<>();
    private final Set<Integer> shown = new HashSet<>();
    private final Set<Integer> solved = new HashSet<>();
    private final Set<Integer> revealed = new HashSet<>();
    private final Map<Integer, Integer> wrong = new HashMap<>();
    private final Map<Integer, Boolean> hinted = new HashMap<>();
    private boolean finished;

    /**
     * The answers to one question.
     *
     * @param first the first understood answer: the one that scores
     * @param firstText what was typed for it (for a build task: the changed settings as JSON)
     * @param last the latest understood answer
     * @param tries how many understood answers were given
     */
    public record Attempt(Verdict first, String firstText, Verdict last, int tries) {
    }

    /** Where a question stands for the student (self-study). */
    public enum Stage {
        /** Not answered yet: the question, the field, the hint on request. */
        OPEN,
        /** Answered wrong once: "try again", and the hint. */
        TRY_AGAIN,
        /** Answered right: the verdict, the answer and the explanation. */
        SOLVED,
        /** Answered wrong twice, or "show answer": the answer and the explanation. */
        SHOWN
    }

    /**
     * The score so far.
     *
     * @param correct questions answered right at the first try (and not after "show answer")
     * @param answered questions answered (an understood answer, or the answer shown)
     * @param questions questions in the lesson
     */
    public record Score(int correct, int answered, int questions) {
        /** True once every question is answered. */
        public boolean done() {
            return answered >= questions;
        }

        /** How far through the questions, 0 to 1 (1 for a lesson without questions). */
        public double fraction() {
            return questions == 0 ? 1 : Math.min(1, answered / (double) questions);
        }
    }

    public LessonSession(Lesson lesson) {
        this.lesson = lesson;
    }

    /** A session picked up from remembered progress (null for none): for a list showing the score. */
    public static LessonSession of(Lesson lesson, ProgressStore.Entry p) {
        LessonSession s = new LessonSession(lesson);
        s.restore(p);
        return s;
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
        Question q = question();
        return record(q.check(typed), typed);
    }

    /**
     * Checks the settings the student built for the current step's {@link Question.Build} task
     * and records the try if it counts (the window calls this on "Check" with the stepper's
     * current problem).
     *
     * @throws IllegalStateException if the step has no build task
     */
    public Verdict build(Problem current) {
        if (!(question() instanceof Question.Build b)) {
            throw new IllegalStateException("step " + (index + 1) + " has no build task");
        }
        Verdict v = b.check(current);
        return record(v, v.understood() ? b.changes(current) : null);
    }

    private Question question() {
        Question q = current().question();
        if (q == null) {
            throw new IllegalStateException("step " + (index + 1) + " has no question");
        }
        return q;
    }

    private Verdict record(Verdict v, String typed) {
        if (!v.understood()) {
            return v;
        }
        Attempt a = attempts.get(index);
        attempts.put(index, a == null ? new Attempt(v, typed, v, 1) : new Attempt(a.first(), a.firstText(), v,
                a.tries() + 1));
        if (stage() == Stage.OPEN || stage() == Stage.TRY_AGAIN) {
            if (v.correct()) {
                solved.add(index);
            } else if (wrong.merge(index, 1, Integer::sum) >= WRONG_TRIES_BEFORE_ANSWER) {
                shown.add(index);
            } else {
                hinted.put(index, true);
            }
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

    /** Where the current step's question stands (OPEN for a step without one). */
    public Stage stage() {
        return stage(index);
    }

    public Stage stage(int step) {
        if (solved.contains(step)) {
            return Stage.SOLVED;
        }
        if (shown.contains(step)) {
            return Stage.SHOWN;
        }
        return wrong.getOrDefault(step, 0) > 0 ? Stage.TRY_AGAIN : Stage.OPEN;
    }

    /** True once the answer and explanation of the current question may be shown (solved or shown). */
    public boolean answerVisible() {
        Stage s = stage();
        return s == Stage.SOLVED || s == Stage.SHOWN;
    }

    /**
     * "Show answer": the answer and explanation of the current question, without answering. The
     * question then counts as answered; if it had no answer yet, not right at the first try.
     */
    public void showAnswer() {
        if (current().question() != null && stage() != Stage.SOLVED) {
            shown.add(index);
        }
    }

    /** Whether teacher mode's Reveal was pressed on the current step. */
    public boolean revealed() {
        return revealed.contains(index);
    }

    /**
     * Teacher mode's Reveal: the answer, the verdict of what was typed and the explanation; for
     * the score it is {@link #showAnswer} (a question revealed before any answer is answered,
     * not right at the first try).
     */
    public void reveal() {
        revealed.add(index);
        showAnswer();
    }

    /** Whether the hint of the current step is shown (asked for, or after a wrong answer). */
    public boolean hinted() {
        return hinted.getOrDefault(index, false);
    }

    public void hint() {
        hinted.put(index, true);
    }

    /** Marks that the student pressed on past the last step (the score page); see {@link Score#done()} for done. */
    public void finish() {
        finished = true;
    }

    public boolean finished() {
        return finished;
    }

    public Score score() {
        int correct = 0;
        int answered = 0;
        List<Step> steps = lesson.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).question() == null) {
                continue;
            }
            Attempt a = attempts.get(i);
            if (a != null || shown.contains(i)) {
                answered++;
            }
            // A right answer typed after the answer was shown is not right at the first try.
            if (a != null && a.first().correct() && !shown.contains(i)) {
                correct++;
            }
        }
        return new Score(correct, answered, lesson.questionCount());
    }

    /** What to remember of this session. */
    public ProgressStore.Entry progress() {
        Map<Integer, String> answers = new HashMap<>();
        attempts.forEach((i, a) -> answers.put(i, a.firstText()));
        return new ProgressStore.Entry(index, lesson.steps().size(), answers, solved, shown, finished);
    }

    /**
     * Picks up where remembered progress left off. Answers are checked again against the
     * lesson as it is now (a changed lesson re-scores them); answers to steps that no longer
     * ask a question are dropped. A question answered wrong once and not yet solved or shown
     * comes back as {@link Stage#TRY_AGAIN}.
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
                    if (v.correct() && !p.shown().contains(i)) {
                        solved.add(i);
                    } else if (!v.correct()) {
                        wrong.put(i, 1);
                        hinted.put(i, true);
                    }
                }
            }
        }
        for (int i : p.shown()) {
            if (i >= 0 && i < steps.size() && steps.get(i).question() != null && !solved.contains(i)) {
                shown.add(i);
            }
        }
        for (int i : p.solved()) {
            if (attempts.containsKey(i) && !shown.contains(i)) {
                solved.add(i);
            }
        }
        finished = p.finished();
    }
}
