package org.convlens.lesson;

import org.convlens.engine.ConvPlan;
import org.convlens.engine.Kernel;
import org.convlens.engine.Tensor;
import org.convlens.lesson.YamlTree.Mapping;
import org.convlens.lesson.YamlTree.Node;
import org.convlens.lesson.YamlTree.Scalar;
import org.convlens.lesson.YamlTree.Sequence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a step's {@code question}. The right answer always comes from the engine run on the
 * step's state: a cell's value, the output's shape, a count from the plan, or which options'
 * states give the asked-for result. An answer the file states as well is compared with it.
 */
final class Questions {
    private static final Set<String> COMMON = Set.of("type", "ask", "hint", "explain");
    private static final Map<String, Set<String>> KEYS = Map.of(
            "value", Set.of("cell", "of", "tolerance", "answer"),
            "shape", Set.of("channels", "answer"),
            "count", Set.of("of", "answer"),
            "choice", Set.of("options", "check"),
            "build", Set.of("change", "target", "solution"));
    private static final Set<String> TARGET_KEYS = Set.of("shape", "output", "output_of", "tolerance");
    private static final float SAME = 1e-4f;

    private final Report r;
    private final StateReader.Built state;
    private final Scenario sc;
    private final FitDemo fit;
    private final LessonNetwork net;

    Questions(Report r, StateReader.Built state, Scenario sc, FitDemo fit) {
        this(r, state, sc, fit, null);
    }

    /** Questions about {@code net} when it is not null (a step showing a network), else about the state. */
    Questions(Report r, StateReader.Built state, Scenario sc, FitDemo fit, LessonNetwork net) {
        this.r = r;
        this.state = state;
        this.sc = sc;
        this.fit = fit;
        this.net = net;
    }

    /** The question, or null after reporting. */
    Question read(Node n) {
        Mapping m = Keys.map(n, r);
        if (m == null) {
            return null;
        }
        Node typeNode = m.value("type");
        if (typeNode == null) {
            r.error(m.line(), "error.key.missing", "type");
            return null;
        }
        String type = Keys.name(typeNode, r);
        if (type == null) {
            return null;
        }
        Set<String> own = net == null ? KEYS.get(type) : NetworkQuestions.KEYS.get(type);
        if (own == null) {
            if (net == null || !KEYS.containsKey(type)) {
                r.error(typeNode.line(), "error.question.type", type, "value, shape, count, choice, build");
            } else {
                r.error(typeNode.line(), "error.network.questionType", type, "shape, count, choice");
            }
            return null;
        }
        Set<String> allowed = new HashSet<>(COMMON);
        allowed.addAll(own);
        boolean ok = Keys.check(m, allowed, "error.key.question", r);
        Localized<RichText> ask = requiredText(m, "ask");
        Localized<RichText> explain = requiredText(m, "explain");
        Localized<RichText> hint = m.value("hint") == null ? null : LessonLoader.richText(r, m.value("hint"));
        if (!ok || ask == null || explain == null || (hint == null && m.value("hint") != null)) {
            return null;
        }
        if (net != null && !type.equals("choice")) {
            return new NetworkQuestions(r, net).read(type, m, ask, hint, explain);
        }
        if (net != null && m.value("check") != null && !"none".equals(Keys.name(m.value("check"), r))) {
            r.error(m.value("check").line(), "error.network.check");
            return null;
        }
        return switch (type) {
            case "value" -> value(m, ask, hint, explain);
            case "shape" -> shape(m, ask, hint, explain);
            case "count" -> count(m, ask, hint, explain);
            case "build" -> build(m, ask, hint, explain);
            default -> choice(m, ask, hint, explain);
        };
    }

    private Localized<RichText> requiredText(Mapping m, String key) {
        if (m.value(key) == null) {
            r.error(m.line(), "error.key.missing", key);
            return null;
        }
        return LessonLoader.richText(r, m.value(key));
    }

    private Question value(Mapping m, Localized<RichText> ask, Localized<RichText> hint, Localized<RichText> explain) {
        Node cellNode = m.value("cell");
        if (cellNode == null) {
            r.error(m.line(), "error.key.missing", "cell");
            return null;
        }
        Question.Grid grid = Question.Grid.OUTPUT;
        if (m.value("of") != null) {
            String of = Keys.name(m.value("of"), r);
            if (of == null) {
                return null;
            }
            if (of.equals("feature_map")) {
                grid = Question.Grid.FEATURE_MAP;
            } else if (!of.equals("output")) {
                r.error(m.value("of").line(), "error.question.valueOf", of);
                return null;
            }
        }
        ConvPlan plan = sc.plan();
        if (grid == Question.Grid.FEATURE_MAP && !plan.hasPool()) {
            r.error(m.value("of").line(), "error.show.featureMapNoPool");
            return null;
        }
        Tensor t = grid == Question.Grid.OUTPUT ? sc.result().output() : sc.result().featureMap();
        int[] c = Keys.cell(cellNode, r);
        if (c == null) {
            return null;
        }
        if (c[0] < 0 || c[0] >= t.channels() || c[1] < 0 || c[1] >= t.height() || c[2] < 0 || c[2] >= t.width()) {
            r.error(cellNode.line(), "error.question.cell", Keys.cellText(c, cellNode),
                    t.channels() + " x " + t.height() + " x " + t.width());
            return null;
        }
        double tolerance = LessonLoader.DEFAULT_TOLERANCE;
        if (m.value("tolerance") != null) {
            Double d = Keys.number(m.value("tolerance"), r);
            if (d == null) {
                return null;
            }
            if (!(d >= 0) || d > 1e6) {
                r.error(m.value("tolerance").line(), "error.question.tolerance", d);
                return null;
            }
            tolerance = d;
        }
        float expected = t.get(c[0], c[1], c[2]);
        Question.Value q = new Question.Value(ask, hint, explain, grid, new Highlight.Cell(c[0], 0, c[1], c[2]),
                expected, tolerance);
        if (m.value("answer") != null) {
            Node a = m.value("answer");
            Double stated = a instanceof Scalar s ? Answers.number(s.text()) : null;
            if (stated == null) {
                r.error(a.line(), "error.value.number", YamlTree.describe(a));
                return null;
            }
            if (!q.check(s(a)).correct()) {
                r.error(a.line(), "error.question.answerMismatch", Answers.format(stated), Answers.format(expected));
                return null;
            }
        }
        return q;
    }

    private static String s(Node n) {
        return ((Scalar) n).text();
    }

    private Question shape(Mapping m, Localized<RichText> ask, Localized<RichText> hint, Localized<RichText> explain) {
        return shape(m, ask, hint, explain, sc.plan().outputShape(), r);
    }

    /** A shape question whose answer is {@code shape} ({@code [C, H, W]}), or null after reporting. */
    static Question shape(Mapping m, Localized<RichText> ask, Localized<RichText> hint, Localized<RichText> explain,
                          int[] shape, Report r) {
        boolean channels = shape[0] > 1;
        if (m.value("channels") != null) {
            Boolean b = Keys.bool(m.value("channels"), r);
            if (b == null) {
                return null;
            }
            channels = b;
        }
        Question.Shape q = new Question.Shape(ask, hint, explain, shape, channels);
        Node a = m.value("answer");
        if (a != null) {
            String text = a instanceof Sequence seq ? seq.items().stream().map(i -> i instanceof Scalar x ? x.text() : "?")
                    .reduce((x, y) -> x + " x " + y).orElse("") : a instanceof Scalar x ? x.text() : "";
            int[] stated = Answers.shape(text);
            if (stated == null) {
                r.error(a.line(), "error.question.shapeAnswer", YamlTree.describe(a));
                return null;
            }
            if (!q.check(text).correct()) {
                r.error(a.line(), "error.question.answerMismatch", Answers.shape(stated), q.expected(r.locale()));
                return null;
            }
        }
        return q;
    }

    private Question count(Mapping m, Localized<RichText> ask, Localized<RichText> hint, Localized<RichText> explain) {
        Node ofNode = m.value("of");
        if (ofNode == null) {
            r.error(m.line(), "error.key.missing", "of");
            return null;
        }
        String of = Keys.name(ofNode, r);
        Question.Counted counted = of == null ? null : Question.Counted.fromId(of);
        if (counted == null) {
            if (of != null) {
                r.error(ofNode.line(), "error.question.countOf", of, "parameters, weights, multiplications");
            }
            return null;
        }
        if (counted == Question.Counted.RECEPTIVE_FIELD || counted == Question.Counted.VALUES) {
            r.error(ofNode.line(), "error.question.countNeedsNetwork", of);
            return null;
        }
        ConvPlan plan = sc.plan();
        Kernel k = plan.directKernel();
        long expected = switch (counted) {
            case PARAMETERS -> plan.parameterCount();
            case WEIGHTS -> plan.spec().kernel().size();
            case MULTIPLICATIONS -> (long) plan.outChannels() * plan.outHeight() * plan.outWidth()
                    * plan.inPerGroup() * k.height() * k.width();
            default -> throw new IllegalStateException(counted.id());
        };
        return stated(new Question.Count(ask, hint, explain, counted, expected), m, r);
    }

    /** {@code q}, or null after reporting that the answer the file states is not the engine's. */
    static Question.Count stated(Question.Count q, Mapping m, Report r) {
        Node a = m.value("answer");
        if (a != null) {
            Long stated = Keys.whole(a, r);
            if (stated == null) {
                return null;
            }
            if (stated != q.expected()) {
                r.error(a.line(), "error.question.answerMismatch", stated, q.expected());
                return null;
            }
        }
        return q;
    }

    private Question choice(Mapping m, Localized<RichText> ask, Localized<RichText> hint, Localized<RichText> explain) {
        Question.Check check = Question.Check.NONE;
        if (m.value("check") != null) {
            String id = Keys.name(m.value("check"), r);
            check = id == null ? null : Question.Check.fromId(id);
            if (check == null) {
                if (id != null) {
                    r.error(m.value("check").line(), "error.question.check", id,
                            "none, same_output, same_shape, keeps_size, fit_result");
                }
                return null;
            }
        }
        if (check == Question.Check.FIT_RESULT && fit == null) {
            r.error(m.value("check").line(), "error.question.fitWithoutFit");
            return null;
        }
        Node on = m.value("options");
        if (on == null) {
            r.error(m.line(), "error.key.missing", "options");
            return null;
        }
        if (!(on instanceof Sequence seq) || seq.items().size() < 2 || seq.items().size() > 8) {
            r.error(on.line(), "error.question.options", YamlTree.describe(on));
            return null;
        }
        List<Question.Option> options = new ArrayList<>();
        List<Boolean> stated = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        boolean ok = true;
        for (Node item : seq.items()) {
            Mapping om = Keys.map(item, r);
            if (om == null || !Keys.check(om, LessonLoader.OPTION_KEYS, "error.key.option", r)) {
                ok = false;
                continue;
            }
            Localized<RichText> text = om.value("text") == null ? null : LessonLoader.richText(r, om.value("text"));
            if (om.value("text") == null) {
                r.error(om.line(), "error.key.missing", "text");
            }
            Boolean correct = null;
            if (om.value("correct") != null) {
                correct = Keys.bool(om.value("correct"), r);
                if (correct == null) {
                    ok = false;
                }
            }
            Scenario optionScenario = null;
            Node st = om.value("state");
            if (check == Question.Check.NONE) {
                if (st != null) {
                    r.error(st.line(), "error.question.stateWithoutCheck");
                    ok = false;
                }
            } else if (st == null) {
                r.error(om.line(), "error.question.optionNeedsState", check.id());
                ok = false;
            } else {
                Mapping sm = Keys.map(st, r);
                StateReader.Built b = sm == null ? null : StateReader.apply(state, sm, true, r);
                optionScenario = b == null ? null : StateReader.scenario(b, st.line(), r);
                if (optionScenario == null) {
                    ok = false;
                } else if (check == Question.Check.FIT_RESULT && !sameLayout(optionScenario)) {
                    r.error(st.line(), "error.question.fitOptionShape");
                    ok = false;
                }
            }
            if (text == null) {
                ok = false;
            }
            options.add(new Question.Option(text, optionScenario));
            stated.add(correct);
            lines.add(om.line());
        }
        if (!ok) {
            return null;
        }
        List<Integer> correct = new ArrayList<>();
        if (check == Question.Check.NONE) {
            for (int i = 0; i < stated.size(); i++) {
                if (Boolean.TRUE.equals(stated.get(i))) {
                    correct.add(i);
                }
            }
            if (correct.isEmpty()) {
                r.error(on.line(), "error.question.noCorrect");
                return null;
            }
        } else {
            boolean[] right = engineChoice(check, options);
            for (int i = 0; i < right.length; i++) {
                if (right[i]) {
                    correct.add(i);
                }
                if (stated.get(i) != null && stated.get(i) != right[i]) {
                    r.error(lines.get(i), right[i] ? "error.question.optionIsRight" : "error.question.optionIsWrong",
                            Answers.letter(i), check.id());
                    ok = false;
                }
            }
            if (correct.isEmpty()) {
                r.error(on.line(), "error.question.noneRight", check.id());
                return null;
            }
            if (!ok) {
                return null;
            }
        }
        return new Question.Choice(ask, hint, explain, options, correct, check);
    }

    /**
     * A construction task: {@code change} (the settings the student may change), {@code target}
     * ({@code shape}, {@code output} as a grid, or {@code output_of} a state; {@code tolerance})
     * and the author's {@code solution}, which the engine must find meets the target while the
     * step's own state does not.
     */
    private Question build(Mapping m, Localized<RichText> ask, Localized<RichText> hint, Localized<RichText> explain) {
        for (String key : List.of("change", "target", "solution")) {
            if (m.value(key) == null) {
                r.error(m.line(), "error.key.missing", key);
                return null;
            }
        }
        List<String> change = new ArrayList<>();
        Node cn = m.value("change");
        for (Node item : cn instanceof Sequence q ? q.items() : List.of(cn)) {
            String f = Keys.name(item, r);
            if (f == null) {
                return null;
            }
            if (!org.convlens.spec.SpecReader.FIELDS.contains(f)) {
                r.error(item.line(), "error.build.field", f, String.join(", ", org.convlens.spec.SpecReader.FIELDS));
                return null;
            }
            change.add(f);
        }
        Mapping tm = Keys.map(m.value("target"), r);
        if (tm == null || !Keys.check(tm, TARGET_KEYS, "error.key.target", r)) {
            return null;
        }
        long kinds = java.util.stream.Stream.of("shape", "output", "output_of").filter(k -> tm.value(k) != null).count();
        if (kinds != 1) {
            r.error(tm.line(), "error.build.targetKind");
            return null;
        }
        double tolerance = LessonLoader.DEFAULT_TOLERANCE;
        if (tm.value("tolerance") != null) {
            Double d = Keys.number(tm.value("tolerance"), r);
            if (d == null) {
                return null;
            }
            if (!(d >= 0) || d > 1e6) {
                r.error(tm.value("tolerance").line(), "error.question.tolerance", d);
                return null;
            }
            tolerance = d;
        }
        int[] shape = null;
        Tensor output = null;
        if (tm.value("shape") != null) {
            shape = Keys.wholeList(tm.value("shape"), 1, Integer.MAX_VALUE, r);
            if (shape == null) {
                return null;
            }
            if (shape.length != 2 && shape.length != 3) {
                r.error(tm.value("shape").line(), "error.build.shape", shape.length);
                return null;
            }
        } else if (tm.value("output") != null) {
            java.util.Map<String, Integer> lines = new java.util.HashMap<>();
            com.fasterxml.jackson.databind.JsonNode grid = Grids.tensor(tm.value("output"), "$.target.output", lines, r);
            if (grid == null) {
                return null;
            }
            try {
                output = org.convlens.spec.SpecReader.tensor(grid, "$.target.output");
            } catch (org.convlens.engine.SpecException e) {
                StateReader.report(e, lines, tm.value("output").line(), r);
                return null;
            }
        } else {
            Mapping om = Keys.map(tm.value("output_of"), r);
            StateReader.Built b = om == null ? null : StateReader.apply(state, om, true, r);
            Scenario target = b == null ? null : StateReader.scenario(b, om.line(), r);
            if (target == null) {
                return null;
            }
            output = target.result().output();
        }
        Mapping sm = Keys.map(m.value("solution"), r);
        if (sm == null) {
            return null;
        }
        for (YamlTree.Entry e : sm.entries().values()) {
            if (!change.contains(e.key())) {
                r.error(e.line(), "error.build.solutionField", e.key(), String.join(", ", change));
                return null;
            }
        }
        StateReader.Built sb = StateReader.apply(state, sm, true, r);
        Scenario solved = sb == null ? null : StateReader.scenario(sb, sm.line(), r);
        if (solved == null) {
            return null;
        }
        Question.Build q = new Question.Build(ask, hint, explain, sc.problem(), change, shape, output, tolerance,
                BuildTask.changes(sc.problem(), change, solved.problem()));
        if (BuildTask.meets(q, sc.result().output())) {
            r.error(m.value("target").line(), "error.build.alreadyMet");
            return null;
        }
        Verdict v = q.check(solved.problem());
        if (!v.correct()) {
            r.error(sm.line(), "error.build.solutionMisses", Answers.shape(solved.result().output().shape()));
            return null;
        }
        return q;
    }

    private boolean sameLayout(Scenario o) {
        int[] a = o.problem().spec().kernel().shape();
        int[] b = sc.problem().spec().kernel().shape();
        return java.util.Arrays.equals(a, b);
    }

    /** Which options are right, by the engine. */
    private boolean[] engineChoice(Question.Check check, List<Question.Option> options) {
        boolean[] right = new boolean[options.size()];
        if (check == Question.Check.FIT_RESULT) {
            float[] learnt = fit.result().kernel().data();
            double best = Double.MAX_VALUE;
            int bestI = -1;
            for (int i = 0; i < options.size(); i++) {
                float[] w = options.get(i).scenario().problem().spec().kernel().data();
                double d = 0;
                for (int j = 0; j < w.length; j++) {
                    d += (w[j] - learnt[j]) * (double) (w[j] - learnt[j]);
                }
                if (d < best) {
                    best = d;
                    bestI = i;
                }
            }
            right[bestI] = true;
            return right;
        }
        Tensor mine = sc.result().output();
        for (int i = 0; i < options.size(); i++) {
            Scenario o = options.get(i).scenario();
            Tensor out = o.result().output();
            right[i] = switch (check) {
                case SAME_OUTPUT -> sameValues(mine, out);
                case SAME_SHAPE -> java.util.Arrays.equals(mine.shape(), out.shape());
                case KEEPS_SIZE -> out.height() == o.problem().input().height()
                        && out.width() == o.problem().input().width();
                default -> throw new AssertionError(check);
            };
        }
        return right;
    }

    private static boolean sameValues(Tensor a, Tensor b) {
        if (!java.util.Arrays.equals(a.shape(), b.shape())) {
            return false;
        }
        for (int i = 0; i < a.data().length; i++) {
            float x = a.data()[i];
            float y = b.data()[i];
            if (Math.abs(x - y) > SAME * Math.max(1f, Math.abs(x))) {
                return false;
            }
        }
        return true;
    }
}
