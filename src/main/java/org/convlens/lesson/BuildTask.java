package org.convlens.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.Parallel;
import org.convlens.engine.SpecException;
import org.convlens.engine.Tensor;
import org.convlens.spec.Problem;
import org.convlens.spec.SpecReader;
import org.convlens.spec.SpecWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checking behind a {@link Question.Build} task: the student changes real settings in the
 * stepper, and the engine runs what they built. Right when the result meets the target (an
 * output shape, or output values within a tolerance) and nothing but the settings the task
 * names was changed (editing the input to force an output is not a solution).
 *
 * <p>A try is written as the changed settings in spec JSON ({@code {"padding": 1}}), so it can be
 * remembered in the progress file and checked again later like a typed answer.
 */
final class BuildTask {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private BuildTask() {
    }

    /** The problem as a spec tree, with an all-zero bias written as none (the two are the same layer). */
    static ObjectNode tree(Problem p) {
        ObjectNode t = SpecWriter.toTree(p);
        JsonNode b = t.get("bias");
        if (b != null && b.isArray()) {
            boolean zero = true;
            for (JsonNode v : b) {
                zero &= v.isNumber() && v.doubleValue() == 0;
            }
            if (zero) {
                t.remove("bias");
            }
        }
        return t;
    }

    /** Fields of {@code current} that differ from {@code start}, in spec order. */
    static List<String> changed(ObjectNode start, ObjectNode current) {
        List<String> out = new ArrayList<>();
        for (String f : SpecReader.FIELDS) {
            JsonNode a = start.get(f);
            JsonNode b = current.get(f);
            if (a == null ? b != null : !a.equals(b)) {
                out.add(f);
            }
        }
        return out;
    }

    /** The allowed fields that changed, as spec JSON (a removed field as null). */
    static ObjectNode changes(Problem from, List<String> allowed, Problem current) {
        ObjectNode start = tree(from);
        ObjectNode now = tree(current);
        ObjectNode c = F.objectNode();
        for (String f : changed(start, now)) {
            if (allowed.contains(f)) {
                c.set(f, now.has(f) ? now.get(f) : F.nullNode());
            }
        }
        return c;
    }

    /** Checks what the student built. */
    static Verdict check(Question.Build q, Problem current) {
        String want = q.expected(null);
        ObjectNode now = tree(current);
        List<String> offLimits = new ArrayList<>(changed(tree(q.start()), now));
        offLimits.removeAll(q.change());
        if (!offLimits.isEmpty()) {
            return new Verdict(Verdict.Outcome.NOT_ALLOWED, String.join(", ", offLimits), want);
        }
        String given = describe(changes(q.start(), q.change(), current));
        Tensor out;
        try {
            ConvPlan plan = ConvPlan.of(current.spec(), current.input());
            if (StateReader.work(plan) > StateReader.MAX_WORK) {
                return new Verdict(Verdict.Outcome.NOT_UNDERSTOOD, given, want);
            }
            out = ConvEngine.run(plan, current.input(), Parallel.availableThreads()).output();
        } catch (SpecException | ArithmeticException | IllegalArgumentException e) {
            return new Verdict(Verdict.Outcome.WRONG, given, want);
        }
        return new Verdict(meets(q, out) ? Verdict.Outcome.CORRECT : Verdict.Outcome.WRONG, given, want);
    }

    /** Checks a try written as changed settings in spec JSON. */
    static Verdict check(Question.Build q, String json) {
        String want = q.expected(null);
        ObjectNode changes;
        try {
            JsonNode n = SpecReader.parseJson(json == null ? "" : json);
            if (!n.isObject()) {
                return new Verdict(Verdict.Outcome.NOT_UNDERSTOOD, String.valueOf(json), want);
            }
            changes = (ObjectNode) n;
        } catch (SpecException e) {
            return new Verdict(Verdict.Outcome.NOT_UNDERSTOOD, String.valueOf(json), want);
        }
        Set<String> offLimits = new TreeSet<>();
        changes.fieldNames().forEachRemaining(f -> {
            if (!q.change().contains(f)) {
                offLimits.add(f);
            }
        });
        if (!offLimits.isEmpty()) {
            return new Verdict(Verdict.Outcome.NOT_ALLOWED, String.join(", ", offLimits), want);
        }
        ObjectNode t = tree(q.start());
        changes.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                t.remove(e.getKey());
            } else {
                t.set(e.getKey(), e.getValue());
            }
        });
        Problem p;
        try {
            p = SpecReader.read(t);
        } catch (SpecException e) {
            return new Verdict(Verdict.Outcome.WRONG, describe(changes), want);
        }
        return check(q, p);
    }

    /** Whether an output meets the task's target. */
    static boolean meets(Question.Build q, Tensor out) {
        int[] s = out.shape();
        if (q.targetShape() != null) {
            int[] t = q.targetShape();
            return t.length == 2 ? s[1] == t[0] && s[2] == t[1] : java.util.Arrays.equals(s, t);
        }
        return java.util.Arrays.equals(s, q.targetOutput().shape()) && offValues(q, out)[0] == 0;
    }

    /**
     * How far an output of the target output's shape is from it: {@code {count, first}}, the
     * number of values off by more than the tolerance and the flat index of the first (-1 if none).
     */
    static int[] offValues(Question.Build q, Tensor out) {
        Tensor t = q.targetOutput();
        int count = 0;
        int first = -1;
        for (int i = 0; i < t.data().length; i++) {
            if (!(Math.abs(out.data()[i] - t.data()[i]) <= q.tolerance() + 1e-6 * Math.abs(t.data()[i]))) {
                count++;
                first = first < 0 ? i : first;
            }
        }
        return new int[] {count, first};
    }

    /** Changed settings as shown to a student: {@code padding: 1, pool: {"type":"max","size":4}}. */
    static String describe(ObjectNode changes) {
        List<String> parts = new ArrayList<>();
        changes.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            parts.add(e.getKey() + ": " + (v.isTextual() ? v.asText() : v.toString()));
        });
        return String.join(", ", parts);
    }
}
