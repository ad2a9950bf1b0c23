package org.convlens.lesson;

import org.convlens.engine.Named;
import org.convlens.spec.Problem;

import java.util.List;
import java.util.Locale;

/**
 * A question of a step. Every expected answer here was computed by the engine from the step's
 * state when the lesson was loaded (a choice about ideas, with {@code check: none}, is the one
 * kind whose answer the lesson's author states). A {@link Build} task is answered not by typing
 * but by changing the stepper's settings; the engine checks what was built.
 */
public sealed interface Question permits Question.Value, Question.Shape, Question.Count, Question.Choice,
        Question.Build {
    /** The question. */
    Localized<RichText> ask();

    /** A hint shown on request, or null. */
    Localized<RichText> hint();

    /** The explanation shown after answering. */
    Localized<RichText> explain();

    /** Checks a typed answer (for a choice: the option's letter, A for the first, or its number). */
    Verdict check(String answer);

    /** The correct answer as shown to the student. */
    String expected(Locale locale);

    /** Which grid a value question reads. */
    enum Grid {
        OUTPUT("output"), FEATURE_MAP("feature_map");

        private final String id;

        Grid(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /**
     * Predict one cell's value; right within {@code tolerance}.
     *
     * @param grid the output, or the feature map before pooling
     * @param cell the cell (channel, 0, row, column)
     * @param expected the engine's value
     * @param tolerance the largest accepted difference
     */
    record Value(Localized<RichText> ask, Localized<RichText> hint, Localized<RichText> explain, Grid grid,
                 Highlight.Cell cell, float expected, double tolerance) implements Question {
        @Override
        public Verdict check(String answer) {
            Double v = Answers.number(answer);
            if (v == null) {
                return new Verdict(Verdict.Outcome.NOT_UNDERSTOOD, answer, Answers.format(expected));
            }
            boolean ok = Math.abs(v - expected) <= tolerance + 1e-6 * Math.abs(expected);
            return new Verdict(ok ? Verdict.Outcome.CORRECT : Verdict.Outcome.WRONG, Answers.format(v),
                    Answers.format(expected));
        }

        @Override
        public String expected(Locale locale) {
            return Answers.format(expected);
        }
    }

    /**
     * Predict the output's shape.
     *
     * @param expected {@code [C, H, W]} from the engine
     * @param channels whether the answer must give the channels (always when there are several)
     */
    record Shape(Localized<RichText> ask, Localized<RichText> hint, Localized<RichText> explain, int[] expected,
                 boolean channels) implements Question {
        public Shape {
            expected = expected.clone();
        }

        @Override
        public int[] expected() {
            return expected.clone();
        }

        @Override
        public Verdict check(String answer) {
            int[] s = Answers.shape(answer);
            String want = expected(Locale.ROOT);
            if (s == null || (s.length == 2 && channels)) {
                return new Verdict(Verdict.Outcome.NOT_UNDERSTOOD, answer, want);
            }
            boolean ok = s.length == 2 ? s[0] == expected[1] && s[1] == expected[2]
                    : s[0] == expected[0] && s[1] == expected[1] && s[2] == expected[2];
            return new Verdict(ok ? Verdict.Outcome.CORRECT : Verdict.Outcome.WRONG, Answers.shape(s), want);
        }

        @Override
        public String expected(Locale locale) {
            return channels ? Answers.shape(expected) : Answers.shape(new int[] {expected[1], expected[2]});
        }
    }

    /** What a count question counts. */
    enum Counted implements Named {
        PARAMETERS("parameters"), WEIGHTS("weights"), MULTIPLICATIONS("multiplications"),
        /** A network's receptive field, rows (= columns) of the input one output cell depends on. */
        RECEPTIVE_FIELD("receptive_field"),
        /** The values a network's layer outputs (C x H x W, or a vector's length). */
        VALUES("values");

        private final String id;

        Counted(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        static Counted fromId(String id) {
            return Named.byId(Counted.class, id);
        }
    }

    /**
     * Predict a count the engine knows: parameters (weights + biases), weights, or the
     * multiplications of the convolution; on a network also a layer's receptive field and its
     * number of output values.
     */
    record Count(Localized<RichText> ask, Localized<RichText> hint, Localized<RichText> explain, Counted counted,
                 long expected) implements Question {
        @Override
        public Verdict check(String answer) {
            Double v = Answers.number(answer);
            if (v == null || v != Math.rint(v)) {
                return new Verdict(Verdict.Outcome.NOT_UNDERSTOOD, answer, Long.toString(expected));
            }
            boolean ok = v.longValue() == expected;
            return new Verdict(ok ? Verdict.Outcome.CORRECT : Verdict.Outcome.WRONG, Long.toString(v.longValue()),
                    Long.toString(expected));
        }

        @Override
        public String expected(Locale locale) {
            return Long.toString(expected);
        }
    }

    /** How the right options of a choice are found. */
    enum Check implements Named {
        /** The author marks them ({@code correct: true}): for questions about ideas. */
        NONE("none"),
        /** The options whose state gives the same output as the step's. */
        SAME_OUTPUT("same_output"),
        /** The options whose output has the step's output shape. */
        SAME_SHAPE("same_shape"),
        /** The options whose output has as many rows and columns as their input. */
        KEEPS_SIZE("keeps_size"),
        /** The option whose kernel is nearest the kernel training found (a step with {@code fit}). */
        FIT_RESULT("fit_result");

        private final String id;

        Check(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        static Check fromId(String id) {
            return Named.byId(Check.class, id);
        }
    }

    /**
     * An option.
     *
     * @param text what it says
     * @param scenario the step's state with the option's changes, or null for an idea
     */
    record Option(Localized<RichText> text, Scenario scenario) {
    }

    /**
     * Choose among options. With one right option, that one; with several, all of them and no
     * wrong one ({@link #multiple()}: the window then lets the student tick several).
     *
     * @param correct indices of the right options (at least one), ascending
     */
    record Choice(Localized<RichText> ask, Localized<RichText> hint, Localized<RichText> explain, List<Option> options,
                  List<Integer> correct, Check check) implements Question {
        public Choice {
            options = List.copyOf(options);
            correct = List.copyOf(new java.util.TreeSet<>(correct));
        }

        /** True if more than one option is right: every right one must be chosen. */
        public boolean multiple() {
            return correct.size() > 1;
        }

        /**
         * Checks the options typed: a letter or number, or several ({@code A, C}). Right only if
         * they are exactly the right ones.
         */
        @Override
        public Verdict check(String answer) {
            List<Integer> chosen = Answers.options(answer, options.size());
            String want = expected(Locale.ROOT);
            if (chosen == null) {
                return new Verdict(Verdict.Outcome.NOT_UNDERSTOOD, answer, want);
            }
            return new Verdict(chosen.equals(correct) ? Verdict.Outcome.CORRECT : Verdict.Outcome.WRONG,
                    Answers.letters(chosen), want);
        }

        /** Checks the option at {@code index} (0-based) chosen alone. */
        public Verdict choose(int index) {
            return check(Answers.letter(index));
        }

        /** Checks the options ticked (0-based indices, any order). */
        public Verdict choose(java.util.Collection<Integer> indices) {
            return check(Answers.letters(List.copyOf(new java.util.TreeSet<>(indices))));
        }

        @Override
        public String expected(Locale locale) {
            return Answers.letters(correct);
        }
    }

    /**
     * A construction task: the student changes real settings (those in {@code change}) until
     * the engine's result meets a target: "set the padding so the output is 6 x 6", "build a
     * kernel that gives this map", "choose stride and pooling so 32 x 32 becomes 4 x 4". The
     * window calls {@link #check(Problem)} (or {@link LessonSession#build}) with the stepper's
     * current problem.
     *
     * @param start the step's problem, which the student starts from
     * @param change the spec fields the student may change ({@code padding}, {@code kernel}...)
     * @param targetShape the output shape to reach, {@code [H, W]} or {@code [C, H, W]}; or null
     * @param targetOutput the output to reach (within {@code tolerance}), when there is no target shape
     * @param tolerance the largest accepted difference per output value
     * @param solution the author's solution, the changed settings as spec JSON (checked by the
     *                 engine when the lesson loaded); shown as the answer
     */
    record Build(Localized<RichText> ask, Localized<RichText> hint, Localized<RichText> explain, Problem start,
                 List<String> change, int[] targetShape, org.convlens.engine.Tensor targetOutput, double tolerance,
                 com.fasterxml.jackson.databind.node.ObjectNode solution) implements Question {
        public Build {
            change = List.copyOf(change);
            targetShape = targetShape == null ? null : targetShape.clone();
            solution = solution.deepCopy();
        }

        @Override
        public int[] targetShape() {
            return targetShape == null ? null : targetShape.clone();
        }

        @Override
        public com.fasterxml.jackson.databind.node.ObjectNode solution() {
            return solution.deepCopy();
        }

        /** Checks what the student built: the problem the stepper holds now. */
        public Verdict check(Problem current) {
            return BuildTask.check(this, current);
        }

        /** Checks a try written as the changed settings in spec JSON, e.g. {@code {"padding": 1}}. */
        @Override
        public Verdict check(String answer) {
            return BuildTask.check(this, answer);
        }

        /** What the student changed (of the settings they may change), as spec JSON: the form {@link #check(String)} reads. */
        public String changes(Problem current) {
            return BuildTask.changes(start, change, current).toString();
        }

        /**
         * For an output of the target output's shape: {@code {count, first}}, how many values are
         * off by more than the tolerance and the flat index of the first (-1 if none).
         */
        public int[] offValues(org.convlens.engine.Tensor out) {
            return BuildTask.offValues(this, out);
        }

        /** The author's solution as {@code padding: 1}. */
        @Override
        public String expected(Locale locale) {
            return BuildTask.describe(solution);
        }
    }
}
